import datetime
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from records import actions
from records.choices import ChecklistStatus
from records.models import ActivityPurpose, ChecklistTask, ProcessingActivity, ProcessorActivity, VendorUse
from services.models import ServiceAlias
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db


def url(name, organisation, **kwargs):
    return reverse(f"records:{name}", kwargs={"org_slug": organisation.slug, **kwargs})


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def vendor_use(organisation, editor):
    return actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)


def test_catalogue_search_finds_by_name_and_domain(organisation, editor_client):
    us_service()

    by_name = editor_client.get(url("catalogue_search", organisation), {"q": "callcen"})
    by_domain = editor_client.get(url("catalogue_search", organisation), {"q": "callcentre-cloud.example"})

    assert by_name.status_code == HTTPStatus.OK
    assert "Callcentre Cloud" in by_name.content.decode()
    assert "Callcentre Cloud" in by_domain.content.decode()


def test_catalogue_search_hides_drafts(organisation, editor_client):
    ServiceFactory(name="Secret Draft", status="draft")

    response = editor_client.get(url("catalogue_search", organisation), {"q": "secret"})

    assert "Secret Draft" not in response.content.decode()


def test_add_from_catalogue_redirects_to_proposals(organisation, editor_client):
    service = us_service()

    response = editor_client.post(url("vendor_add", organisation, service_slug=service.slug))

    vendor_use = VendorUse.objects.get(organisation=organisation)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == url("vendor_proposals", organisation, pk=vendor_use.pk)


def test_viewer_cannot_add(organisation, client, viewer):
    service = us_service()
    client.force_login(viewer)

    response = client.post(url("vendor_add", organisation, service_slug=service.slug))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not VendorUse.objects.exists()


def test_bulk_paste_lists_matches_and_unmatched(organisation, editor_client):
    us_service()
    other = ServiceFactory(name="Mail Rocket")
    ServiceAlias.objects.create(service=other, name="MailRocket Pro")

    response = editor_client.post(
        url("vendor_bulk", organisation),
        {"lines": "https://www.callcentre-cloud.example/contact\nmailrocket pro\nunknown-vendor.example\n"},
    )

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Callcentre Cloud" in body
    assert "Mail Rocket" in body
    assert "unknown-vendor.example" in body
    assert "1 line matched nothing" in body


