import pytest

from tests.isolation.fixtures import worlds  # noqa: F401 (fixture: an organisation owning one of every row)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Password hashing dominates the run time of these tests and is not what they check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
