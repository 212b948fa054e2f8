from http import HTTPStatus

import pytest
from rest_framework.test import APIClient

from records import actions
from records.models import ActivityRecipient, ChecklistTask, ProcessingActivity, VendorUse
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db


def api_url(organisation, path):
    return f"/api/v1/o/{organisation.slug}/{path}"


@pytest.fixture
def api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def test_create_from_catalogue_with_proposals(organisation, api):
    us_service()

    response = api.post(
        api_url(organisation, "vendor-uses/"), {"service": "callcentre-cloud", "accept_proposals": True}, format="json"
    )

    assert response.status_code == HTTPStatus.CREATED
    assert response.json()["service"] == "callcentre-cloud"
    assert ProcessingActivity.objects.filter(organisation=organisation).count() == 1
    assert ChecklistTask.objects.filter(organisation=organisation).count() == 2


def test_create_unknown_service_is_400(organisation, api):
    response = api.post(api_url(organisation, "vendor-uses/"), {"service": "nope"}, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "nope" in response.json()["service"]
    assert not VendorUse.objects.exists()


def test_create_manual_vendor(organisation, api):
    response = api.post(
        api_url(organisation, "vendor-uses/"), {"vendor_name": "Printer", "vendor_country": "FR"}, format="json"
    )

    assert response.status_code == HTTPStatus.CREATED
    assert response.json()["service"] is None


def test_create_without_name_or_service_is_400(organisation, api):
    response = api.post(api_url(organisation, "vendor-uses/"), {"notes": "x"}, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "vendor_name" in response.json()


def test_patch_marks_edited(organisation, api, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)

    response = api.patch(api_url(organisation, f"vendor-uses/{vendor_use.pk}/"), {"eu_region": "Dublin"}, format="json")

    assert response.status_code == HTTPStatus.OK
    assert response.json()["user_edited_fields"] == ["eu_region"]


def test_catalogue_diff_and_apply(organisation, api, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    service = vendor_use.service
    service.dpa_url = "https://callcentre.example/dpa-3"
    service.version = 3
    service.save()

    diff = api.get(api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-diff/"))
    applied = api.post(
        api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-apply/"), {"fields": ["dpa_url"]}, format="json"
    )

    assert [change["field"] for change in diff.json()["changes"]] == ["dpa_url"]
    assert applied.status_code == HTTPStatus.OK
    assert applied.json()["catalogue_version"] == 3


def test_activity_create_with_children(organisation, api):
    response = api.post(
        api_url(organisation, "activities/"),
        {
            "name": "Payroll",
            "data_subject_categories": ["employees"],
            "purposes": [{"purpose": "Pay salaries", "legal_basis": "legal-obligation"}],
            "retention_periods": [{"data_category": "Payslips", "period": "5 years"}],
        },
        format="json",
    )

    body = response.json()
    assert response.status_code == HTTPStatus.CREATED
    assert body["purposes"][0]["purpose"] == "Pay salaries"
    assert "purposes" not in body["missing_items"]
    assert "data-categories" in body["missing_items"]


def test_activity_rejects_foreign_vendor(organisation, other_organisation, api):
    foreign = actions.vendor_use_create_manual(organisation=other_organisation, actor=None, vendor_name="Foreign")

    response = api.post(
        api_url(organisation, "activities/"),
        {"name": "Payroll", "recipients": [{"kind": "processor", "name": "X", "vendor_use": foreign.pk}]},
        format="json",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not ProcessingActivity.objects.exists()
    assert not ActivityRecipient.objects.exists()


def test_activity_duplicate_rows_rejected(organisation, api):
    response = api.post(
        api_url(organisation, "activities/"),
        {"name": "Payroll", "purposes": [{"purpose": "Pay"}, {"purpose": "pay"}]},
        format="json",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not ProcessingActivity.objects.exists()


def test_activity_list_incomplete_first(organisation, api, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    response = api.get(api_url(organisation, "activities/"))

    results = response.json()["results"] if "results" in response.json() else response.json()
    assert results[0]["name"] == "Payroll"


def test_task_not_applicable_needs_reason(organisation, api, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    task = vendor_use.tasks.first()

    response = api.patch(
        api_url(organisation, f"checklist-tasks/{task.pk}/"), {"status": "not-applicable"}, format="json"
    )
    ok = api.patch(
        api_url(organisation, f"checklist-tasks/{task.pk}/"),
        {"status": "not-applicable", "not_applicable_reason": "No calls recorded."},
        format="json",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert ok.status_code == HTTPStatus.OK


def test_viewer_cannot_write(organisation, viewer):
    client = APIClient()
    client.force_authenticate(viewer)

    response = client.post(api_url(organisation, "vendor-uses/"), {"vendor_name": "X"}, format="json")

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_schema_lists_records_endpoints(client):
    response = client.get("/api/v1/schema/")

    body = response.content.decode()
    for path in ["vendor-uses/", "activities/", "checklist-tasks/", "processor-records/", "catalogue-apply/"]:
        assert path in body


def test_lists_serialise_countries(organisation, api, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    vendors = api.get(api_url(organisation, "vendor-uses/"))
    activities = api.get(api_url(organisation, "activities/"))

    assert vendors.status_code == HTTPStatus.OK
    assert "US" in vendors.content.decode()
    assert activities.status_code == HTTPStatus.OK
    assert '"country":"US"' in activities.content.decode().replace(" ", "")


def test_processor_record_crud(organisation, api):
    created = api.post(
        api_url(organisation, "processor-records/"),
        {"controller_name": "Client SA", "processing_categories": "Payroll for the client"},
        format="json",
    )
    record_url = api_url(organisation, f"processor-records/{created.json()['id']}/")
    updated = api.patch(record_url, {"security_measures": "Encrypted backups"}, format="json")
    deleted = api.delete(record_url)

    assert created.status_code == HTTPStatus.CREATED
    assert updated.json()["security_measures"] == "Encrypted backups"
    assert deleted.status_code == HTTPStatus.NO_CONTENT


def test_activity_delete(organisation, api, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    response = api.delete(api_url(organisation, f"activities/{activity.pk}/"))

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert not ProcessingActivity.objects.exists()
