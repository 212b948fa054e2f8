import datetime

import pytest

from records.choices import SccModule, TransferSafeguard, VendorRole
from records.transfers import (
    BASIS_NOTE_MAX_LENGTH,
    DPF_LIST_URL,
    assess_destination,
    assess_onward_destination,
    condition_note,
    dpf_basis_note,
    join_notes,
)


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
    assessment = assess_destination("US", dpf_certified=True, dpf_note="Check it.", offered_safeguards=["eu-us-dpf"])

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.basis_note == "Check it."
    assert assessment.tia_required is False


@pytest.mark.parametrize(
    ("role", "organisation_is_processor", "module"),
    [
        (VendorRole.PROCESSOR, False, "2"),
        (VendorRole.INDEPENDENT_CONTROLLER, False, "1"),
        (VendorRole.PROCESSOR, True, "3"),
    ],
)
def test_dpf_note_keeps_scc_fallback(role, organisation_is_processor, module):
    assessment = assess_destination(
        "US",
        dpf_certified=True,
        dpf_note="Check it.",
        offered_safeguards=["scc-2021", "eu-us-dpf"],
        recipient_role=role,
        organisation_is_processor=organisation_is_processor,
    )

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.scc_module == ""
    assert assessment.basis_note.startswith("Check it. ")
    assert f"SCCs (module {module}) are also in place" in assessment.basis_note
    assert "if the DPF no longer covers the transfer" in assessment.basis_note


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


def test_onward_transfer_by_unlocated_vendor_is_module_three():
    assessment = assess_onward_destination("US", vendor_name="Vendor", vendor_role=VendorRole.PROCESSOR)

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_3
    assert assessment.tia_required is True


def test_onward_transfer_by_eea_controller_is_module_two():
    assessment = assess_onward_destination(
        "IN", vendor_name="Ad Network", vendor_role=VendorRole.INDEPENDENT_CONTROLLER, vendor_country="FR"
    )

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_2
    assert "Ad Network (France), as controller and exporter" in assessment.basis_note
    assert "module 2" in assessment.basis_note
    assert "Check the vendor's DPA or sub-processor terms." in assessment.basis_note


def test_onward_transfer_by_eea_processor_names_exporter():
    assessment = assess_onward_destination(
        "IN", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR, vendor_country="FR"
    )

    assert assessment.scc_module == SccModule.MODULE_3
    assert "Helpdesk (France), as processor and exporter" in assessment.basis_note
    assert "Check the vendor's DPA or sub-processor terms." in assessment.basis_note


def vendor_assessment(country, **options):
    return assess_destination(country, dpf_note="Vendor checked.", **options)


def test_onward_transfer_by_dpf_vendor_follows_dpf():
    to_vendor = vendor_assessment("US", dpf_certified=True, offered_safeguards=["eu-us-dpf"])

    assessment = assess_onward_destination(
        "US",
        vendor_name="Genesys Cloud",
        vendor_role=VendorRole.PROCESSOR,
        vendor_country="US",
        vendor_assessment=to_vendor,
    )

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.scc_module == ""
    assert assessment.tia_required is False
    assert assessment.basis_note == (
        "Onward transfer by Genesys Cloud (United States of America) to its sub-processor under the DPF "
        "principle on onward transfers, which binds Genesys Cloud as the certified recipient."
    )


@pytest.mark.parametrize(
    ("role", "clause", "module"),
    [
        (VendorRole.PROCESSOR, "Clause 8.8", SccModule.MODULE_2),
        (VendorRole.INDEPENDENT_CONTROLLER, "Clause 8.7", SccModule.MODULE_1),
    ],
)
def test_onward_transfer_by_scc_vendor_cites_clause(role, clause, module):
    to_vendor = vendor_assessment("IN", offered_safeguards=["scc-2021"], recipient_role=role)

    assessment = assess_onward_destination(
        "SG", vendor_name="Helpdesk", vendor_role=role, vendor_country="IN", vendor_assessment=to_vendor
    )

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == module
    assert assessment.tia_required is True
    assert "Helpdesk (India)" in assessment.basis_note
    assert clause in assessment.basis_note
    assert "exporter" not in assessment.basis_note
    assert "Check the vendor's DPA or sub-processor terms." in assessment.basis_note


def test_processor_record_onward_clause_8_8():
    to_vendor = vendor_assessment("IN", offered_safeguards=["scc-2021"], organisation_is_processor=True)

    assessment = assess_onward_destination(
        "SG", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR, vendor_country="IN", vendor_assessment=to_vendor
    )

    assert assessment.scc_module == SccModule.MODULE_3
    assert "Clause 8.8 of the SCCs (module 3)" in assessment.basis_note


def test_onward_transfer_by_bcr_vendor():
    to_vendor = vendor_assessment("IN", offered_safeguards=["bcr", "scc-2021"])

    assessment = assess_onward_destination(
        "SG", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR, vendor_country="IN", vendor_assessment=to_vendor
    )

    assert assessment.safeguard == TransferSafeguard.BCR
    assert "binding corporate rules" in assessment.basis_note


def test_onward_transfer_after_derogation_is_unidentified():
    to_vendor = vendor_assessment("IN", offered_safeguards=["derogation"])

    assessment = assess_onward_destination(
        "SG", vendor_name="Helpdesk", vendor_role=VendorRole.PROCESSOR, vendor_country="IN", vendor_assessment=to_vendor
    )

    assert assessment.safeguard == TransferSafeguard.NONE
    assert assessment.tia_required is True
    assert "does not cover onward transfers" in assessment.basis_note


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


def test_dpf_note_names_subprocessor_and_catalogue_entry():
    note = dpf_basis_note(name="Google LLC", legal_entity="Google LLC", catalogue_entry="<model-viewer>")

    assert note.startswith("The catalogue records Google LLC (catalogue entry <model-viewer>) as DPF-certified.")
    assert "Check that Google LLC is active" in note


def test_dpf_note_omits_same_catalogue_entry():
    note = dpf_basis_note(name="Hosting Cloud", catalogue_entry="hosting cloud")

    assert "catalogue entry" not in note


def test_condition_note_starts_lower_case():
    assert condition_note("When AI features are enabled.") == "Applies only when AI features are enabled."
    assert condition_note("") == ""


def test_join_notes_keeps_addition_whole():
    note = "word " * 100
    addition = "Applies only when AI features are enabled."

    joined = join_notes(note, addition)

    assert len(joined) <= BASIS_NOTE_MAX_LENGTH
    assert joined.endswith("… " + addition)
    assert "wor…" not in joined


def test_join_notes_short_parts_unchanged():
    assert join_notes("First.", "Second.") == "First. Second."
    assert join_notes("First.", "") == "First."
