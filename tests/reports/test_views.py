"""Report pages and API: membership checks, downloads as attachments, constant query counts."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from organisations.roles import Role
from reports.actions import report_request
from reports.models import ReportJob
from tests.factories import member

from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered_job(organisation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(organisation=organisation, actor=editor, kind="organisation_summary")
    job.refresh_from_db()
    return job


def test_list_shows_jobs(client, organisation, viewer, rendered_job):
    client.force_login(viewer)

    response = client.get(reverse("reports:job_list", kwargs={"org_slug": organisation.slug}))

    assert response.status_code == HTTPStatus.OK
    assert "Organisation summary" in response.text
    assert reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": rendered_job.pk}) in (
        response.text
    )
    # Viewers may request every built-in kind; tests/reports/test_request_roles.py covers a kind they may not.
    assert "Request report" in response.text


def test_list_query_count_constant(client, organisation, editor, django_assert_max_num_queries):
    for _index in range(30):
        ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    client.force_login(editor)
    url = reverse("reports:job_list", kwargs={"org_slug": organisation.slug})

    with django_assert_max_num_queries(12):
        response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert response.text.count("badge text-bg-secondary") == 25


def test_list_empty_state(client, organisation, editor):
    client.force_login(editor)

    response = client.get(reverse("reports:job_list", kwargs={"org_slug": organisation.slug}))

    assert "No report has been requested yet." in response.text
    assert "Request report" in response.text


def test_request_form_creates_job(client, organisation, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:job_request", kwargs={"org_slug": organisation.slug}),
            {"kind": "organisation_summary", "language": "en", "pdf_variant": ""},
        )

    job = ReportJob.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("reports:job_detail", kwargs={"org_slug": organisation.slug, "pk": job.pk})
    assert job.requested_by == editor
    assert job.status == ReportJob.Status.SUCCEEDED


def test_request_form_rejects_unknown_kind(client, organisation, editor):
    client.force_login(editor)

    response = client.post(
        reverse("reports:job_request", kwargs={"org_slug": organisation.slug}), {"kind": "nope", "language": "en"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.text
    assert not ReportJob.objects.exists()


def test_request_form_open_to_viewer(client, organisation, viewer, django_capture_on_commit_callbacks):
    client.force_login(viewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:job_request", kwargs={"org_slug": organisation.slug}),
            {"kind": "ropa", "language": "en"},
        )

    job = ReportJob.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert job.requested_by == viewer
    assert job.status == ReportJob.Status.SUCCEEDED


def test_detail_polls_while_unfinished(client, organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", progress=40)
    client.force_login(editor)

    response = client.get(reverse("reports:job_detail", kwargs={"org_slug": organisation.slug, "pk": job.pk}))

    assert 'hx-trigger="every 1s"' in response.text
    assert 'data-report-progress="40"' in response.text
    assert "js/reports.js" in response.text
    assert "<script>" not in response.text


def test_status_stops_polling_when_done(client, organisation, editor, rendered_job):
    client.force_login(editor)

    response = client.get(
        reverse("reports:job_status", kwargs={"org_slug": organisation.slug, "pk": rendered_job.pk}),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == HTTPStatus.OK
    assert "hx-trigger" not in response.text
    assert "Download PDF" in response.text
    assert rendered_job.sha256 in response.text


def test_status_shows_error(client, organisation, editor):
    job = ReportJob.objects.create(
        organisation=organisation, kind="organisation_summary", status="failed", error="Too many members."
    )
    client.force_login(editor)

    response = client.get(reverse("reports:job_status", kwargs={"org_slug": organisation.slug, "pk": job.pk}))

    assert "Too many members." in response.text


def test_download_as_attachment(client, organisation, viewer, rendered_job):
    client.force_login(viewer)

    response = client.get(
        reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": rendered_job.pk})
    )

    content = b"".join(response.streaming_content)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert rendered_job.file_name in response["Content-Disposition"]
    assert "Acme Analytics" in pdf_text(content)


@pytest.mark.parametrize("url_name", ["job_detail", "job_status", "job_download"])
def test_other_organisation_member_gets_404(client, organisation, other_organisation, rendered_job, url_name):
    outsider = member(other_organisation, Role.OWNER)
    client.force_login(outsider)

    response = client.get(reverse(f"reports:{url_name}", kwargs={"org_slug": organisation.slug, "pk": rendered_job.pk}))
    via_own_slug = client.get(
        reverse(f"reports:{url_name}", kwargs={"org_slug": other_organisation.slug, "pk": rendered_job.pk})
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert via_own_slug.status_code == HTTPStatus.NOT_FOUND


def test_download_of_unfinished_job_is_404(client, organisation, editor):
    job = ReportJob.objects.create(organisation=organisation, kind="organisation_summary")
    client.force_login(editor)

    response = client.get(reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": job.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_anonymous_redirected_to_login(client, organisation, rendered_job):
    response = client.get(
        reverse("reports:job_download", kwargs={"org_slug": organisation.slug, "pk": rendered_job.pk})
    )

    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response.url


def api_url(name, organisation, **kwargs):
    return reverse(f"reports_api:{name}", kwargs={"org_slug": organisation.slug, **kwargs})


def test_api_create_and_retrieve(client, organisation, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            api_url("reportjob-list", organisation),
            {"kind": "organisation_summary", "parameters": {"language": "en"}},
            content_type="application/json",
        )
    job_id = created.json()["id"]
    retrieved = client.get(api_url("reportjob-detail", organisation, pk=job_id))

    assert created.status_code == HTTPStatus.ACCEPTED
    assert created.json()["status"] == "queued"
    body = retrieved.json()
    assert body["status"] == "succeeded"
    assert body["progress"] == 100
    assert body["download_url"].endswith(api_url("reportjob-download", organisation, pk=job_id))
    assert len(body["sha256"]) == 64


def test_api_create_rejects_bad_parameters(client, organisation, editor):
    client.force_login(editor)

    response = client.post(
        api_url("reportjob-list", organisation),
        {"kind": "organisation_summary", "parameters": {"pdf_variant": "pdf/x-1"}},
        content_type="application/json",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Unsupported PDF variant" in response.json()["parameters"][0]
    assert not ReportJob.objects.exists()


def test_api_create_open_to_viewer(client, organisation, viewer):
    client.force_login(viewer)

    response = client.post(api_url("reportjob-list", organisation), {"kind": "ropa"}, content_type="application/json")

    assert response.status_code == HTTPStatus.ACCEPTED
    assert ReportJob.objects.get().requested_by == viewer


def test_api_download(client, organisation, viewer, rendered_job):
    client.force_login(viewer)

    response = client.get(
        api_url("reportjob-download", organisation, pk=rendered_job.pk), HTTP_ACCEPT="application/pdf"
    )

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_api_other_organisation_gets_404(client, organisation, other_organisation, rendered_job):
    client.force_login(member(other_organisation, Role.OWNER))

    detail = client.get(api_url("reportjob-detail", organisation, pk=rendered_job.pk))
    download = client.get(api_url("reportjob-download", organisation, pk=rendered_job.pk))
    listing = client.get(api_url("reportjob-list", other_organisation))

    assert detail.status_code == HTTPStatus.NOT_FOUND
    assert download.status_code == HTTPStatus.NOT_FOUND
    assert listing.json()["count"] == 0


def test_api_list_query_count_constant(client, organisation, editor, django_assert_max_num_queries):
    for _index in range(30):
        ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=editor)
    client.force_login(editor)

    with django_assert_max_num_queries(8):
        response = client.get(api_url("reportjob-list", organisation))

    assert response.json()["count"] == 30


def test_api_schema_lists_report_endpoints(client, editor):
    client.force_login(editor)

    response = client.get(reverse("api_schema"))

    assert "/api/v1/o/{org_slug}/reports/{id}/download/" in response.text
