import pytest

# The real prefork worker of the `services` tests. Only tests that use these fixtures start it.
from .worker import report_worker, worker_media  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # Tests here create many members; the default PBKDF2 hasher would dominate their run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    # Rendered files go to a per-test directory, never to var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
