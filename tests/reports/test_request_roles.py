"""Who may request a report: each kind sets the lowest role (ReportKind.request_role, viewer by default)."""

from dataclasses import replace
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from organisations.roles import Role
from reports import kinds
from reports.actions import report_request
from reports.kinds import get_kind, register_kind, registered_kinds
from reports.models import ReportJob

pytestmark = pytest.mark.django_db

EDITOR_ONLY = "editor_only_summary"


@pytest.fixture
def editor_only_kind():
    """A copy of the organisation summary that only editors and above may request."""
    kind = register_kind(replace(get_kind("organisation_summary"), name=EDITOR_ONLY, request_role=Role.EDITOR))
    yield kind
    kinds._REGISTRY.pop(EDITOR_ONLY, None)


def request_url(organisation):
    return reverse("reports:job_request", kwargs={"org_slug": organisation.slug})


def api_url(organisation):
    return reverse("reports_api:reportjob-list", kwargs={"org_slug": organisation.slug})


def test_builtin_kinds_open_to_viewers():
    assert {kind.name for kind in registered_kinds()} >= {"ropa", "dpia", "organisation_summary", "report_register"}
    assert all(kind.request_role == Role.VIEWER for kind in registered_kinds())


def test_register_rejects_unknown_role():
    with pytest.raises(ValueError, match="request_role must be one of"):
        register_kind(replace(get_kind("organisation_summary"), name="bad_role", request_role="auditor"))


def test_action_rejects_role_below_kind(organisation, viewer, editor_only_kind):
    with pytest.raises(PermissionDenied, match="Your role cannot request"):
        report_request(organisation=organisation, actor=viewer, kind=EDITOR_ONLY, requester_role=Role.VIEWER)

    assert not ReportJob.objects.exists()


def test_action_accepts_role_at_kind(organisation, editor, editor_only_kind):
    job = report_request(organisation=organisation, actor=editor, kind=EDITOR_ONLY, requester_role=Role.EDITOR)

    assert job.kind == EDITOR_ONLY


def test_form_hides_kind_from_viewer(client, organisation, viewer, editor_only_kind):
    client.force_login(viewer)

    page = client.get(request_url(organisation))
    posted = client.post(request_url(organisation), {"kind": EDITOR_ONLY, "language": "en"})

    assert page.status_code == HTTPStatus.OK
    assert 'value="ropa"' in page.text
    assert f'value="{EDITOR_ONLY}"' not in page.text
    assert posted.status_code == HTTPStatus.OK
    assert "Select a valid choice" in posted.text
    assert not ReportJob.objects.exists()


def test_form_offers_kind_to_editor(client, organisation, editor, editor_only_kind):
    client.force_login(editor)

    page = client.get(request_url(organisation))

    assert f'value="{EDITOR_ONLY}"' in page.text


def test_api_rejects_viewer_for_editor_kind(client, organisation, viewer, editor_only_kind):
    client.force_login(viewer)

    response = client.post(api_url(organisation), {"kind": EDITOR_ONLY}, content_type="application/json")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Your role cannot request" in response.json()["detail"]
    assert not ReportJob.objects.exists()


def test_viewer_kept_to_unfinished_limit(client, organisation, viewer, settings):
    settings.REPORTS_MAX_UNFINISHED_PER_ORGANISATION = 1
    ReportJob.objects.create(organisation=organisation, kind="ropa")
    client.force_login(viewer)

    page = client.post(request_url(organisation), {"kind": "ropa", "language": "en"})
    api = client.post(api_url(organisation), {"kind": "ropa"}, content_type="application/json")

    assert page.status_code == HTTPStatus.OK
    assert "still queued or running (the limit is 1)" in page.text
    assert api.status_code == HTTPStatus.BAD_REQUEST
    assert ReportJob.objects.count() == 1


def test_records_pdf_button_for_viewer(client, organisation, viewer, django_capture_on_commit_callbacks):
    client.force_login(viewer)
    exports_url = reverse("records:exports", kwargs={"org_slug": organisation.slug})
    pdf_url = reverse("records:export_pdf", kwargs={"org_slug": organisation.slug})

    page = client.get(exports_url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pdf_url)

    job = ReportJob.objects.get()
    assert pdf_url in page.text
    assert response.status_code == HTTPStatus.FOUND
    assert job.kind == "ropa"
    assert job.requested_by == viewer
    assert job.status == ReportJob.Status.SUCCEEDED
