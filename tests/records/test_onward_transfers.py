"""Transfers by a vendor to its own sub-processors.

A certified US sub-processor relies on its own DPF certification. Otherwise a vendor outside the EEA passes data on
under the safeguard of the transfer to it, and a vendor in the EEA is the exporter under SCCs by role.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records import actions, autofill
from records.choices import SccModule, TransferSafeguard, VendorRole
from records.models import VendorUse
from records.subprocessor_catalogue import catalogue_listings, dpf_listing_for, name_keys
from services.models import ServiceAlias, SubProcessor
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db


def transfers_by_recipient(organisation, editor, service, **changes):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    if changes:
        vendor_use = actions.vendor_use_update(
            organisation=organisation, vendor_use=vendor_use, actor=editor, changes=changes
        )
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    return {row.recipient: row for row in activity.transfers.all()}


def test_certified_catalogue_subprocessor_uses_dpf(organisation, editor):
    ServiceFactory(name="Hosting Cloud", vendor_country="US", dpf_certified=True, vendor_legal_entity="Hosting Inc.")
    service = us_service(subprocessors_url="https://callcentre-cloud.example/subprocessors")

    transfers = transfers_by_recipient(organisation, editor, service)

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.DPF
    assert row.scc_module == ""
    assert row.tia_required is False
    assert row.dpf_checked_on is None
    assert "records Hosting Inc. as DPF-certified" in row.basis_note
    assert "https://www.dataprivacyframework.gov/list" in row.basis_note
    assert row.documentation_url == "https://callcentre-cloud.example/subprocessors"


def test_subprocessor_matched_by_alias(organisation, editor):
    hosting = ServiceFactory(name="Big Hosting", vendor_country="US", dpf_certified=True)
    ServiceAlias.objects.create(service=hosting, name="hosting inc.", position=0)

    transfers = transfers_by_recipient(organisation, editor, us_service())

    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.DPF


def test_subprocessor_of_dpf_vendor_follows_vendor_dpf(organisation, editor):
    ServiceFactory(name="Hosting Inc.", vendor_country="US", dpf_certified=False)

    transfers = transfers_by_recipient(organisation, editor, us_service())

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.DPF
    assert row.scc_module == ""
    assert row.tia_required is False
    assert "Onward transfer by Callcentre Cloud (United States of America)" in row.basis_note
    assert "DPF principle on onward transfers" in row.basis_note
    assert "exporter" not in row.basis_note


def scc_us_service(**overrides):
    return us_service(dpf_certified=False, transfer_safeguards=["scc-2021"], **overrides)


def test_subprocessor_of_scc_vendor_cites_clause_8_8(organisation, editor):
    transfers = transfers_by_recipient(organisation, editor, scc_us_service())

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.SCC
    assert row.scc_module == SccModule.MODULE_2
    assert row.tia_required is True
    assert "Clause 8.8 of the SCCs (module 2)" in row.basis_note
    assert "Check the vendor's DPA or sub-processor terms." in row.basis_note


def test_subprocessor_of_controller_vendor_cites_clause_8_7(organisation, editor):
    transfers = transfers_by_recipient(
        organisation, editor, scc_us_service(), vendor_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.SCC
    assert row.scc_module == SccModule.MODULE_1
    assert "Clause 8.7" in row.basis_note


def test_draft_service_does_not_certify_subprocessor(organisation, editor):
    ServiceFactory(name="Hosting Inc.", vendor_country="US", dpf_certified=True, status="draft")

    transfers = transfers_by_recipient(organisation, editor, scc_us_service())

    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.SCC


def test_dpf_note_names_subprocessor_not_entry(organisation, editor):
    ServiceFactory(name="<model-viewer>", vendor_country="US", vendor_legal_entity="Hosting Inc.", dpf_certified=True)

    transfers = transfers_by_recipient(organisation, editor, scc_us_service())

    note = transfers["Hosting Inc."].basis_note
    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.DPF
    assert "records Hosting Inc. as DPF-certified." in note
    assert "<model-viewer>" not in note
    assert "Check that Hosting Inc. is active" in note


def eea_service(**overrides):
    """A French processor whose catalogue lists transfers to the US and India and one US sub-processor."""
    values = {
        "name": "Mailer",
        "slug": "mailer",
        "vendor_country": "FR",
        "vendor_legal_entity": "Mailer SAS",
        "transfer_destinations": ["US", "IN"],
        "transfer_safeguards": ["scc-2021"],
        "dpf_certified": False,
    }
    values.update(overrides)
    return us_service(**values)


def test_eea_vendor_is_no_importer(organisation, editor):
    transfers = transfers_by_recipient(organisation, editor, eea_service())

    assert "Mailer" not in transfers
    assert set(transfers) == {"Hosting Inc.", "Sub-processors or group companies of Mailer in India"}


def test_eea_processor_exports_under_module_three(organisation, editor):
    transfers = transfers_by_recipient(organisation, editor, eea_service())

    for recipient in ("Hosting Inc.", "Sub-processors or group companies of Mailer in India"):
        row = transfers[recipient]
        assert row.safeguard == TransferSafeguard.SCC
        assert row.scc_module == SccModule.MODULE_3
        assert row.tia_required is True
        assert "Mailer (France), as processor and exporter" in row.basis_note
    assert transfers["Sub-processors or group companies of Mailer in India"].country == "IN"


def test_eea_controller_transfers_are_its_own(organisation, editor):
    transfers = transfers_by_recipient(
        organisation, editor, eea_service(), vendor_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    assert transfers == {}


def test_register_country_decides_exporter(organisation, editor):
    transfers = transfers_by_recipient(organisation, editor, us_service(), vendor_country="IE")

    assert "Callcentre Cloud" not in transfers
    assert transfers["Hosting Inc."].scc_module == SccModule.MODULE_3
    assert "Callcentre Cloud (Ireland), as processor and exporter" in transfers["Hosting Inc."].basis_note


def test_eea_vendor_without_outside_subprocessors(organisation, editor):
    service = eea_service(transfer_destinations=["US"])
    service.subprocessors.filter(country="US").delete()

    transfers = transfers_by_recipient(organisation, editor, service)

    assert set(transfers) == {"Sub-processors or group companies of Mailer in United States of America"}


def test_condition_reaches_transfer_note(organisation, editor):
    service = scc_us_service()
    SubProcessor.objects.create(
        service=service,
        name="Model Lab Inc.",
        purpose="Text generation",
        country="US",
        condition="when AI features are enabled",
        position=5,
    )

    transfers = transfers_by_recipient(organisation, editor, service)

    note = transfers["Model Lab Inc."].basis_note
    assert note.endswith("Applies only when AI features are enabled.")
    assert len(note) <= 300
    assert "Applies only" not in transfers["Hosting Inc."].basis_note


def test_long_condition_note_is_cut_cleanly(organisation, editor):
    ServiceFactory(name="Model Lab Inc.", vendor_country="US", dpf_certified=True, vendor_legal_entity="Model Lab Inc.")
    service = scc_us_service()
    condition = (
        "when the assistant, the meeting summaries, the call transcription and the sentiment analysis features "
        "are enabled for the account"
    )
    SubProcessor.objects.create(
        service=service, name="Model Lab Inc.", purpose="Text", country="US", condition=condition, position=5
    )

    transfers = transfers_by_recipient(organisation, editor, service)

    note = transfers["Model Lab Inc."].basis_note
    assert len(note) <= 300
    assert note.endswith(f"Applies only {condition}.")
    assert "… Applies only" in note
    assert note.startswith("The catalogue (reviewed")


def test_shared_name_with_uncertified_entry_is_not_dpf():
    ServiceFactory(name="Shared Name", vendor_country="US", dpf_certified=True)
    ServiceFactory(name="Other", vendor_country="US", vendor_legal_entity="Shared Name", dpf_certified=False)

    listings = catalogue_listings(["Shared Name"])

    assert len(listings["shared name"]) == 2
    assert dpf_listing_for("Shared Name", listings) is None


def test_legal_entity_matches_only_us_vendors():
    ServiceFactory(name="Irish Arm", vendor_country="IE", vendor_legal_entity="Example Ltd", dpf_certified=True)

    listings = catalogue_listings(["Example Ltd"])

    assert listings == {}


def test_name_keys_drop_trailing_remark():
    assert name_keys("Google LLC (Vertex AI)") == ["google llc (vertex ai)", "google llc"]
    assert name_keys("  Stripe, Inc. ") == ["stripe, inc."]
    assert name_keys("") == []


def test_subprocessor_lookup_is_one_query(organisation, editor):
    service = us_service()
    for number in range(30):
        SubProcessor.objects.create(
            service=service, name=f"US sub-processor {number}", purpose="Hosting", country="US", position=number + 2
        )
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    vendor_use = (
        VendorUse.objects.select_related("service").prefetch_related("service__subprocessors").get(pk=vendor_use.pk)
    )

    with CaptureQueriesContext(connection) as queries:
        proposals = autofill.transfers_for(vendor_use.service, vendor_use)

    assert len(proposals) == 32
    assert len(queries.captured_queries) == 1
