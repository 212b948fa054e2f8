"""The main job, as a new user does it: create an organisation, paste ten vendor domains, accept the proposed
activities, tick three checklist items and download the record as XLSX and PDF, against the real catalogue."""

import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from organisations.models import Organisation
from records.models import ChecklistTask, ProcessingActivity, VendorUse
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEN_DOMAINS = """genesys.com
https://www.google-analytics.com/analytics.js
www.googletagmanager.com
hubspot.com
mailchimp.com
static.hotjar.com
cloudflare.com
stripe.com
zendesk.com
youtube.com
"""


def test_paste_ten_domains_to_exports(client, django_capture_on_commit_callbacks):
    call_command("load_catalogue", verbosity=0)
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("organisation_create"), {"name": "Northwind Shop", "slug": "northwind", "country": "FR"})
    organisation = Organisation.objects.get(slug="northwind")
    bulk_url = reverse("records:vendor_bulk", kwargs={"org_slug": organisation.slug})

    preview = client.post(bulk_url, {"lines": TEN_DOMAINS})
    matched = [result.service.pk for result in preview.context["matched"]]
    client.post(bulk_url, {"confirm": "1", "service": matched, "accept_proposals": "on"})
    for task in ChecklistTask.objects.for_organisation(organisation).order_by("pk")[:3]:
        client.post(
            reverse("records:task_status", kwargs={"org_slug": organisation.slug, "pk": task.pk}), {"status": "done"}
        )
    xlsx = client.get(reverse("records:export_xlsx", kwargs={"org_slug": organisation.slug}))
    with django_capture_on_commit_callbacks(execute=True):
        pdf_request = client.post(reverse("records:export_pdf", kwargs={"org_slug": organisation.slug}))

    assert len(matched) == 10
    assert preview.context["unmatched"] == []
    assert VendorUse.objects.for_organisation(organisation).count() == 10
    assert ProcessingActivity.objects.for_organisation(organisation).count() >= 5
    assert ChecklistTask.objects.for_organisation(organisation).filter(status="done").count() == 3

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    header = [cell.value for cell in sheet[7]]
    missing_column = header.index("Missing items")
    for row in sheet.iter_rows(min_row=8, values_only=True):
        flagged = row[missing_column]
        for column, value in enumerate(row):
            # Every Art. 30 column is filled or named in the missing-items column.
            if str(header[column]).startswith("Art. 30(1)(b)"):
                assert value or "30(1)(b)" in flagged
            if str(header[column]).startswith("Art. 30(1)(g)"):
                assert value or "30(1)(g)" in flagged

    from reports.models import ReportJob

    job = ReportJob.objects.get(organisation=organisation, kind="ropa")
    assert pdf_request.status_code == HTTPStatus.FOUND
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.page_count >= 2

    outsider = UserFactory()
    client.force_login(outsider)
    client.post(reverse("organisation_create"), {"name": "Other Shop", "slug": "other-shop", "country": "DE"})
    other = Organisation.objects.get(slug="other-shop")
    listing = client.get(reverse("records:vendor_list", kwargs={"org_slug": other.slug}))
    foreign = client.get(reverse("records:vendor_list", kwargs={"org_slug": organisation.slug}))
    assert list(listing.context["page"].object_list) == []
    assert "Genesys Cloud" not in listing.content.decode()
    assert foreign.status_code == HTTPStatus.NOT_FOUND
