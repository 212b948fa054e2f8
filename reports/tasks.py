"""Celery tasks of the reports app. Tasks take ids, and the job row (not the broker) records what is left to do."""

import logging
import os
import signal
import socket
import time
from pathlib import Path

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, InterfaceError, OperationalError
from django.utils.translation import gettext as _

from . import conf
from .actions import (
    ClaimOutcome,
    report_files_cleanup,
    report_job_claim,
    report_job_complete,
    report_job_fail,
    report_job_progress,
    report_job_release,
    report_jobs_reap,
)
from .kinds import ReportInputError
from .rendering.pipeline import render_job

logger = logging.getLogger(__name__)

# Errors worth a retry: the database or the file storage was briefly unreachable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_RETRIES = 2


def _worker_identity(task_id):
    # Host and process id identify the worker child that holds a lease, and the task id distinguishes deliveries.
    return f"{socket.gethostname()}:{os.getpid()}:{task_id or 'local'}"[:200]


def _run_test_hooks():
    """Block or crash on request of a test (DEBUG only); see reports.conf."""
    crash_file = conf.test_crash_file()
    if crash_file and Path(crash_file).exists():
        logger.warning("Report test hook: killing worker process %s.", os.getpid())
        os.kill(os.getpid(), signal.SIGKILL)
    block_file = conf.test_block_file()
    while block_file and Path(block_file).exists():
        time.sleep(0.1)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=conf.soft_time_limit(),
    time_limit=conf.time_limit(),
)
def render_report(self, job_id):
    """Render report job `job_id` once; safe to run again for the same job (a duplicate returns early)."""
    worker = _worker_identity(self.request.id)
    claim = report_job_claim(job_id=job_id, worker=worker)
    if claim.outcome != ClaimOutcome.CLAIMED:
        logger.info("Report job %s not rendered by %s: %s.", job_id, worker, claim.outcome)
        return claim.outcome

    started = time.perf_counter()
    try:
        report_job_progress(job_id=job_id, worker=worker, progress=5)
        _run_test_hooks()
        rendered = render_job(
            claim.job,
            report_progress=lambda percent: report_job_progress(job_id=job_id, worker=worker, progress=percent),
        )
    except ReportInputError as error:
        report_job_fail(job_id=job_id, worker=worker, error=str(error))
        return "failed"
    except SoftTimeLimitExceeded:
        report_job_fail(
            job_id=job_id,
            worker=worker,
            error=_(
                "The report took longer than %(seconds)s seconds to render and was stopped. "
                "Narrow it down with the report's filters or split it into several reports."
            )
            % {"seconds": conf.soft_time_limit()},
        )
        return "failed"
    except TRANSIENT_ERRORS as error:
        if self.request.retries < MAX_RETRIES:
            logger.warning("Report job %s: transient error %r, retrying.", job_id, error)
            try:
                report_job_release(job_id=job_id, worker=worker)
            except DatabaseError:
                logger.exception("Report job %s: could not release the lease; the reaper will.", job_id)
            raise self.retry(exc=error, countdown=5 * 2**self.request.retries) from error
        report_job_fail(
            job_id=job_id, worker=worker, error=_("Rendering failed after retries: %(error)s") % {"error": error}
        )
        return "failed"
    except Exception as error:
        logger.exception("Report job %s failed while rendering.", job_id)
        report_job_fail(
            job_id=job_id,
            worker=worker,
            error=_("Rendering failed: %(error)s") % {"error": f"{type(error).__name__}: {error}"},
        )
        return "failed"

    job = report_job_complete(job_id=job_id, worker=worker, content=rendered.content, page_count=rendered.page_count)
    logger.info(
        "Report job %s finished by %s in %.2f s (%s pages).",
        job_id,
        worker,
        time.perf_counter() - started,
        rendered.page_count,
    )
    return "succeeded" if job is not None else "lease lost"


@shared_task(acks_late=True)
def reap_report_jobs():
    """Requeue report jobs whose worker died (expired lease); fail those past the last attempt."""
    result = report_jobs_reap()
    return {"requeued": result.requeued, "failed": result.failed, "resent": result.resent}


@shared_task(acks_late=True)
def cleanup_report_files():
    """Delete report files older than REPORTS_FILE_RETENTION_DAYS."""
    return report_files_cleanup()
