"""Chapter V GDPR rules for the destinations of personal data: no transfer, adequacy, or a named safeguard.

The adequacy list is the European Commission's, as in force in 2026 (Art. 45 GDPR decisions):
https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import SccModule, TransferSafeguard, VendorRole

# EU Member States plus Iceland, Liechtenstein and Norway: sending data there is not a Chapter V transfer.
EEA_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)

# Countries with an adequacy decision, and the decision each rests on. The United States is handled apart:
# only organisations certified under the EU-US Data Privacy Framework are covered (Decision (EU) 2023/1795).
ADEQUACY_DECISIONS = {
    "AD": "Decision 2010/625/EU",
    "AR": "Decision 2003/490/EC",
    "BR": "Implementing Decision (EU) 2026/179",
    "CA": "Decision 2002/2/EC (commercial organisations subject to PIPEDA only)",
    "CH": "Decision 2000/518/EC",
    "FO": "Decision 2010/146/EU",
    "GB": "Implementing Decision of 19 December 2025, valid until 27 December 2031",
    "GG": "Decision 2003/821/EC",
    "IL": "Decision 2011/61/EU",
    "IM": "Decision 2004/411/EC",
    "JE": "Decision 2008/393/EC",
    "JP": "Implementing Decision (EU) 2019/419 (private sector under the APPI)",
    "KR": "Implementing Decision (EU) 2022/254",
    "NZ": "Decision 2013/65/EU",
    "UY": "Decision 2012/484/EU",
}
DPF_DECISION = "Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)"
# The list of organisations certified under the Data Privacy Framework, kept by the US Department of Commerce.
DPF_LIST_URL = "https://www.dataprivacyframework.gov/list"

# The catalogue's safeguard values, in the order a record prefers them when several are offered.
CATALOGUE_SAFEGUARD_PREFERENCE = (
    ("bcr", TransferSafeguard.BCR),
    ("scc-2021", TransferSafeguard.SCC),
    ("derogation", TransferSafeguard.DEROGATION),
)


@dataclass(frozen=True)
class TransferAssessment:
    """The treatment of one destination country for one recipient under Chapter V."""

    country: str
    is_transfer: bool
    safeguard: str = ""
    scc_module: str = ""
    tia_required: bool = False
    basis_note: str = ""


def is_eea(country):
    """Return whether `country` (ISO 3166-1 alpha-2) is in the European Economic Area."""
    return (country or "").upper() in EEA_COUNTRIES


def scc_module_for(*, recipient_role, organisation_is_processor=False):
    """Return the SCC module matching who exports (the organisation) and who imports (the recipient)."""
    if organisation_is_processor:
        return SccModule.MODULE_3 if recipient_role != VendorRole.INDEPENDENT_CONTROLLER else SccModule.MODULE_4
    if recipient_role in (VendorRole.INDEPENDENT_CONTROLLER, VendorRole.JOINT_CONTROLLER):
        return SccModule.MODULE_1
    return SccModule.MODULE_2


def dpf_check_request(*, name, legal_entity="", entity_is_us=True):
    """Return the sentence asking to check the legal entity that receives the data on the DPF list.

    When the named legal entity is not the US one (`entity_is_us` false), the sentence asks for the US entity of
    `name` that receives the data.
    """
    if entity_is_us and legal_entity:
        entity = legal_entity
    else:
        entity = _("the US entity of %(name)s that receives the data") % {"name": name}
    check = _("Check that %(entity)s is active on %(url)s and record the date.")
    return check % {"entity": entity, "url": DPF_LIST_URL}


def dpf_basis_note(*, name, legal_entity="", entity_is_us=True, reviewed_on=None):
    """Return the basis note of a DPF transfer whose certification comes from the catalogue, not from a check."""
    if reviewed_on is not None:
        recorded = _("The catalogue (reviewed %(date)s) records %(name)s as DPF-certified.") % {
            "date": reviewed_on.isoformat(),
            "name": name,
        }
    else:
        recorded = _("The catalogue records %(name)s as DPF-certified.") % {"name": name}
    check = dpf_check_request(name=name, legal_entity=legal_entity, entity_is_us=entity_is_us)
    return f"{recorded} {check}"


def assess_destination(
    country,
    *,
    dpf_certified=False,
    dpf_note="",
    offered_safeguards=(),
    recipient_role=VendorRole.PROCESSOR,
    organisation_is_processor=False,
):
    """Return the TransferAssessment of sending personal data to `country`.

    - EEA destinations are no transfer.
    - Countries with an adequacy decision rely on it, without a transfer impact assessment.
    - The United States counts as adequate only when the recipient is DPF-certified (`dpf_certified`).
      `dpf_note` becomes the basis note, and the date of a check on the DPF list is left for the user to record.
    - Anywhere else the safeguard offered by the vendor is named (BCRs, then SCCs with the module, then a
      derogation) and a transfer impact assessment is flagged. With no safeguard offered it stays unidentified.
    """
    country = (country or "").upper()
    if is_eea(country):
        return TransferAssessment(country=country, is_transfer=False)

    if country in ADEQUACY_DECISIONS:
        return TransferAssessment(
            country=country,
            is_transfer=True,
            safeguard=TransferSafeguard.ADEQUACY,
            basis_note=ADEQUACY_DECISIONS[country],
        )

    if country == "US" and dpf_certified:
        return TransferAssessment(
            country=country,
            is_transfer=True,
            safeguard=TransferSafeguard.DPF,
            basis_note=dpf_note or DPF_DECISION,
        )

    offered = set(offered_safeguards)
    for catalogue_value, safeguard in CATALOGUE_SAFEGUARD_PREFERENCE:
        if catalogue_value in offered:
            module = ""
            if safeguard == TransferSafeguard.SCC:
                module = scc_module_for(
                    recipient_role=recipient_role, organisation_is_processor=organisation_is_processor
                )
            # Art. 46 tools need a transfer impact assessment; Art. 49 derogations need documented reasons instead.
            return TransferAssessment(
                country=country,
                is_transfer=True,
                safeguard=safeguard,
                scc_module=module,
                tia_required=safeguard != TransferSafeguard.DEROGATION,
            )

    return TransferAssessment(country=country, is_transfer=True, safeguard=TransferSafeguard.NONE, tia_required=True)


def assess_onward_destination(country, *, vendor_name, vendor_role, subprocessor_dpf_note=""):
    """Return the TransferAssessment of a vendor passing data to its own sub-processor in `country`.

    The vendor is the exporter, so its own DPF certification does not cover the sub-processor. A US sub-processor
    relies on the DPF only when it is itself certified (`subprocessor_dpf_note` is the note naming it). Otherwise
    the SCCs in the vendor's DPA or sub-processor terms apply, with the module following the vendor's role: a
    processor engaging a sub-processor uses module 3, a controller passing data to its processor module 2.
    """
    country = (country or "").upper()
    if is_eea(country) or country in ADEQUACY_DECISIONS:
        return assess_destination(country)
    if country == "US" and subprocessor_dpf_note:
        return assess_destination(country, dpf_certified=True, dpf_note=subprocessor_dpf_note)

    if vendor_role == VendorRole.PROCESSOR:
        module = SccModule.MODULE_3
        note = _(
            "Onward transfer: %(vendor)s, as processor, is the exporter to its sub-processor under SCC module 3 "
            "(processor to processor) in its DPA or sub-processor terms."
        )
    else:
        module = SccModule.MODULE_2
        note = _(
            "Onward transfer: %(vendor)s, as controller, is the exporter to its own processor under SCC module 2 "
            "(controller to processor) in its DPA or sub-processor terms."
        )
    return TransferAssessment(
        country=country,
        is_transfer=True,
        safeguard=TransferSafeguard.SCC,
        scc_module=module,
        tia_required=True,
        basis_note=note % {"vendor": vendor_name},
    )
