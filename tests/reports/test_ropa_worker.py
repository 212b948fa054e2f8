"""The RoPA PDF end to end with a real prefork Celery worker on Redis and PostgreSQL.

The organisation is the demo retailer (catalogue loaded, `records.demo.seed`) plus activities named in French,
Greek and Russian. The PDF is requested from the web request form and from `manage.py export_ropa` in its own
process, rendered by the worker of tests/reports/worker.py and read back with pypdf.
"""

import os
import re
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from organisations.roles import Role
from records import demo
from records.activity_actions import activity_create
from records.models import ProcessingActivity
from reports.models import ReportJob
from tests.factories import member
from tests.integration.worker import database_url_of

from .pdf_text import pdf_text, squash
from .worker import REPO_ROOT, TIMEOUT_SECONDS, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ACCENTED = "Gestion des réclamations – clientèle à l'étranger"
GREEK = "Διαχείριση συνδρομητών ενημερωτικού δελτίου"
CYRILLIC = "Учёт обращений граждан"
# The demo organisation records no joint controller, EU representative or DPO, so the PDF must state "None recorded".
NONE_RECORDED = "None recorded"


@pytest.fixture
def retailer(organisation, editor):
    """The demo retailer's register, with activities whose names need more than Latin-1."""
    call_command("load_catalogue", verbosity=0)
    demo.seed(organisation=organisation, user=editor)
    activity_create(
        organisation=organisation,
        actor=editor,
        name=ACCENTED,
        security_measures="Accès restreint au service réclamations, journalisation des consultations.",
    )
    activity_create(organisation=organisation, actor=editor, name=GREEK)
    activity_create(organisation=organisation, actor=editor, name=CYRILLIC)
    return organisation


def demo_activity_names(organisation):
    names = ProcessingActivity.objects.for_organisation(organisation).values_list("name", flat=True)
    return sorted(name for name in names if name not in (ACCENTED, GREEK, CYRILLIC))


def claimed_by(job):
    """Return the lease owners ("host:pid:task id") recorded each time a worker claimed `job`."""
    return list(job.history.filter(history_change_reason="claimed").values_list("lease_owner", flat=True))


def parent_pid(pid):
    """Return the parent process id of `pid`, read from /proc/<pid>/stat (Linux)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name in brackets may contain spaces, so split after its closing bracket.
    return int(stat.rsplit(")", 1)[1].split()[1])


def assert_rendered_by_worker(job, worker, *, other_pids):
    """Check that the report worker's prefork child, no other process, claimed and rendered `job`."""
    owners = claimed_by(job)
    assert len(owners) == 1, owners
    _host, pid, task_id = owners[0].split(":", 2)
    assert int(pid) not in other_pids
    assert task_id != "local"
    assert parent_pid(int(pid)) == worker.process.pid
    assert f"Report job {job.pk} claimed by {owners[0]}" in worker.log_path.read_text()


def assert_ropa_text(text, organisation):
    flat = squash(text)
    assert squash(organisation.controller_name) in flat
    names = demo_activity_names(organisation)
    assert len(names) >= 5, names
    for name in names:
        assert squash(name) in flat, name
    assert squash(ACCENTED) in flat
    assert squash(GREEK) in flat
    assert squash(CYRILLIC) in flat
    assert squash("journalisation des consultations") in flat
    assert NONE_RECORDED.replace(" ", "") in flat


def test_ropa_requested_polled_downloaded(client, retailer, viewer, worker_media):
    client.force_login(viewer)
    org_slug = retailer.slug

    response = client.post(
        reverse("reports:job_request", kwargs={"org_slug": org_slug}), {"kind": "ropa", "language": "en"}
    )
    job = ReportJob.objects.get()
    status_url = reverse("reports_api:reportjob-detail", kwargs={"org_slug": org_slug, "pk": job.pk})
    body = wait_for(
        lambda: (data := client.get(status_url).json())["status"] in ("succeeded", "failed") and data,
        worker_media,
        "the RoPA to be rendered",
    )
    panel = client.get(reverse("reports:job_status", kwargs={"org_slug": org_slug, "pk": job.pk}))
    download = client.get(reverse("reports:job_download", kwargs={"org_slug": org_slug, "pk": job.pk}))
    content = b"".join(download.streaming_content)
    job.refresh_from_db()

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("reports:job_detail", kwargs={"org_slug": org_slug, "pk": job.pk})
    assert body["status"] == "succeeded", body
    assert body["kind"] == "ropa"
    assert "Download PDF" in panel.text
    assert download.status_code == HTTPStatus.OK
    assert download["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF")
    assert job.requested_by == viewer
    assert_rendered_by_worker(job, worker_media, other_pids={os.getpid()})
    assert_ropa_text(pdf_text(content), retailer)


def test_ropa_hidden_from_other_organisation(client, retailer, other_organisation, editor, worker_media):
    from reports.actions import report_request

    job = report_request(organisation=retailer, actor=editor, kind="ropa")
    wait_for(lambda: ReportJob.objects.get(pk=job.pk).is_finished, worker_media, "the RoPA to be rendered")
    job.refresh_from_db()
    outsider = member(other_organisation, Role.OWNER)
    client.force_login(outsider)
    own_slug = {"org_slug": other_organisation.slug, "pk": job.pk}
    their_slug = {"org_slug": retailer.slug, "pk": job.pk}

    responses = {
        "download": client.get(reverse("reports:job_download", kwargs=their_slug)),
        "download via own slug": client.get(reverse("reports:job_download", kwargs=own_slug)),
        "status": client.get(reverse("reports:job_status", kwargs=their_slug)),
        "api download": client.get(reverse("reports_api:reportjob-download", kwargs=their_slug)),
        "api download via own slug": client.get(reverse("reports_api:reportjob-download", kwargs=own_slug)),
    }

    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    for what, response in responses.items():
        assert response.status_code == HTTPStatus.NOT_FOUND, what
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content])), what


def test_export_command_uses_worker(retailer, worker_media, tmp_path, settings):
    """`manage.py export_ropa` in a process of its own queues the job, and the worker renders it."""
    output = tmp_path / "ropa.pdf"
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of(settings.DATABASES["default"]),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        # The same media folder as the worker, so the command reads the file the worker wrote.
        "DPO_DESK_VAR_DIR": str(worker_media.media_root.parent),
        # The test worker consumes only its own queue.
        "CELERY_TASK_DEFAULT_QUEUE": worker_media.queue,
    }
    command = [
        sys.executable, "manage.py", "export_ropa",
        "--org", retailer.slug, "--format", "pdf", "--output", str(output), "--timeout", str(TIMEOUT_SECONDS),
    ]  # fmt: skip

    process = subprocess.Popen(  # noqa: S603 (fixed argument list, no shell)
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS + 60)

    assert process.returncode == 0, f"{stdout}\n{stderr}\nWorker log:\n{worker_media.log_tail()}"
    job_id = int(re.search(r"Report job (\d+) queued\.", stdout).group(1))
    job = ReportJob.objects.get(pk=job_id)
    assert job.kind == "ropa"
    assert job.organisation == retailer
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.requested_by is None
    assert_rendered_by_worker(job, worker_media, other_pids={os.getpid(), process.pid})
    content = output.read_bytes()
    assert content == (worker_media.media_root / job.file.name).read_bytes()
    assert_ropa_text(pdf_text(content), retailer)
