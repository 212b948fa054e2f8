"""A DPF check concerns a recipient: its date reaches every DPF transfer to it and the vendor's register entry."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from organisations.models import Membership
from records import actions
from records.dpf_checks import record_dpf_check
from records.models import ActivityTransfer, ProcessingActivity
from records.transfer_actions import transfer_record_dpf_check
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def vendor_use(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    second = actions.activity_create(organisation=organisation, actor=editor, name="Quality monitoring")
    actions.activity_fill_from_vendor_use(
        organisation=organisation, activity=second, vendor_use=vendor_use, actor=editor
    )
    return vendor_use


def vendor_dpf_rows(organisation, vendor_use):
    return list(
        ActivityTransfer.objects.for_organisation(organisation).filter(
            recipient=vendor_use.vendor_name, safeguard="dpf"
        )
    )


def test_check_on_one_row_reaches_all(organisation, editor, vendor_use):
    first, second = vendor_dpf_rows(organisation, vendor_use)

    transfer_record_dpf_check(organisation=organisation, transfer=first, actor=editor)

    second.refresh_from_db()
    vendor_use.refresh_from_db()
    today = timezone.localdate()
    assert second.dpf_checked_on == today
    assert vendor_use.dpf_checked_on == today
    for activity in ProcessingActivity.objects.for_organisation(organisation):
        assert "transfer-dpf-check" not in activity.missing_items


def test_vendor_form_date_reaches_transfers(organisation, editor, vendor_use):
    checked_on = datetime.date(2026, 11, 20)

    actions.vendor_use_update(
        organisation=organisation, vendor_use=vendor_use, actor=editor, changes={"dpf_checked_on": checked_on}
    )

    assert [row.dpf_checked_on for row in vendor_dpf_rows(organisation, vendor_use)] == [checked_on, checked_on]


def test_earlier_check_keeps_later_date(organisation, editor, vendor_use):
    later = datetime.date(2026, 11, 30)
    record_dpf_check(organisation=organisation, recipient=vendor_use.vendor_name, checked_on=later, actor=editor)

    record_dpf_check(
        organisation=organisation, recipient=vendor_use.vendor_name, checked_on=datetime.date(2026, 10, 1), actor=editor
    )

    assert {row.dpf_checked_on for row in vendor_dpf_rows(organisation, vendor_use)} == {later}


def test_future_check_date_rejected(organisation, editor, vendor_use):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as raised:
        actions.vendor_use_update(
            organisation=organisation, vendor_use=vendor_use, actor=editor, changes={"dpf_checked_on": tomorrow}
        )

    vendor_use.refresh_from_db()
    assert "dpf_checked_on" in raised.value.message_dict
    assert vendor_use.dpf_checked_on is None


def test_check_stays_in_organisation(organisation, other_organisation, editor, vendor_use):
    other_editor = editor.__class__.objects.create_user(email="other-editor@example.test", password=None)
    Membership.objects.create(organisation=other_organisation, user=other_editor, role="editor")
    other_use = actions.vendor_use_create_from_service(
        organisation=other_organisation, service=vendor_use.service, actor=other_editor
    )
    actions.vendor_use_accept_proposals(organisation=other_organisation, vendor_use=other_use, actor=other_editor)

    record_dpf_check(
        organisation=organisation, recipient=vendor_use.vendor_name, checked_on=timezone.localdate(), actor=editor
    )

    assert [row.dpf_checked_on for row in vendor_dpf_rows(other_organisation, other_use)] == [None]


def test_onward_row_relies_on_vendor_check(organisation, editor, vendor_use):
    onward = ActivityTransfer.objects.for_organisation(organisation).filter(recipient="Hosting Inc.").first()
    assert onward.safeguard == "dpf"
    assert onward.dpf_certified_entity == vendor_use.vendor_name

    record_dpf_check(
        organisation=organisation, recipient=vendor_use.vendor_name, checked_on=timezone.localdate(), actor=editor
    )

    onward.refresh_from_db()
    assert onward.dpf_checked_on == timezone.localdate()


def test_own_certification_not_dated_by_vendor_check(organisation, editor, vendor_use):
    activity = ProcessingActivity.objects.for_organisation(organisation).first()
    own = ActivityTransfer.objects.create(
        organisation=organisation,
        activity=activity,
        vendor_use=vendor_use,
        country="US",
        recipient="Certified Analytics LLC",
        safeguard="dpf",
    )

    record_dpf_check(
        organisation=organisation, recipient=vendor_use.vendor_name, checked_on=timezone.localdate(), actor=editor
    )

    own.refresh_from_db()
    assert own.dpf_checked_on is None
