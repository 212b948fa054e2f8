"""Wait for a report job from a shell command: the job row, not the broker, records when it is done."""

import time

from .models import ReportJob


class ReportJobTimeout(Exception):
    """The job did not finish within the time allowed."""


def report_job_wait(*, job_id, timeout_seconds, poll_seconds=0.5):
    """Poll the job row until it succeeds or fails and return it; raise ReportJobTimeout after `timeout_seconds`.

    With eager Celery (no REDIS_URL) the job has already run when report_request's transaction committed.
    """
    deadline = time.monotonic() + timeout_seconds
    while True:
        job = ReportJob.objects.get(pk=job_id)
        if job.status in (ReportJob.Status.SUCCEEDED, ReportJob.Status.FAILED):
            return job
        if time.monotonic() >= deadline:
            raise ReportJobTimeout(
                f"Report job {job_id} is still {job.status} after {timeout_seconds} s. "
                "Check that a Celery worker is running (make worker)."
            )
        time.sleep(poll_seconds)
