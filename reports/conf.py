"""Settings of the reports app, with their defaults. config/settings.py sets them from the environment."""

from django.conf import settings


def _setting(name, default):
    return getattr(settings, name, default)


def max_attempts():
    """Claims of one job before it fails for good: a job that kills its worker every time stops here."""
    return _setting("REPORTS_MAX_ATTEMPTS", 3)


def soft_time_limit():
    """Seconds after which a render is interrupted (SoftTimeLimitExceeded) and the job marked failed."""
    return _setting("REPORTS_SOFT_TIME_LIMIT", 240)


def time_limit():
    """Seconds after which the worker child running a render is killed."""
    return _setting("REPORTS_TIME_LIMIT", 300)


def lease_seconds():
    """Seconds a claim stays valid without renewal. Longer than the hard time limit, so a live render never
    loses its lease; once it expires the worker is gone and the reaper may hand the job to another one."""
    return _setting("REPORTS_LEASE_SECONDS", time_limit() + 60)


def queued_resend_seconds():
    """Seconds after which a job still queued is sent to the broker again (the first message was lost)."""
    return _setting("REPORTS_QUEUED_RESEND_SECONDS", 900)


def max_unfinished_per_organisation():
    return _setting("REPORTS_MAX_UNFINISHED_PER_ORGANISATION", 10)


def file_retention_days():
    return _setting("REPORTS_FILE_RETENTION_DAYS", 90)


def test_block_file():
    """Path of a file the render waits on while it exists (DEBUG only), so tests can kill a worker mid-render."""
    return _setting("REPORTS_TEST_BLOCK_FILE", "") if settings.DEBUG else ""


def test_crash_file():
    """Path of a file whose existence makes the render kill its own process (DEBUG only), for crash tests."""
    return _setting("REPORTS_TEST_CRASH_FILE", "") if settings.DEBUG else ""
