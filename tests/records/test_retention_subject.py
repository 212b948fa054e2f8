"""Retention rows for cookies are distinguished from the retention of the personal data itself (Art. 30(1)(f))."""

import importlib
import json
from http import HTTPStatus

import pytest
from django.apps import apps
from django.urls import reverse
from rest_framework.test import APIClient

from records import actions
from records.choices import RetentionSubject
from records.exports.rows import activity_row
from records.models import ProcessingActivity, RetentionPeriod
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db

retention_migration = importlib.import_module("records.migrations.0002_retention_applies_to")


def accept(organisation, editor, service):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    return ProcessingActivity.objects.get(pk=activity.pk)


def test_autofill_marks_cookie_and_data_rows(organisation, editor):
    activity = accept(organisation, editor, us_service())

    rows = {row.data_category: row.applies_to for row in activity.retention_periods.all()}

    assert rows == {
        "Cookies and similar identifiers set by Callcentre Cloud": RetentionSubject.COOKIES,
        "Data held by Callcentre Cloud": RetentionSubject.PERSONAL_DATA,
    }


def test_cookie_only_activity_lacks_data_retention(organisation, editor):
    activity = accept(organisation, editor, us_service(data_retention=""))

    assert activity.retention_periods.count() == 1
    assert "retention-data" in activity.missing_items
    assert "retention" not in activity.missing_items


def test_data_row_completes_retention(organisation, editor):
    activity = accept(organisation, editor, us_service(data_retention=""))
    RetentionPeriod.objects.create(
        organisation=organisation, activity=activity, data_category="Call recordings", period="90 days"
    )

    missing = actions.activity_refresh_completeness(activity=activity)

    assert "retention-data" not in missing
    assert "retention" not in missing


def test_activity_without_rows_lacks_retention_only(organisation, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    assert "retention" in activity.missing_items
    assert "retention-data" not in activity.missing_items


def test_missing_label_shown_on_detail_page(organisation, editor, client):
    activity = accept(organisation, editor, us_service(data_retention=""))
    client.force_login(editor)

    response = client.get(
        reverse("records:activity_detail", kwargs={"org_slug": organisation.slug, "pk": activity.pk})
    )

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "retention period for the personal data itself (only cookie lifetimes are recorded)" in body
    assert "Cookies and similar identifiers</span>" in body


def test_section_form_saves_applies_to(organisation, editor, client):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Website")
    client.force_login(editor)

    response = client.post(
        reverse(
            "records:activity_section_edit",
            kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "retention"},
        ),
        {
            "retention-TOTAL_FORMS": "1",
            "retention-INITIAL_FORMS": "0",
            "retention-0-data_category": "Analytics cookies",
            "retention-0-applies_to": "cookies",
            "retention-0-period": "13 months",
        },
    )

    activity.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert RetentionPeriod.objects.get(activity=activity).applies_to == RetentionSubject.COOKIES
    assert "retention-data" in activity.missing_items


def test_api_reads_and_writes_applies_to(organisation, editor):
    api = APIClient()
    api.force_authenticate(editor)

    response = api.post(
        f"/api/v1/o/{organisation.slug}/activities/",
        {
            "name": "Newsletter",
            "retention_periods": [
                {"data_category": "Tracking pixel", "applies_to": "cookies", "period": "Session"},
            ],
        },
        format="json",
    )
    invalid = api.post(
        f"/api/v1/o/{organisation.slug}/activities/",
        {"name": "Other", "retention_periods": [{"data_category": "X", "applies_to": "files", "period": "1 day"}]},
        format="json",
    )

    assert response.status_code == HTTPStatus.CREATED
    assert response.json()["retention_periods"][0]["applies_to"] == "cookies"
    assert "retention-data" in response.json()["missing_items"]
    assert invalid.status_code == HTTPStatus.BAD_REQUEST
    assert not ProcessingActivity.objects.filter(organisation=organisation, name="Other").exists()


def test_exports_name_applies_to(organisation, editor, client):
    activity = accept(organisation, editor, us_service())
    client.force_login(editor)

    row = activity_row(ProcessingActivity.objects.get(pk=activity.pk), organisation)
    data = json.loads(client.get(reverse("records:export_json", kwargs={"org_slug": organisation.slug})).content)
    exported = {
        item["data_category"]: item["applies_to"] for item in data["processing_activities"][0]["retention_periods"]
    }

    assert "Data held by Callcentre Cloud (Personal data): " in row["retention"]
    assert "Cookies and similar identifiers set by Callcentre Cloud: Up to 1 year" in row["retention"]
    assert exported["Data held by Callcentre Cloud"] == "personal-data"
    assert exported["Cookies and similar identifiers set by Callcentre Cloud"] == "cookies"


@pytest.mark.parametrize(
    ("data_category", "max_seconds", "source", "expected"),
    [
        ("Cookies and similar identifiers set by Hotjar", 31536000, {"service": "hotjar", "version": 1}, "cookies"),
        ("Cookies and similar identifiers set by Crisp", 0, {"service": "crisp", "version": 2}, "cookies"),
        ("Data held by Hotjar", None, {"service": "hotjar", "version": 1}, "personal-data"),
        ("Tracker set by Vendor", 86400, {"service": "vendor", "version": 1}, "cookies"),
        ("cookies and similar identifiers on our shop", None, {}, "cookies"),
        ("Payslips", None, {}, "personal-data"),
        ("Contracts", 315360000, {}, "personal-data"),
        ("Recordings", None, None, "personal-data"),
    ],
)
def test_migration_classifies_rows(data_category, max_seconds, source, expected):
    assert retention_migration.classify_retention_row(data_category, max_seconds, source) == expected


def test_migration_flags_cookie_only_activities(organisation, editor):
    cookie_only = accept(organisation, editor, us_service(data_retention=""))
    both = accept(organisation, editor, us_service(name="Helpdesk Hub", slug="helpdesk-hub", categories=["crm"]))
    # Rows as they were stored before the field existed: every row had the default.
    RetentionPeriod.objects.update(applies_to=RetentionSubject.PERSONAL_DATA)
    ProcessingActivity.objects.filter(pk=cookie_only.pk).update(missing_items=["dpia"], missing_count=1)

    retention_migration.classify_rows(apps, None)

    cookie_only.refresh_from_db()
    both.refresh_from_db()
    assert cookie_only.missing_items == ["retention-data", "dpia"]
    assert cookie_only.missing_count == 2
    assert "retention-data" not in both.missing_items
    kinds = {row.data_category: row.applies_to for row in RetentionPeriod.objects.filter(activity=both)}
    assert kinds["Cookies and similar identifiers set by Helpdesk Hub"] == RetentionSubject.COOKIES
    assert kinds["Data held by Helpdesk Hub"] == RetentionSubject.PERSONAL_DATA
