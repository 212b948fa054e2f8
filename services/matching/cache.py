"""The shared matcher index, rebuilt when any catalogue row changes.

A generation number in the Django cache (Redis in production, so shared by every process) is raised by
signals on catalogue writes; each process rebuilds its index when the number it built from is out of date.
"""

import threading

from django.core.cache import cache

from .index import build_index

GENERATION_KEY = "services:matching:generation"
_lock = threading.Lock()
_state = {"generation": None, "index": None}


def invalidate_index(**_kwargs):
    """Mark every process's index as out of date."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def get_index():
    """Return the index of published services, rebuilding it when the catalogue changed."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 0, timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    with _lock:
        if _state["index"] is None or _state["generation"] != generation:
            _state["index"] = build_index()
            _state["generation"] = generation
        return _state["index"]
