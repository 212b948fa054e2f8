import itertools

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

# One client address per test: allauth rate-limits sign-ins per IP address (30 a minute by default), and the
# tests of a run would otherwise add up against 127.0.0.1 and hit the limit.
_client_addresses = (f"198.18.{number // 250}.{number % 250 + 1}" for number in itertools.count())


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Password hashing dominates the run time of these tests and is not what they check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Start each test with no rate-limit counters in the in-memory cache.

    allauth also counts per user, and on SQLite a rolled-back test frees its user ids for the next test, so
    counts would carry over to another user with the same id. With Redis (PostgreSQL runs) ids are never
    reused and the cache, shared with the Celery broker, is left alone.
    """
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        backend.clear()


@pytest.fixture
def client(client):
    client.defaults["REMOTE_ADDR"] = next(_client_addresses)
    return client
