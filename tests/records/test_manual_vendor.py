"""Hand-added vendors: proposals, linking or creating an activity, and the rows they fill."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from records import actions
from records.choices import RecipientKind, SccModule, TransferSafeguard, VendorRole
from records.exports.rows import activity_row
from records.manual_vendor_actions import manual_vendor_accept, manual_vendor_proposal
from records.models import ProcessingActivity
from records.selectors import activities_for_export

pytestmark = pytest.mark.django_db


def manual_vendor(organisation, editor, **fields):
    values = {"vendor_name": "Print Shop", "purpose_of_use": "  Printing of customer letters\nand envelopes  "}
    values.update(fields)
    name = values.pop("vendor_name")
    return actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name=name, **values)


def proposals_url(organisation, vendor_use):
    return reverse("records:vendor_proposals", kwargs={"org_slug": organisation.slug, "pk": vendor_use.pk})


def test_proposal_names_new_activity_after_purpose(organisation, editor):
    existing = actions.activity_create(organisation=organisation, actor=editor, name="Correspondence")
    vendor_use = manual_vendor(organisation, editor)

    proposal = manual_vendor_proposal(organisation=organisation, vendor_use=vendor_use)

    assert proposal.new_name == "Printing of customer letters"
    assert proposal.activities == [existing]
    assert proposal.linked == []


def test_create_new_activity_from_purpose(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_country="FR")

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert activity.name == "Printing of customer letters"
    assert activity.status == "draft"
    assert list(activity.recipients.values_list("kind", "name")) == [(RecipientKind.PROCESSOR, "Print Shop")]
    assert activity.transfers.count() == 0


def test_duplicate_activity_name_rejected(organisation, editor):
    actions.activity_create(organisation=organisation, actor=editor, name="Printing of customer letters")
    vendor_use = manual_vendor(organisation, editor)

    with pytest.raises(ValidationError, match="already exists"):
        manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert ProcessingActivity.objects.filter(organisation=organisation).count() == 1
    assert vendor_use.recipient_rows.count() == 0


def test_empty_purpose_cannot_name_activity(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, purpose_of_use="   ")

    with pytest.raises(ValidationError, match="no purpose of use"):
        manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert ProcessingActivity.objects.filter(organisation=organisation).count() == 0


def test_link_to_existing_activity(organisation, editor):
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Correspondence")
    vendor_use = manual_vendor(organisation, editor)

    linked = manual_vendor_accept(
        organisation=organisation, vendor_use=vendor_use, actor=editor, activity_id=activity.pk
    )

    assert linked.pk == activity.pk
    assert activity.recipients.get().vendor_use == vendor_use


def test_link_to_other_tenant_activity_rejected(organisation, other_organisation, editor):
    foreign = actions.activity_create(organisation=other_organisation, actor=None, name="Foreign")
    vendor_use = manual_vendor(organisation, editor)

    with pytest.raises(ValidationError, match="Choose a processing activity"):
        manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor, activity_id=foreign.pk)

    assert foreign.recipients.count() == 0


def test_non_processor_is_external_recipient(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_role=VendorRole.INDEPENDENT_CONTROLLER)

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert activity.recipients.get().kind == RecipientKind.EXTERNAL


def test_us_vendor_with_dpf_choice(organisation, editor):
    vendor_use = manual_vendor(
        organisation,
        editor,
        vendor_country="US",
        vendor_legal_entity="Print Shop Inc.",
        transfer_safeguards=[TransferSafeguard.DPF, TransferSafeguard.SCC],
        dpa_url="https://print.example/dpa",
    )

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    transfer = activity.transfers.get()
    assert transfer.country == "US"
    assert transfer.safeguard == TransferSafeguard.DPF
    assert transfer.dpf_checked_on is None
    assert transfer.tia_required is False
    assert "Print Shop Inc." in transfer.basis_note
    assert "SCCs (module 2) are also in place" in transfer.basis_note
    assert transfer.scc_module == ""
    assert transfer.documentation_url == "https://print.example/dpa"
    activity.refresh_from_db()
    assert "transfer-dpf-check" in activity.missing_items


def test_controller_vendor_keeps_module_one_fallback(organisation, editor):
    vendor_use = manual_vendor(
        organisation,
        editor,
        vendor_country="US",
        vendor_role=VendorRole.INDEPENDENT_CONTROLLER,
        transfer_safeguards=[TransferSafeguard.DPF, TransferSafeguard.SCC],
    )

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    transfer = activity.transfers.get()
    assert transfer.safeguard == TransferSafeguard.DPF
    assert "SCCs (module 1) are also in place" in transfer.basis_note


def test_us_vendor_without_dpf_choice_uses_scc(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_country="US", transfer_safeguards=[TransferSafeguard.SCC])

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    transfer = activity.transfers.get()
    assert transfer.safeguard == TransferSafeguard.SCC
    assert transfer.scc_module == SccModule.MODULE_2
    assert transfer.tia_required is True


def test_vendor_without_safeguard_leaves_it_missing(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_country="IN")

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    assert activity.transfers.get().safeguard == TransferSafeguard.NONE
    activity.refresh_from_db()
    assert "transfer-safeguards" in activity.missing_items
    assert "purposes" in activity.missing_items
    assert "retention" in activity.missing_items


def test_provenance_says_entered_by_hand(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_country="IN")

    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    activity.refresh_from_db()
    expected = {"manual": True, "vendor_use": vendor_use.pk, "name": "Print Shop"}
    assert activity.provenance["recipients"] == [expected]
    assert activity.provenance["transfers"] == [expected]
    assert activity.transfers.get().source == expected
    assert "version" not in activity.recipients.get().source


def test_dpa_link_in_export_contracts(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, dpa_url="https://print.example/dpa")
    manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    (activity,) = activities_for_export(organisation=organisation)
    row = activity_row(activity, organisation)

    assert row["processor_contracts"] == "https://print.example/dpa"
    assert "Print Shop" in row["processors"]


def test_second_fill_adds_nothing(organisation, editor):
    vendor_use = manual_vendor(organisation, editor, vendor_country="IN")
    activity = manual_vendor_accept(organisation=organisation, vendor_use=vendor_use, actor=editor)

    actions.activity_fill_from_vendor_use(
        organisation=organisation, activity=activity, vendor_use=vendor_use, actor=editor
    )

    assert activity.recipients.count() == 1
    assert activity.transfers.count() == 1


def test_proposals_page_links_and_shows_provenance(organisation, editor, client):
    client.force_login(editor)
    vendor_use = manual_vendor(organisation, editor, vendor_country="IN")

    page = client.get(proposals_url(organisation, vendor_use))
    response = client.post(proposals_url(organisation, vendor_use), {"activity": "new"})

    assert "New activity “Printing of customer letters”" in page.content.decode()
    activity = ProcessingActivity.objects.get(organisation=organisation)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == activity.get_absolute_url()
    detail = client.get(response.url).content.decode()
    assert "entered by hand" in detail


def test_proposals_page_shows_duplicate_name_error(organisation, editor, client):
    client.force_login(editor)
    actions.activity_create(organisation=organisation, actor=editor, name="Printing of customer letters")
    vendor_use = manual_vendor(organisation, editor)

    response = client.post(proposals_url(organisation, vendor_use), {"activity": "new"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "A processing activity named “Printing of customer letters” already exists." in response.content.decode()
    assert vendor_use.recipient_rows.count() == 0


def test_proposals_page_requires_a_choice(organisation, editor, client):
    client.force_login(editor)
    vendor_use = manual_vendor(organisation, editor)

    response = client.post(proposals_url(organisation, vendor_use), {})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Choose an existing processing activity or a new one." in response.content.decode()


def test_viewer_cannot_link(organisation, editor, viewer, client):
    vendor_use = manual_vendor(organisation, editor)
    client.force_login(viewer)

    response = client.post(proposals_url(organisation, vendor_use), {"activity": "new"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert ProcessingActivity.objects.filter(organisation=organisation).count() == 0


def test_api_links_hand_added_vendor(organisation, editor):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(editor)
    vendor_use = manual_vendor(organisation, editor, vendor_country="IN")
    url = f"/api/v1/o/{organisation.slug}/vendor-uses/{vendor_use.pk}/accept-proposals/"

    created = api.post(url, {}, format="json")
    duplicate = api.post(url, {}, format="json")

    assert created.status_code == HTTPStatus.OK
    assert [row["name"] for row in created.json()] == ["Printing of customer letters"]
    assert created.json()[0]["transfers"][0]["country"] == "IN"
    assert duplicate.status_code == HTTPStatus.BAD_REQUEST
    assert "already exists" in str(duplicate.json())
