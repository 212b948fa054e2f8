import pytest
from django.core.exceptions import ValidationError

from records import actions
from services.models import ChecklistItem
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def vendor_use(organisation, editor):
    return actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)


def _publish_change(service, **values):
    for field, value in values.items():
        setattr(service, field, value)
    service.version += 1
    service.save()


def test_up_to_date_vendor_needs_no_review(vendor_use):
    assert vendor_use.needs_catalogue_review is False
    assert actions.vendor_use_catalogue_diff(vendor_use).is_empty


def test_diff_lists_changed_fields(vendor_use):
    _publish_change(vendor_use.service, dpa_url="https://callcentre.example/new-dpa", summary="New summary.")
    vendor_use.refresh_from_db()

    diff = actions.vendor_use_catalogue_diff(vendor_use)

    assert vendor_use.needs_catalogue_review is True
    assert {change.field for change in diff.changes} == {"dpa_url", "purpose_of_use"}
    assert (diff.from_version, diff.to_version) == (1, 2)


def test_user_edited_field_is_never_overwritten(organisation, editor, vendor_use):
    actions.vendor_use_update(
        organisation=organisation, vendor_use=vendor_use, actor=editor, changes={"dpa_url": "https://ours.example/dpa"}
    )
    _publish_change(vendor_use.service, dpa_url="https://callcentre.example/new-dpa")
    vendor_use.refresh_from_db()

    diff = actions.vendor_use_catalogue_diff(vendor_use)
    with pytest.raises(ValidationError, match="kept as they are"):
        actions.vendor_use_catalogue_apply(
            organisation=organisation, vendor_use=vendor_use, actor=editor, fields=["dpa_url"]
        )

    vendor_use.refresh_from_db()
    assert diff.changes[0].edited_by_user is True
    assert vendor_use.dpa_url == "https://ours.example/dpa"
    assert vendor_use.catalogue_version == 1


def test_apply_takes_only_chosen_fields(organisation, editor, vendor_use):
    _publish_change(vendor_use.service, dpa_url="https://callcentre.example/new-dpa", summary="New summary.")
    vendor_use.refresh_from_db()
    old_purpose = vendor_use.purpose_of_use

    actions.vendor_use_catalogue_apply(
        organisation=organisation, vendor_use=vendor_use, actor=editor, fields=["dpa_url"]
    )

    vendor_use.refresh_from_db()
    assert vendor_use.dpa_url == "https://callcentre.example/new-dpa"
    assert vendor_use.purpose_of_use == old_purpose
    assert vendor_use.catalogue_version == 2
    assert vendor_use.provenance["dpa_url"][0]["version"] == 2


def test_new_checklist_items_offered(organisation, editor, vendor_use):
    ChecklistItem.objects.create(service=vendor_use.service, title="Review sub-processors", position=5)
    _publish_change(vendor_use.service)
    vendor_use.refresh_from_db()

    diff = actions.vendor_use_catalogue_diff(vendor_use)
    actions.vendor_use_catalogue_apply(
        organisation=organisation, vendor_use=vendor_use, actor=editor, add_new_tasks=True
    )

    assert diff.new_tasks == ["Review sub-processors"]
    assert vendor_use.tasks.filter(title="Review sub-processors").exists()


def test_update_marks_edited_fields(organisation, editor, vendor_use):
    actions.vendor_use_update(
        organisation=organisation,
        vendor_use=vendor_use,
        actor=editor,
        changes={"eu_region": "Dublin", "notes": "Checked."},
    )

    vendor_use.refresh_from_db()
    assert vendor_use.user_edited_fields == ["eu_region"]
    assert vendor_use.provenance["eu_region"][0]["edited"] is True
