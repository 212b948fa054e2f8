import datetime

import pytest

from records.choices import SccModule, TransferSafeguard, VendorRole
from records.transfers import assess_destination


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


def test_us_certified_vendor_uses_dpf_with_check_date():
    checked = datetime.date(2026, 10, 1)

    assessment = assess_destination("US", dpf_certified=True, dpf_checked_on=checked, offered_safeguards=["scc-2021"])

    assert assessment.safeguard == TransferSafeguard.DPF
    assert assessment.dpf_checked_on == checked
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
    assessment = assess_destination("US", dpf_certified=True, onward=True)

    assert assessment.safeguard == TransferSafeguard.SCC
    assert assessment.scc_module == SccModule.MODULE_3
    assert assessment.tia_required is True
