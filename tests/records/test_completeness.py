import pytest

from records import actions
from records.choices import TransferSafeguard
from records.completeness import organisation_missing_items
from records.models import ActivityTransfer, ProcessingActivity
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db


def test_empty_activity_lists_every_item(organisation, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    assert activity.missing_items == [
        "purposes",
        "data-subjects",
        "data-categories",
        "recipients",
        "retention",
        "security-measures",
    ]
    assert activity.missing_count == 6


def test_autofilled_activity_lacks_dpf_check_and_dpia(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    activity.refresh_from_db()
    assert activity.missing_items == ["transfer-dpf-check", "dpia"]


def test_transfer_without_safeguard_is_missing(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    ActivityTransfer.objects.create(
        organisation=organisation, activity=activity, country="CN", recipient="Support desk", safeguard=""
    )

    missing = actions.activity_refresh_completeness(activity=activity)

    assert "transfer-safeguards" in missing


def test_derogation_needs_documentation(organisation, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Travel bookings")
    ActivityTransfer.objects.create(
        organisation=organisation,
        activity=activity,
        country="IN",
        recipient="Agency",
        safeguard=TransferSafeguard.DEROGATION,
    )

    missing = actions.activity_refresh_completeness(activity=activity)

    assert "transfer-documentation" in missing


def test_incomplete_first_ordering(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    actions.activity_create(organisation=organisation, actor=editor, name="Payroll")

    names = list(
        ProcessingActivity.objects.for_organisation(organisation).incomplete_first().values_list("name", flat=True)
    )

    assert names[0] == "Payroll"


def test_organisation_without_contact_is_flagged(organisation):
    organisation.address = ""
    organisation.contact_email = ""

    assert organisation_missing_items(organisation) == ["controller-contact"]


def test_dpia_in_app_counts_as_linked(organisation, editor):
    from dpia.actions import dpia_create
    from records.activity_actions import activity_create
    from records.models import ProcessingActivity

    activity = activity_create(organisation=organisation, actor=editor, name="Contact centre", dpia_required=True)
    assert "dpia" in activity.missing_items
    assert ProcessingActivity.objects.for_organisation(organisation).dpia_missing().count() == 1

    dpia_create(organisation=organisation, actor=editor, activity=activity)

    activity.refresh_from_db()
    assert "dpia" not in activity.missing_items
    assert ProcessingActivity.objects.for_organisation(organisation).dpia_missing().count() == 0


def test_onward_dpf_needs_vendor_dpf(organisation, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Contact centre")
    vendor_row = ActivityTransfer.objects.create(
        organisation=organisation, activity=activity, country="US", recipient="Callcentre Cloud", safeguard="dpf"
    )
    ActivityTransfer.objects.create(
        organisation=organisation,
        activity=activity,
        country="US",
        recipient="Hosting Inc.",
        safeguard="dpf",
        dpf_certified_entity="Callcentre Cloud",
    )
    assert "transfer-dpf-basis" not in actions.activity_refresh_completeness(activity=activity)

    vendor_row.safeguard = TransferSafeguard.SCC
    vendor_row.save()

    assert "transfer-dpf-basis" in actions.activity_refresh_completeness(activity=activity)
