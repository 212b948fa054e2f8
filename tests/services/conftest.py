import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_matcher_index():
    # The matcher index lives in process memory and its generation number in the cache; the test database
    # is rolled back between tests without signals, so start every test from an empty cache.
    cache.clear()
    yield
    cache.clear()
