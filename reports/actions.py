"""Writes on report jobs. The job row is the source of truth: workers claim it with a lease, and only the
holder of a live lease may record progress or the rendered file."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import conf
from .kinds import ReportInputError, get_kind
from .models import ReportJob

logger = logging.getLogger(__name__)

# Reasons stored in the job history (django-simple-history's change reason): the audit trail of a job.
REASON_REQUESTED = "requested"
REASON_CLAIMED = "claimed"
REASON_RENDERED = "rendered"
REASON_FAILED = "failed"
REASON_RETRY = "released for retry"
REASON_REQUEUED = "requeued after lease expiry"
REASON_FILE_DELETED = "file deleted"


def _save(job, reason, update_fields):
    job._change_reason = reason
    job.save(update_fields=update_fields)


def _enqueue(job_id):
    from .tasks import render_report

    transaction.on_commit(lambda: render_report.delay(job_id))


def report_request(*, organisation, actor, kind, parameters=None, requester_role=None):
    """Create a queued report job of `kind` and send it to the workers once the transaction commits.

    `requester_role` is the actor's membership role when the request comes from a page or the API; shell
    commands pass None. Raise PermissionDenied when that role is below the kind's `request_role`, and
    ValidationError (with the field at fault) for an unknown kind, invalid parameters, or when the
    organisation already has too many unfinished reports.
    """
    try:
        report_kind = get_kind(kind)
    except ReportInputError as error:
        raise ValidationError({"kind": str(error)}) from None
    if requester_role is not None and not report_kind.allows_request_by(requester_role):
        raise PermissionDenied(
            _("Your role cannot request the report “%(kind)s”. Ask a member with a higher role to request it.")
            % {"kind": report_kind.label}
        )
    try:
        cleaned = report_kind.clean_parameters(parameters)
    except ReportInputError as error:
        raise ValidationError({"parameters": str(error)}) from None

    limit = conf.max_unfinished_per_organisation()
    with transaction.atomic():
        unfinished = ReportJob.objects.for_organisation(organisation).unfinished().count()
        if unfinished >= limit:
            raise ValidationError(
                _(
                    "%(count)s reports of this organisation are still queued or running (the limit is %(limit)s). "
                    "Wait for them to finish, then request this one again."
                )
                % {"count": unfinished, "limit": limit}
            )

        job = ReportJob(organisation=organisation, kind=report_kind.name, parameters=cleaned, requested_by=actor)
        job._change_reason = REASON_REQUESTED
        job.save()

        _enqueue(job.pk)

    logger.info("Report job %s (%s) requested for organisation %s.", job.pk, kind, organisation.pk)
    return job


class ClaimOutcome:
    CLAIMED = "claimed"
    MISSING = "missing"
    FINISHED = "finished"
    LEASED = "leased"
    EXHAUSTED = "exhausted"


@dataclass
class Claim:
    outcome: str
    job: ReportJob | None = None


def report_job_claim(*, job_id, worker):
    """Take the lease on job `job_id` for `worker` and count an attempt.

    Return a Claim whose outcome is CLAIMED (render it), MISSING, FINISHED (done already: a duplicate
    message), LEASED (another worker holds a live lease) or EXHAUSTED (too many attempts: the job is now failed).
    """
    now = timezone.now()
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            return Claim(ClaimOutcome.MISSING)
        if job.is_finished:
            return Claim(ClaimOutcome.FINISHED, job)
        if job.status == ReportJob.Status.RUNNING and job.lease_expires_at and job.lease_expires_at > now:
            return Claim(ClaimOutcome.LEASED, job)
        if job.attempts >= conf.max_attempts():
            _fail(job, _exhausted_message(job.attempts))
            return Claim(ClaimOutcome.EXHAUSTED, job)

        job.status = ReportJob.Status.RUNNING
        job.attempts += 1
        job.progress = 0
        job.error = ""
        job.lease_owner = worker
        job.lease_expires_at = now + timedelta(seconds=conf.lease_seconds())
        job.started_at = job.started_at or now
        _save(
            job,
            REASON_CLAIMED,
            ["status", "attempts", "progress", "error", "lease_owner", "lease_expires_at", "started_at"],
        )
    logger.info("Report job %s claimed by %s (attempt %s).", job.pk, worker, job.attempts)
    return Claim(ClaimOutcome.CLAIMED, job)


def _exhausted_message(attempts):
    return _(
        "The report could not be rendered: the worker stopped during each of %(attempts)s attempts. "
        "The data may be too large for one report; narrow it down or contact support."
    ) % {"attempts": attempts}


def report_job_progress(*, job_id, worker, progress):
    """Record `progress` (0-100) and renew the lease, if `worker` still holds it. Return whether it does."""
    updated = ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.RUNNING, lease_owner=worker).update(
        progress=max(0, min(100, int(progress))),
        lease_expires_at=timezone.now() + timedelta(seconds=conf.lease_seconds()),
    )
    return bool(updated)


def report_file_name(job, organisation):
    """Return the download name of a job's file, e.g. "acme-organisation_summary-2026-12-04-17.pdf"."""
    stamp = timezone.localtime(job.created_at).strftime("%Y-%m-%d")
    return f"{slugify(organisation.slug)}-{job.kind}-{stamp}-{job.pk}.pdf"


