import datetime

import pytest

from records.choices import SccModule, TransferSafeguard, VendorRole
from records.transfers import DPF_LIST_URL, assess_destination, assess_onward_destination, dpf_basis_note


@pytest.mark.parametrize("country", ["FR", "DE", "IE", "NO", "IS", "LI"])
def test_eea_destination_is_no_transfer(country):
    assessment = assess_destination(country, offered_safeguards=["scc-2021"])

    assert assessment.is_transfer is False
    assert assessment.safeguard == ""


@pytest.mark.parametrize("country", ["CH", "GB", "JP", "BR", "KR"])
def test_adequate_country_relies_on_decision(country):
    assessment = assess_destination(country)

    assert assessment.is_transfer is True
    assert assessment.safeguard == TransferSafeguard.ADEQUACY
    assert assessment.tia_required is False
    assert assessment.basis_note


def test_us_certified_vendor_uses_dpf_with_note():
    assessment = assess_destination("US", dpf_certified=True, dpf_note="Check it.", offered_safeguards=["scc-2021"])

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.basis_note == "Check it."
    assert assessment.tia_required is False


def test_us_uncertified_vendor_needs_scc_and_tia():
    assessment = assess_destination("US", dpf_certified=False, offered_safeguards=["scc-2021", "eu-us-dpf"])

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_2
    assert assessment.tia_required is True


def test_independent_controller_gets_module_one():
    assessment = assess_destination(
        "IN", offered_safeguards=["scc-2021"], recipient_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    assert assessment.scc_module == SccModule.MODULE_1


def test_processor_organisation_gets_module_three():
    assessment = assess_destination("IN", offered_safeguards=["scc-2021"], organisation_is_processor=True)

    assert assessment.scc_module == SccModule.MODULE_3


def test_bcr_preferred_over_scc():
    assessment = assess_destination("IN", offered_safeguards=["scc-2021", "bcr"])

    assert assessment.safeguard == TransferSafeguard.BCR
    assert assessment.tia_required is True


def test_derogation_needs_no_tia():
    assessment = assess_destination("SG", offered_safeguards=["derogation"])

    assert assessment.safeguard == TransferSafeguard.DEROGATION
    assert assessment.tia_required is False


def test_no_safeguard_offered_stays_unidentified():
    assessment = assess_destination("CN")

    assert assessment.is_transfer is True
    assert assessment.safeguard == TransferSafeguard.NONE
    assert assessment.tia_required is True


def test_onward_transfer_to_us_cannot_use_vendor_dpf():
    assessment = assess_onward_destination("US", vendor_name="Vendor", vendor_role=VendorRole.PROCESSOR)

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_3
    assert assessment.tia_required is True


def test_onward_transfer_by_controller_vendor_is_module_two():
    assessment = assess_onward_destination(
        "IN", vendor_name="Ad Network", vendor_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_2
    assert "Ad Network" in assessment.basis_note
    assert "module 2" in assessment.basis_note


def test_onward_transfer_by_processor_names_exporter():
    assessment = assess_onward_destination("IN", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR)

    assert assessment.scc_module == SccModule.MODULE_3
    assert "Helpdesk" in assessment.basis_note
    assert "exporter" in assessment.basis_note


def test_onward_transfer_to_certified_subprocessor_uses_dpf():
    assessment = assess_onward_destination(
        "US", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR, subprocessor_dpf_note="Check Cloud Inc."
    )

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.scc_module == ""
    assert assessment.tia_required is False
    assert assessment.basis_note == "Check Cloud Inc."


def test_onward_transfer_to_adequate_country():
    assessment = assess_onward_destination("CH", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR)

    assert assessment.safeguard == TransferSafeguard.ADEQUACY
    assert assessment.tia_required is False


def test_onward_transfer_within_eea_is_none():
    assessment = assess_onward_destination("DE", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR)

    assert assessment.is_transfer is False


def test_dpf_note_names_us_entity_and_list():
    note = dpf_basis_note(
        name="Callcentre Cloud",
        legal_entity="Callcentre Cloud Inc.",
        reviewed_on=datetime.date(2026, 11, 1),
    )

    assert "Callcentre Cloud Inc." in note
    assert "2026-11-01" in note
    assert DPF_LIST_URL in note


def test_dpf_note_for_non_us_contracting_entity():
    note = dpf_basis_note(name="Analytics", legal_entity="Analytics Ireland Limited", entity_is_us=False)

    assert "Analytics Ireland Limited" not in note
    assert "US entity of Analytics" in note
