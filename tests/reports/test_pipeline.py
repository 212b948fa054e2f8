"""The report pipeline with Celery in eager mode: request, claim, render, store, fail, reap and clean up."""

import hashlib
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ValidationError
from django.utils import timezone

from reports import actions
from reports.actions import ClaimOutcome, report_job_claim, report_jobs_reap, report_request
from reports.kinds import get_kind
from reports.models import ReportJob
from reports.tasks import render_report

from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def history_reasons(job):
    return list(job.history.order_by("history_id").values_list("history_change_reason", flat=True))


def test_request_renders_once(organisation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")

    job.refresh_from_db()
    assert len(callbacks) == 1
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.progress == 100
    assert job.attempts == 1
    content = job.file.read()
    assert job.size == len(content)
    assert job.sha256 == hashlib.sha256(content).hexdigest()
    assert "Acme Analytics" in pdf_text(content)
    assert job.file.name.startswith(f"reports/{job.file_token}/")
    assert history_reasons(job) == ["requested", "claimed", "rendered"]
    assert job.lease_owner == ""


def test_duplicate_delivery_returns_early(organisation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")
    file_name = ReportJob.objects.get(pk=job.pk).file.name

    outcome = render_report.apply(args=[job.pk]).get()

    job.refresh_from_db()
    assert outcome == ClaimOutcome.FINISHED
    assert job.file.name == file_name
    assert job.attempts == 1
    assert history_reasons(job).count("rendered") == 1


def test_claim_skips_live_lease(organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    first = report_job_claim(job_id=job.pk, worker="worker-a")

    second = report_job_claim(job_id=job.pk, worker="worker-b")

    job.refresh_from_db()
    assert first.outcome == ClaimOutcome.CLAIMED
    assert second.outcome == ClaimOutcome.LEASED
    assert job.lease_owner == "worker-a"
    assert job.attempts == 1


def test_claim_missing_job():
    assert report_job_claim(job_id=987654, worker="w").outcome == ClaimOutcome.MISSING


def test_complete_after_lost_lease_writes_nothing(organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    report_job_claim(job_id=job.pk, worker="worker-a")
    ReportJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    report_job_claim(job_id=job.pk, worker="worker-b")

    stale = actions.report_job_complete(job_id=job.pk, worker="worker-a", content=b"%PDF-stale", page_count=1)
    fresh = actions.report_job_complete(job_id=job.pk, worker="worker-b", content=b"%PDF-fresh", page_count=1)

    job.refresh_from_db()
    assert stale is None
    assert fresh is not None
    assert job.file.read() == b"%PDF-fresh"
    assert history_reasons(job).count("rendered") == 1


def test_reaper_requeues_expired_lease(organisation, editor, django_capture_on_commit_callbacks):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    report_job_claim(job_id=job.pk, worker="dead-worker")
    ReportJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))

    with django_capture_on_commit_callbacks(execute=True):
        result = report_jobs_reap()

    job.refresh_from_db()
    assert result.requeued == 1
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 2
    assert "requeued after lease expiry" in history_reasons(job)


def test_reaper_leaves_live_lease(organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    report_job_claim(job_id=job.pk, worker="live-worker")

    result = report_jobs_reap()

    job.refresh_from_db()
    assert result.requeued == 0
    assert job.status == ReportJob.Status.RUNNING


def test_reaper_fails_job_after_last_attempt(organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    for attempt in range(3):
        report_job_claim(job_id=job.pk, worker=f"worker-{attempt}")
        ReportJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
        if attempt < 2:
            report_jobs_reap()

    result = report_jobs_reap()

    job.refresh_from_db()
    assert result.failed == 1
    assert job.status == ReportJob.Status.FAILED
    assert job.attempts == 3
    assert "3 attempts" in job.error


def test_claim_after_last_attempt_fails_job(organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", attempts=3)

    claim = report_job_claim(job_id=job.pk, worker="w")

    job.refresh_from_db()
    assert claim.outcome == ClaimOutcome.EXHAUSTED
    assert job.status == ReportJob.Status.FAILED


def test_reaper_resends_stale_queued_job(organisation, editor, django_capture_on_commit_callbacks):
    job = ReportJob.objects.create(
        organisation=organisation, kind="organisation_summary", queued_at=timezone.now() - timedelta(hours=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = report_jobs_reap()

    job.refresh_from_db()
    assert result.resent == 1
    assert job.status == ReportJob.Status.SUCCEEDED


def test_input_limit_fails_job_with_message(organisation, editor, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setitem(get_kind("organisation_summary").max_items, "members", 0)

    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")

    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "more than the limit of 0" in job.error
    assert not job.file
    assert history_reasons(job)[-1] == "failed"


def test_unexpected_error_fails_job(organisation, editor, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr("reports.tasks.render_job", broken)

    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")

    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "RuntimeError: template exploded" in job.error


def test_transient_error_releases_job_for_retry(organisation, editor, monkeypatch):
    from django.db import OperationalError

    from reports.rendering.pipeline import render_job as real_render_job

    calls = []

    def flaky(job, **kwargs):
        calls.append(job.pk)
        if len(calls) == 1:
            raise OperationalError("connection reset")
        return real_render_job(job, **kwargs)

    monkeypatch.setattr("reports.tasks.render_job", flaky)
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)

    # Eager mode records the retry instead of running it; the second apply() is the retried delivery.
    with pytest.raises(Retry):
        render_report.apply(args=[job.pk]).get()
    job.refresh_from_db()
    released_status = job.status
    outcome = render_report.apply(args=[job.pk]).get()

    job.refresh_from_db()
    assert released_status == ReportJob.Status.QUEUED
    assert outcome == "succeeded"
    assert len(calls) == 2
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 2
    assert "released for retry" in history_reasons(job)


def test_request_rejects_unknown_kind(organisation, editor):
    with pytest.raises(ValidationError) as error:
        report_request(organisation=organisation, actor=editor, kind="ropa_draft")

    assert "Unknown report kind" in str(error.value.message_dict["kind"])
    assert not ReportJob.objects.exists()


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"language": "xx"}, "Unknown language"),
        ({"pdf_variant": "pdf/x-4"}, "Unsupported PDF variant"),
        ({"colour": "red"}, "Unknown parameter"),
        (["language"], "JSON object"),
    ],
)
def test_request_rejects_bad_parameters(organisation, editor, parameters, message):
    with pytest.raises(ValidationError) as error:
        report_request(organisation=organisation, actor=editor, kind="organisation_summary", parameters=parameters)

    assert message in str(error.value.message_dict["parameters"])
    assert not ReportJob.objects.exists()


def test_request_limits_unfinished_jobs(organisation, editor, settings):
    settings.REPORTS_MAX_UNFINISHED_PER_ORGANISATION = 2
    for _index in range(2):
        ReportJob.objects.create(organisation=organisation, kind="organisation_summary")

    with pytest.raises(ValidationError, match="still queued or running"):
        report_request(organisation=organisation, actor=editor, kind="organisation_summary")

    assert ReportJob.objects.count() == 2


def test_cleanup_deletes_old_files_only(organisation, editor, django_capture_on_commit_callbacks, media_root):
    with django_capture_on_commit_callbacks(execute=True):
        old = report_request(organisation=organisation, actor=editor, kind="organisation_summary")
        recent = report_request(organisation=organisation, actor=editor, kind="organisation_summary")
    ReportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=91))
    old.refresh_from_db()
    old_path = media_root / old.file.name

    with django_capture_on_commit_callbacks(execute=True):
        deleted = actions.report_files_cleanup(older_than_days=90)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert deleted == 1
    assert not old.file
    assert old.file_deleted_at is not None
    assert old.sha256
    assert not old_path.exists()
    assert recent.file
    assert (media_root / recent.file.name).exists()


def test_pdf_variant_parameter_reaches_render(organisation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(
            organisation=organisation, actor=editor, kind="organisation_summary", parameters={"pdf_variant": "pdf/a-2b"}
        )

    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.file.read().startswith(b"%PDF-1.7")


def test_language_parameter_renders(organisation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(
            organisation=organisation, actor=editor, kind="organisation_summary", parameters={"language": "fr"}
        )

    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
