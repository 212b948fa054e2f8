"""Page query counts must not grow with the number of vendors: measured at 5 vendors, held at 200."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records import actions
from records.models import ChecklistTask, ProcessingActivity, VendorUse
from tests.records.factories import ServiceFactory

pytestmark = pytest.mark.django_db

CATEGORIES = [["analytics"], ["crm"], ["email-marketing"], ["hosting-cdn"], ["advertising", "analytics"]]
PAGES = ["vendor_list", "dashboard", "activity_list", "checklist", "activity_detail", "vendor_detail"]


def add_vendors(organisation, user, start, stop):
    for number in range(start, stop):
        service = ServiceFactory(
            categories=CATEGORIES[number % len(CATEGORIES)],
            transfer_destinations=["US"] if number % 2 else ["DE"],
            transfer_safeguards=["scc-2021"],
            risk_level=["low", "medium", "high"][number % 3],
        )
        vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=user)
        actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=user)
        ChecklistTask.objects.create(
            organisation=organisation, vendor_use=vendor_use, title="Sign the DPA", due_date=datetime.date(2020, 1, 1)
        )


def page_urls(organisation):
    activity = ProcessingActivity.objects.for_organisation(organisation).order_by("pk").first()
    vendor_use = VendorUse.objects.for_organisation(organisation).order_by("pk").first()
    urls = {}
    for name in PAGES:
        kwargs = {"org_slug": organisation.slug}
        if name == "activity_detail":
            kwargs["pk"] = activity.pk
        if name == "vendor_detail":
            kwargs["pk"] = vendor_use.pk
        urls[name] = reverse(f"records:{name}", kwargs=kwargs)
    return urls


def test_page_queries_constant(organisation, editor, client, django_assert_max_num_queries):
    client.force_login(editor)
    add_vendors(organisation, editor, 0, 5)
    urls = page_urls(organisation)
    small = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        small[name] = len(queries.captured_queries)

    add_vendors(organisation, editor, 5, 200)

    for name, url in urls.items():
        with django_assert_max_num_queries(small[name]):
            response = client.get(url)
        assert response.status_code == 200, name
