import pytest


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # Tests here create many members; the default PBKDF2 hasher would dominate their run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
