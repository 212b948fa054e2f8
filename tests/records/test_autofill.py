import pytest
from django.core.exceptions import ValidationError

from records import actions
from records.choices import ChecklistStatus, RecipientKind, SpecialCategory, TransferSafeguard, VendorUseStatus
from records.models import ChecklistTask, ProcessingActivity, VendorUse
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db


def test_create_from_service_fills_vendor_fields(organisation, editor):
    service = us_service()

    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    assert vendor_use.vendor_name == "Callcentre Cloud"
    assert vendor_use.vendor_role == "processor"
    assert vendor_use.eu_region == "Frankfurt (eu-central-1)"
    assert vendor_use.transfer_safeguards == [TransferSafeguard.SCC, TransferSafeguard.DPF]
    assert vendor_use.catalogue_version == 1
    assert vendor_use.owner == editor
    assert vendor_use.provenance["vendor_name"] == [{"service": service.slug, "name": service.name, "version": 1}]
    assert vendor_use.dpf_checked_on is None


def test_create_from_service_creates_checklist(organisation, editor):
    service = us_service()

    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    titles = list(vendor_use.tasks.values_list("title", flat=True))
    assert titles == ["Sign the DPA", "Announce recording"]
    assert set(vendor_use.tasks.values_list("status", flat=True)) == {ChecklistStatus.TODO}


def test_create_twice_rejected(organisation, editor):
    service = us_service()
    actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    with pytest.raises(ValidationError, match="already in your vendor register"):
        actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    assert VendorUse.objects.filter(organisation=organisation).count() == 1


def test_draft_service_rejected(organisation, editor):
    service = ServiceFactory(status="draft")

    with pytest.raises(ValidationError, match="not a published"):
        actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)


def test_uncertified_service_drops_dpf_safeguard(organisation, editor):
    service = us_service(dpf_certified=False)

    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    assert vendor_use.transfer_safeguards == [TransferSafeguard.SCC]
    assert vendor_use.dpf_checked_on is None


def test_proposals_one_per_purpose(organisation, editor):
    service = us_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    proposals = actions.vendor_use_activity_proposals(organisation=organisation, vendor_use=vendor_use)

    assert [proposal.purpose_key for proposal in proposals] == ["customer-support"]
    assert proposals[0].existing is None


def test_accept_proposals_fills_every_item(organisation, editor):
    service = us_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    activity.refresh_from_db()
    purposes = {(row.purpose, row.legal_basis) for row in activity.purposes.all()}
    assert purposes == {("answering enquiries.", "contract"), ("call recording.", "consent")}
    assert activity.data_subject_categories == ["callers", "customers"]
    flags = dict(activity.data_categories.values_list("name", "special_category"))
    assert flags["special-categories"] == SpecialCategory.ART_9
    assert flags["contact-details"] == SpecialCategory.NONE
    recipients = set(activity.recipients.values_list("kind", "name"))
    assert recipients == {
        (RecipientKind.PROCESSOR, "Callcentre Cloud"),
        (RecipientKind.SUB_PROCESSOR, "Hosting Inc."),
        (RecipientKind.SUB_PROCESSOR, "Hosting EU GmbH"),
    }
    assert "Encryption in transit" in activity.security_measures
    assert activity.dpia_required is True
    assert "WP248" in activity.dpia_reason


def test_transfers_follow_adequacy_rules(organisation, editor):
    service = us_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    transfers = {row.recipient: row for row in activity.transfers.all()}
    assert set(transfers) == {"Callcentre Cloud", "Hosting Inc."}
    assert transfers["Callcentre Cloud"].safeguard == TransferSafeguard.DPF
    assert transfers["Callcentre Cloud"].dpf_checked_on is None
    assert "https://www.dataprivacyframework.gov/list" in transfers["Callcentre Cloud"].basis_note
    assert transfers["Callcentre Cloud"].tia_required is False
    assert "SCCs (module 2) are also in place" in transfers["Callcentre Cloud"].basis_note
    assert len(transfers["Callcentre Cloud"].basis_note) <= 300
    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.DPF
    assert transfers["Hosting Inc."].tia_required is False


def test_retention_from_longest_cookie(organisation, editor):
    service = us_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    rows = {row.data_category: row for row in activity.retention_periods.all()}
    cookie_row = rows["Cookies and similar identifiers set by Callcentre Cloud"]
    assert cookie_row.max_seconds == 31536000
    assert "1 year" in cookie_row.period
    assert "visitor_id" in cookie_row.period
    assert rows["Data held by Callcentre Cloud"].period == service.data_retention


def test_provenance_recorded_per_field(organisation, editor):
    service = us_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    for field in ["purposes", "data_subject_categories", "recipients", "transfers", "retention_periods"]:
        assert activity.provenance[field][0]["service"] == "callcentre-cloud"
        assert activity.provenance[field][0]["version"] == 1
    assert activity.transfers.first().source["service"] == "callcentre-cloud"


def test_second_vendor_links_to_existing_activity(organisation, editor):
    first = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=first, actor=editor)
    other = us_service(name="Helpdesk Hub", slug="helpdesk-hub", categories=["customer-support"])
    second = actions.vendor_use_create_from_service(organisation=organisation, service=other, actor=editor)

    proposals = actions.vendor_use_activity_proposals(organisation=organisation, vendor_use=second)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=second, actor=editor)

    assert proposals[0].existing is not None
    assert ProcessingActivity.objects.filter(organisation=organisation).count() == 1
    activity = ProcessingActivity.objects.get(organisation=organisation)
    assert {"Callcentre Cloud", "Helpdesk Hub"} <= set(activity.recipients.values_list("name", flat=True))


def test_accept_proposals_twice_adds_nothing(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    counts = (activity.purposes.count(), activity.recipients.count(), activity.transfers.count())

    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert (activity.purposes.count(), activity.recipients.count(), activity.transfers.count()) == counts


def test_eea_only_service_has_no_transfer(organisation, editor):
    service = ServiceFactory(transfer_destinations=["DE", "FR"])
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert activity.transfers.count() == 0


def test_manual_vendor_has_no_tasks(organisation, editor):
    vendor_use = actions.vendor_use_create_manual(
        organisation=organisation, actor=editor, vendor_name="Local printer", vendor_country="FR"
    )

    assert vendor_use.service is None
    assert ChecklistTask.objects.filter(vendor_use=vendor_use).count() == 0
    assert vendor_use.status == VendorUseStatus.EVALUATING


def test_manual_vendor_duplicate_name_rejected(organisation, editor):
    actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name="Local printer")

    with pytest.raises(ValidationError, match="already in your register"):
        actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name="local PRINTER")


def test_owner_must_be_member(organisation, other_organisation, editor):
    from tests.factories import member

    outsider = member(other_organisation)

    with pytest.raises(ValidationError, match="member of this organisation"):
        actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name="X", owner=outsider)


def test_cookie_retention_wording_counts_cookies(db):
    from records.autofill import retention_for
    from services.models import ServiceCookie
    from tests.records.factories import us_service

    service = us_service()
    two = retention_for(service)[0].period
    ServiceCookie.objects.filter(service=service, name="chat_session").delete()
    one = retention_for(type(service).objects.get(pk=service.pk))[0].period

    assert two == (
        "Up to 1 year (visitor_id, the longest-lived of 2 cookies or similar); 1 ends with the browser session"
    )
    assert one == "Up to 1 year (visitor_id)"
