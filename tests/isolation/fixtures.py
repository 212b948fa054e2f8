"""Fixtures of the isolation worlds, for tests/isolation/ and any test module that imports them."""

import pytest

from .world import build_world


@pytest.fixture
def fast_password_hashing(settings):
    # Each world creates eight users; the production hasher would spend most of the test hashing passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, fast_password_hashing):
    """Organisation A with one of every organisation-owned row, and organisation B with one member per role."""
    return build_world()


@pytest.fixture
def worlds(db, fast_password_hashing):
    """Like `world`, but organisation B owns one of every row as well (`world.other`)."""
    return build_world(populate_other=True)
