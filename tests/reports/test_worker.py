"""End to end with a real prefork Celery worker on Redis and PostgreSQL: render, download, recover, give up."""

import os
import signal
from http import HTTPStatus

import pytest
from django.urls import reverse

from organisations.roles import Role
from reports.models import ReportJob
from tests.factories import member

from .pdf_text import pdf_text
from .worker import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def rendered_entries(job):
    return job.history.filter(history_change_reason="rendered").count()


def files_of(job, media_root):
    directory = media_root / "reports" / job.file_token
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def test_request_poll_download(client, organisation, other_organisation, editor, worker_media):
    client.force_login(editor)

    response = client.post(
        reverse("reports:job_request", kwargs={"org_slug": organisation.slug}),
        {"kind": "organisation_summary", "language": "en", "pdf_variant": ""},
    )
    job = ReportJob.objects.get()
    status_url = reverse("reports_api:reportjob-detail", kwargs={"org_slug": organisation.slug, "pk": job.pk})
    body = wait_for(
        lambda: (data := client.get(status_url).json())["status"] in ("succeeded", "failed") and data,
        worker_media,
        "the report to finish",
    )
    download = client.get(reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": job.pk}))
    content = b"".join(download.streaming_content)
    client.force_login(member(other_organisation, Role.OWNER))
    outsider = client.get(reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": job.pk}))

    assert response.status_code == HTTPStatus.FOUND
    assert body["status"] == "succeeded", body
    assert body["progress"] == 100
    assert download.status_code == HTTPStatus.OK
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Acme Analytics" in pdf_text(content)
    assert outsider.status_code == HTTPStatus.NOT_FOUND


def test_killed_worker_job_completes_once(organisation, editor, worker_media):
    from reports.actions import report_request

    worker_media.block_file.touch()
    job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")
    lease_owner = wait_for(
        lambda: ReportJob.objects.filter(pk=job.pk, status="running").values_list("lease_owner", flat=True).first(),
        worker_media,
        "a worker to claim the job",
    )
    child_pid = int(lease_owner.split(":")[1])

    os.kill(child_pid, signal.SIGKILL)
    worker_media.block_file.unlink()
    wait_for(lambda: ReportJob.objects.get(pk=job.pk).is_finished, worker_media, "the job to be recovered", reap=True)

    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    assert job.attempts == 2
    assert rendered_entries(job) == 1
    assert files_of(job, worker_media.media_root) == [job.file_name]
    reasons = list(job.history.values_list("history_change_reason", flat=True))
    # Recovery comes from the reaper (lease expired, job requeued) or from the broker redelivering the task the
    # killed child had not acknowledged, whichever reaches the job first once the lease has expired.
    assert reasons.count("claimed") == 2
    assert "Acme Analytics" in pdf_text((worker_media.media_root / job.file.name).read_bytes())


def test_job_crashing_every_worker_fails(organisation, editor, worker_media):
    from reports.actions import report_request

    worker_media.crash_file.touch()
    job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")

    wait_for(lambda: ReportJob.objects.get(pk=job.pk).is_finished, worker_media, "the job to give up", reap=True)

    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.attempts == 3
    assert "3 attempts" in job.error
    assert rendered_entries(job) == 0
    assert files_of(job, worker_media.media_root) == []
