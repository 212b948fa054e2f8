from .worker import celery_worker  # noqa: F401 (fixture)