def report_job_complete(*, job_id, worker, content, page_count):
    """Store the rendered PDF and mark the job succeeded, if `worker` still holds the lease.

    Return the job, or None when the lease was lost (another worker took the job over): then nothing is
    written, so a job gets exactly one file and one "rendered" entry in its history.
    """
    with transaction.atomic():
        job = (
            ReportJob.objects.select_for_update()
            .select_related("organisation")
            .filter(pk=job_id, status=ReportJob.Status.RUNNING, lease_owner=worker)
            .first()
        )
        if job is None:
            logger.warning("Report job %s: %s lost its lease before storing the file; discarded.", job_id, worker)
            return None

        file_name = report_file_name(job, job.organisation)
        job.file.save(file_name, ContentFile(content), save=False)
        job.file_name = file_name
        job.size = len(content)
        job.sha256 = hashlib.sha256(content).hexdigest()
        job.page_count = page_count
        job.status = ReportJob.Status.SUCCEEDED
        job.progress = 100
        job.finished_at = timezone.now()
        job.lease_owner = ""
        job.lease_expires_at = None
        _save(
            job,
            REASON_RENDERED,
            [
                "file",
                "file_name",
                "size",
                "sha256",
                "page_count",
                "status",
                "progress",
                "finished_at",
                "lease_owner",
                "lease_expires_at",
            ],
        )
    logger.info("Report job %s rendered: %s pages, %s bytes.", job.pk, page_count, job.size)
    return job


def report_job_fail(*, job_id, error, worker=None):
    """Mark the job failed with `error` (shown to users). With `worker`, only while it holds the lease."""
    with transaction.atomic():
        queryset = ReportJob.objects.select_for_update().filter(pk=job_id).unfinished()
        if worker is not None:
            queryset = queryset.filter(lease_owner=worker)
        job = queryset.first()
        if job is None:
            return None
        _fail(job, error)
    logger.warning("Report job %s failed after %s attempts: %s", job.pk, job.attempts, error)
    return job


def _fail(job, error):
    job.status = ReportJob.Status.FAILED
    job.error = str(error)[:2000]
    job.finished_at = timezone.now()
    job.lease_owner = ""
    job.lease_expires_at = None
    _save(job, REASON_FAILED, ["status", "error", "finished_at", "lease_owner", "lease_expires_at"])


def report_job_release(*, job_id, worker):
    """Give up the lease after a transient error, so the retry can claim the job again."""
    with transaction.atomic():
        job = (
            ReportJob.objects.select_for_update()
            .filter(pk=job_id, status=ReportJob.Status.RUNNING, lease_owner=worker)
            .first()
        )
        if job is None:
            return None
        job.status = ReportJob.Status.QUEUED
        job.lease_owner = ""
        job.lease_expires_at = None
        job.queued_at = timezone.now()
        _save(job, REASON_RETRY, ["status", "lease_owner", "lease_expires_at", "queued_at"])
    return job


@dataclass
class ReapResult:
    requeued: int = 0
    failed: int = 0
    resent: int = 0


def report_jobs_reap(*, now=None):
    """Requeue running jobs whose lease expired (their worker died), or fail them after the last attempt,
    and send queued jobs whose message seems lost to the broker again.

    Runs periodically (CELERY_BEAT_SCHEDULE). Rows locked by a live transaction are skipped until the next run.
    """
    now = now or timezone.now()
    result = ReapResult()
    with transaction.atomic():
        expired = ReportJob.objects.lease_expired(now).select_for_update(skip_locked=True).order_by("pk")
        for job in expired:
            if job.attempts >= conf.max_attempts():
                _fail(job, _exhausted_message(job.attempts))
                result.failed += 1
                continue
            job.status = ReportJob.Status.QUEUED
            job.lease_owner = ""
            job.lease_expires_at = None
            job.queued_at = now
            _save(job, REASON_REQUEUED, ["status", "lease_owner", "lease_expires_at", "queued_at"])
            _enqueue(job.pk)
            result.requeued += 1

        cutoff = now - timedelta(seconds=conf.queued_resend_seconds())
        stale = ReportJob.objects.stale_queued(cutoff).select_for_update(skip_locked=True).order_by("pk")
        for job in stale:
            # A duplicate message is harmless: the claim finds the job leased or finished.
            ReportJob.objects.filter(pk=job.pk).update(queued_at=now)
            _enqueue(job.pk)
            result.resent += 1

    if result.requeued or result.failed or result.resent:
        logger.warning(
            "Report reaper: %s jobs requeued, %s failed after the last attempt, %s resent.",
            result.requeued,
            result.failed,
            result.resent,
        )
    return result


def report_files_cleanup(*, older_than_days=None, now=None):
    """Delete the files of reports rendered more than `older_than_days` days ago; keep the rows and checksums."""
    days = conf.file_retention_days() if older_than_days is None else older_than_days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted = 0
    for job_id in ReportJob.objects.with_file_older_than(cutoff).values_list("pk", flat=True).iterator():
        with transaction.atomic():
            job = ReportJob.objects.select_for_update().filter(pk=job_id).exclude(file="").first()
            if job is None:
                continue
            name = job.file.name
            job.file = ""
            job.file_deleted_at = timezone.now()
            _save(job, REASON_FILE_DELETED, ["file", "file_deleted_at"])
            # Delete after the row no longer points at the file; a failed delete leaves an orphan, not a
            # row pointing at nothing.
            transaction.on_commit(lambda name=name: _delete_file(name))
        deleted += 1
    if deleted:
        logger.info("Deleted %s report files older than %s days.", deleted, days)
    return deleted


def _delete_file(name):
    from django.core.files.storage import default_storage

    try:
        default_storage.delete(name)
    except OSError:
        logger.exception("Could not delete report file %s; it is no longer referenced.", name)