def test_bulk_confirm_adds_vendors_and_activities(organisation, editor_client):
    first = us_service()
    second = ServiceFactory(name="Visitor Stats")

    response = editor_client.post(
        url("vendor_bulk", organisation),
        {"confirm": "1", "service": [first.pk, second.pk], "accept_proposals": "on"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert VendorUse.objects.filter(organisation=organisation).count() == 2
    assert set(ProcessingActivity.objects.filter(organisation=organisation).values_list("purpose_key", flat=True)) == {
        "customer-support",
        "audience-measurement",
    }


def test_bulk_rejects_empty_paste(organisation, editor_client):
    response = editor_client.post(url("vendor_bulk", organisation), {"lines": "  \n "})

    assert "Paste at least one" in response.content.decode()


def test_bulk_rejects_overlong_line(organisation, editor_client):
    pasted = "genesys.com\n" + "x" * 5000

    response = editor_client.post(url("vendor_bulk", organisation), {"lines": pasted})

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Line 2 is 5000 characters long" in body
    assert "(“" + "x" * 60 + "…”)" in body
    assert not VendorUse.objects.filter(organisation=organisation).exists()


def test_manual_vendor_form(organisation, editor_client):
    response = editor_client.post(
        url("vendor_create", organisation),
        {"vendor_name": "Local Print Shop", "status": "active", "vendor_role": "processor", "vendor_country": "FR"},
    )

    vendor_use = VendorUse.objects.get(organisation=organisation)
    assert response.status_code == HTTPStatus.FOUND
    assert vendor_use.service is None
    assert vendor_use.vendor_country == "FR"


def test_edit_marks_field_as_user_edited(organisation, editor_client, vendor_use):
    response = editor_client.post(
        url("vendor_edit", organisation, pk=vendor_use.pk),
        {
            "vendor_name": vendor_use.vendor_name,
            "vendor_legal_entity": vendor_use.vendor_legal_entity,
            "vendor_country": "US",
            "vendor_website": vendor_use.vendor_website,
            "purpose_of_use": "Our phone support line.",
            "status": "active",
            "vendor_role": "processor",
            "dpa_url": vendor_use.dpa_url,
            "eu_region": vendor_use.eu_region,
            "transfer_safeguards": vendor_use.transfer_safeguards,
        },
    )

    vendor_use.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert vendor_use.purpose_of_use == "Our phone support line."
    assert vendor_use.user_edited_fields == ["purpose_of_use"]
    assert vendor_use.status == "active"


def test_dpa_upload_rejects_executable(organisation, editor_client, vendor_use):
    upload = SimpleUploadedFile("dpa.exe", b"MZ")

    response = editor_client.post(
        url("vendor_edit", organisation, pk=vendor_use.pk),
        {"vendor_name": "X", "status": "active", "vendor_role": "processor", "dpa_file": upload},
    )

    vendor_use.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert "are not accepted" in response.content.decode()
    assert not vendor_use.dpa_file
    assert vendor_use.vendor_name == "Callcentre Cloud"


def test_dpa_upload_rejects_disguised_file(organisation, editor_client, vendor_use):
    upload = SimpleUploadedFile("dpa.pdf", b"<html><body>not a contract</body></html>")

    response = editor_client.post(
        url("vendor_edit", organisation, pk=vendor_use.pk),
        {"vendor_name": "X", "status": "active", "vendor_role": "processor", "dpa_file": upload},
    )

    vendor_use.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert "is not a PDF document" in response.content.decode()
    assert not vendor_use.dpa_file
    assert vendor_use.vendor_name == "Callcentre Cloud"


def test_proposals_accept_creates_activity(organisation, editor_client, vendor_use):
    response = editor_client.post(
        url("vendor_proposals", organisation, pk=vendor_use.pk), {"purpose": ["customer-support"]}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert ProcessingActivity.objects.filter(organisation=organisation, purpose_key="customer-support").exists()


def test_activity_detail_shows_missing_and_provenance(organisation, editor_client, vendor_use, editor):
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    response = editor_client.get(url("activity_detail", organisation, pk=activity.pk))

    body = response.content.decode()
    assert "DPIA required but none drafted or linked" in body
    assert "Callcentre Cloud (catalogue version 1)" in body


def test_section_edit_saves_rows(organisation, editor_client, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    response = editor_client.post(
        url("activity_section_edit", organisation, pk=activity.pk, section="purposes"),
        {
            "purposes-TOTAL_FORMS": "1",
            "purposes-INITIAL_FORMS": "0",
            "purposes-0-purpose": "Paying salaries",
            "purposes-0-legal_basis": "legal-obligation",
        },
    )

    activity.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert ActivityPurpose.objects.get(activity=activity).organisation == organisation
    assert "purposes" not in activity.missing_items


def test_section_edit_rejects_duplicate_rows(organisation, editor_client, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    response = editor_client.post(
        url("activity_section_edit", organisation, pk=activity.pk, section="purposes"),
        {
            "purposes-TOTAL_FORMS": "2",
            "purposes-INITIAL_FORMS": "0",
            "purposes-0-purpose": "Paying salaries",
            "purposes-1-purpose": "paying salaries",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "Two rows have the same" in response.content.decode()
    assert not ActivityPurpose.objects.exists()


def test_section_edit_cannot_link_foreign_vendor(organisation, other_organisation, editor_client, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")
    foreign = actions.vendor_use_create_manual(organisation=other_organisation, actor=None, vendor_name="Foreign")

    response = editor_client.post(
        url("activity_section_edit", organisation, pk=activity.pk, section="recipients"),
        {
            "recipients-TOTAL_FORMS": "1",
            "recipients-INITIAL_FORMS": "0",
            "recipients-0-kind": "processor",
            "recipients-0-name": "X",
            "recipients-0-vendor_use": foreign.pk,
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert not activity.recipients.exists()


def test_unknown_section_is_404(organisation, editor_client, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    response = editor_client.get(url("activity_section_edit", organisation, pk=activity.pk, section="nope"))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_task_status_done(organisation, editor_client, vendor_use):
    task = vendor_use.tasks.first()

    response = editor_client.post(url("task_status", organisation, pk=task.pk), {"status": "done"})

    task.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert task.status == ChecklistStatus.DONE


def test_task_form_not_applicable_needs_reason(organisation, editor_client, vendor_use):
    task = vendor_use.tasks.first()

    response = editor_client.post(url("task_edit", organisation, pk=task.pk), {"status": "not-applicable"})

    task.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert task.status == ChecklistStatus.TODO


def test_checklist_highlights_overdue(organisation, editor_client, vendor_use):
    ChecklistTask.objects.filter(vendor_use=vendor_use).update(due_date=datetime.date(2020, 1, 1))

    response = editor_client.get(url("checklist", organisation))

    assert "list-group-item-danger" in response.content.decode()
    assert response.context["progress"]["task_overdue"] == 2


def test_catalogue_update_page_applies_choice(organisation, editor_client, vendor_use):
    service = vendor_use.service
    service.dpa_url = "https://callcentre.example/dpa-2"
    service.version = 2
    service.save()

    page = editor_client.get(url("vendor_catalogue_update", organisation, pk=vendor_use.pk))
    response = editor_client.post(
        url("vendor_catalogue_update", organisation, pk=vendor_use.pk), {"fields": ["dpa_url"]}
    )

    vendor_use.refresh_from_db()
    assert "https://callcentre.example/dpa-2" in page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    assert vendor_use.dpa_url == "https://callcentre.example/dpa-2"
    assert vendor_use.catalogue_version == 2


def test_dashboard_panels(organisation, editor_client, vendor_use, editor):
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    response = editor_client.get(url("dashboard", organisation))

    figures = response.context["figures"]
    assert figures["vendors_by_risk"] == {"medium": 1}
    assert figures["dpia_missing_count"] == 1
    assert {(row["country"], row["safeguard"]) for row in figures["transfers"]} == {("US", "dpf")}
    assert "United States of America" in response.content.decode()


def test_dashboard_says_incomplete_list_is_cut(organisation, editor_client, editor):
    for number in range(12):
        actions.activity_create(organisation=organisation, actor=editor, name=f"Activity {number:02d}")

    body = editor_client.get(url("dashboard", organisation)).content.decode()

    assert "12 of 12 processing activities miss Art. 30 items." in body
    assert "The 10 with the most missing items are listed" in body


def test_processor_record_create(organisation, editor_client):
    response = editor_client.post(
        url("processor_activity_create", organisation),
        {"controller_name": "Client SA", "processing_categories": "Payroll", "status": "draft"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert ProcessorActivity.objects.get().organisation_id == organisation.pk


@pytest.mark.parametrize(
    "name",
    [
        "dashboard",
        "vendor_list",
        "activity_list",
        "checklist",
        "vendor_bulk",
        "vendor_create",
        "activity_create",
        "processor_activity_list",
    ],
)
def test_pages_render_empty(organisation, editor_client, name):
    response = editor_client.get(url(name, organisation))

    assert response.status_code == HTTPStatus.OK


def test_activity_detail_dpia_without_screening(organisation, editor_client, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Visitor badges")

    body = editor_client.get(url("activity_detail", organisation, pk=activity.pk)).content.decode()

    assert "no DPIA screening is recorded for this activity yet" in body
    assert "according to the screening" not in body


def test_activity_detail_dpia_names_screening(organisation, editor_client, editor):
    from dpia.models import Screening

    activity = actions.activity_create(organisation=organisation, actor=editor, name="Visitor badges")
    Screening.objects.create(organisation=organisation, activity=activity, outcome="not_required", decided_by=editor)

    body = editor_client.get(url("activity_detail", organisation, pk=activity.pk)).content.decode()

    assert "The DPIA screening of" in body
    assert "concluded: DPIA not required." in body
