"""Transfers by a vendor to its own sub-processors: DPF when the sub-processor is certified, else SCCs by role."""

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
    assert "Hosting Cloud" in row.basis_note
    assert "https://www.dataprivacyframework.gov/list" in row.basis_note
    assert row.documentation_url == "https://callcentre-cloud.example/subprocessors"


def test_subprocessor_matched_by_alias(organisation, editor):
    hosting = ServiceFactory(name="Big Hosting", vendor_country="US", dpf_certified=True)
    ServiceAlias.objects.create(service=hosting, name="hosting inc.", position=0)

    transfers = transfers_by_recipient(organisation, editor, us_service())

    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.DPF


def test_uncertified_catalogue_subprocessor_uses_scc(organisation, editor):
    ServiceFactory(name="Hosting Inc.", vendor_country="US", dpf_certified=False)

    transfers = transfers_by_recipient(organisation, editor, us_service())

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.SCC
    assert row.scc_module == SccModule.MODULE_3
    assert row.tia_required is True
    assert "Callcentre Cloud" in row.basis_note
    assert "exporter" in row.basis_note


def test_subprocessor_of_controller_vendor_is_module_two(organisation, editor):
    transfers = transfers_by_recipient(
        organisation, editor, us_service(), vendor_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    row = transfers["Hosting Inc."]
    assert row.safeguard == TransferSafeguard.SCC
    assert row.scc_module == SccModule.MODULE_2
    assert "module 2" in row.basis_note


def test_draft_service_does_not_certify_subprocessor(organisation, editor):
    ServiceFactory(name="Hosting Inc.", vendor_country="US", dpf_certified=True, status="draft")

    transfers = transfers_by_recipient(organisation, editor, us_service())

    assert transfers["Hosting Inc."].safeguard == TransferSafeguard.SCC


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
