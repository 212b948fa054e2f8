import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from dpia.models import Dpia
from reports.models import ReportJob
from tests.dpia.wizard import complete_all_steps


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_contains_every_section_and_risk_map(client, organisation, owner, dpia, django_capture_on_commit_callbacks):
    client.force_login(owner)
    complete_all_steps(client, dpia)
    url = reverse("dpia:dpia_pdf", kwargs={"org_slug": organisation.slug, "pk": dpia.pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == HTTPStatus.FOUND
    job = ReportJob.objects.get(kind="dpia")
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    with job.file.open("rb") as handle:
        text = pdf_text(handle.read())
    assert "DPIA: Customer contact centre" in text
    assert "Fundamental principles" in text
    assert "Risk map" in text or "Likelihood" in text
    assert "R1" in text
    assert "Action plan" in text
    assert "The residual risks are acceptable." in text
    assert "Not signed: this is a draft." in text


def test_viewer_requests_dpia_pdf(client, organisation, viewer, dpia, django_capture_on_commit_callbacks):
    client.force_login(viewer)
    url = reverse("dpia:dpia_pdf", kwargs={"org_slug": organisation.slug, "pk": dpia.pk})

    page = client.get(reverse("dpia:dpia_detail", kwargs={"org_slug": organisation.slug, "pk": dpia.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    job = ReportJob.objects.get(kind="dpia")
    assert url in page.text
    assert response.status_code == HTTPStatus.FOUND
    assert job.requested_by == viewer
    assert job.status == ReportJob.Status.SUCCEEDED, job.error


def test_pdf_of_other_organisations_dpia_fails(organisation, owner, other_organisation, dpia):
    from reports.kinds import ReportInputError, get_kind

    kind = get_kind("dpia")

    try:
        kind.build_context(other_organisation, {"dpia_id": dpia.pk})
    except ReportInputError as error:
        assert "was not found in this organisation" in str(error)
    else:
        raise AssertionError("another organisation's DPIA must not be readable")


# Real commits, so the job is queued on commit as in production (eagerly, without REDIS_URL).
@pytest.mark.django_db(transaction=True)
def test_export_dpia_command_writes_pdf(organisation, owner, dpia, tmp_path):
    output = tmp_path / "dpia.pdf"

    call_command("export_dpia", org=organisation.slug, activity=dpia.activity.name, output=str(output), timeout=30)

    assert output.read_bytes().startswith(b"%PDF")
    assert "DPIA: Customer contact centre" in pdf_text(output.read_bytes())
    assert Dpia.objects.count() == 1
