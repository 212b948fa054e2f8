"""Chapter V GDPR rules for the destinations of personal data: no transfer, adequacy, or a named safeguard.

The adequacy list is the European Commission's, as in force in 2026 (Art. 45 GDPR decisions):
https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django_countries import countries

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

# The length of ActivityTransfer.basis_note.
BASIS_NOTE_MAX_LENGTH = 300

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
    """Return the sentence requesting a check, on the DPF list, of the legal entity that receives the data.

    When the named legal entity is not the US one (`entity_is_us` false), the sentence requests the US entity of
    `name` that receives the data.
    """
    if entity_is_us and legal_entity:
        entity = legal_entity
    else:
        entity = _("the US entity of %(name)s that receives the data") % {"name": name}
    check = _("Check that %(entity)s is active on %(url)s and record the date.")
    return check % {"entity": entity, "url": DPF_LIST_URL}


def dpf_basis_note(*, name, legal_entity="", entity_is_us=True, reviewed_on=None, catalogue_entry=""):
    """Return the basis note of a DPF transfer whose certification comes from the catalogue, not from a check.

    `name` is the organisation to look up on the DPF list. `catalogue_entry` names the catalogue service the fact
    comes from when that differs from `name`, as when a sub-processor matched a service by its legal entity.
    """
    subject = name
    if catalogue_entry and catalogue_entry.casefold() != name.casefold():
        subject = _("%(name)s (catalogue entry %(entry)s)") % {"name": name, "entry": catalogue_entry}
    if reviewed_on is not None:
        recorded = _("The catalogue (reviewed %(date)s) records %(name)s as DPF-certified.") % {
            "date": reviewed_on.isoformat(),
            "name": subject,
        }
    else:
        recorded = _("The catalogue records %(name)s as DPF-certified.") % {"name": subject}
    check = dpf_check_request(name=name, legal_entity=legal_entity, entity_is_us=entity_is_us)
    return f"{recorded} {check}"


def join_notes(note, addition, limit=BASIS_NOTE_MAX_LENGTH):
    """Return `note` followed by `addition`, at most `limit` characters long.

    When both do not fit, `note` is cut at a word boundary and marked with an ellipsis. So `addition`, the part
    specific to the row such as a condition, is kept whole unless it alone exceeds half of `limit`.
    """
    note = (note or "").strip()
    addition = (addition or "").strip()
    if not addition:
        return _shorten(note, limit)
    if not note:
        return _shorten(addition, limit)
    if len(note) + 1 + len(addition) <= limit:
        return f"{note} {addition}"
    addition = _shorten(addition, limit // 2)
    return f"{_shorten(note, limit - len(addition) - 1)} {addition}"


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def condition_note(condition):
    """Return the sentence limiting a transfer to the `condition` the catalogue records for a sub-processor."""
    condition = (condition or "").strip().rstrip(".")
    if not condition:
        return ""
    condition = condition[0].lower() + condition[1:]
    return _("Applies only %(condition)s.") % {"condition": condition}


def scc_fallback_note(module):
    """Return the sentence saying that SCCs signed besides the DPF remain as the fallback safeguard."""
    return _("SCCs (module %(module)s) are also in place and apply if the DPF no longer covers the transfer.") % {
        "module": module
    }


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
      When SCCs are offered as well, the note mentions them, because they remain in force if the DPF falls.
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

    offered = set(offered_safeguards)
    if country == "US" and dpf_certified:
        note = dpf_note or DPF_DECISION
        if "scc-2021" in offered:
            module = scc_module_for(recipient_role=recipient_role, organisation_is_processor=organisation_is_processor)
            note = join_notes(note, scc_fallback_note(module))
        return TransferAssessment(
            country=country,
            is_transfer=True,
            safeguard=TransferSafeguard.DPF,
            basis_note=note,
        )

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


def _vendor_label(vendor_name, vendor_country):
    country_name = countries.name(vendor_country) if vendor_country else ""
    return f"{vendor_name} ({country_name})" if country_name else vendor_name


def assess_onward_destination(
    country,
    *,
    vendor_name,
    vendor_role,
    vendor_country="",
    vendor_assessment=None,
    subprocessor_dpf_note="",
):
    """Return the TransferAssessment of a vendor passing data to its own sub-processor in `country`.

    A US sub-processor that is itself DPF-certified relies on the DPF (`subprocessor_dpf_note` is the note naming
    it). Otherwise the treatment depends on where the vendor is:

    - A vendor outside the EEA received the data under the organisation's own safeguard for the transfer to it,
      given as `vendor_assessment`. That safeguard's onward-transfer terms govern what the vendor passes on, so
      the row keeps its safeguard and SCC module: the DPF principle on onward transfers, Clause 8.8 of the SCCs
      (Clause 8.7 in module 1), or the binding corporate rules.
    - A vendor in the EEA, or one whose country is unknown (`vendor_assessment` None or no transfer), is the
      exporter itself. A processor engaging a sub-processor needs SCC module 3, a controller engaging its own
      processor module 2. The catalogue does not record the vendor's contracts, so the note requests a check.
    """
    country = (country or "").upper()
    if is_eea(country) or country in ADEQUACY_DECISIONS:
        return assess_destination(country)
    if country == "US" and subprocessor_dpf_note:
        return assess_destination(country, dpf_certified=True, dpf_note=subprocessor_dpf_note)

    vendor = _vendor_label(vendor_name, vendor_country)
    if vendor_assessment is not None and vendor_assessment.is_transfer:
        safeguard = vendor_assessment.safeguard
        tia_required = vendor_assessment.tia_required
        if safeguard == TransferSafeguard.DEROGATION:
            # A derogation covers one transfer for one situation, not what the recipient passes on.
            safeguard, tia_required = TransferSafeguard.NONE, True
        return TransferAssessment(
            country=country,
            is_transfer=True,
            safeguard=safeguard,
            scc_module=vendor_assessment.scc_module,
            tia_required=tia_required,
            basis_note=_onward_note_under_vendor_safeguard(vendor, vendor_name, vendor_assessment),
        )

    if vendor_role == VendorRole.PROCESSOR:
        module = SccModule.MODULE_3
        note = _(
            "Onward transfer by %(vendor)s, as processor and exporter, to its sub-processor: this needs SCC "
            "module 3 (processor to processor). Check the vendor's DPA or sub-processor terms."
        )
    else:
        module = SccModule.MODULE_2
        note = _(
            "Onward transfer by %(vendor)s, as controller and exporter, to its own processor: this needs SCC "
            "module 2 (controller to processor). Check the vendor's DPA or sub-processor terms."
        )
    return TransferAssessment(
        country=country,
        is_transfer=True,
        safeguard=TransferSafeguard.SCC,
        scc_module=module,
        tia_required=True,
        basis_note=note % {"vendor": vendor},
    )


def _onward_note_under_vendor_safeguard(vendor, vendor_name, vendor_assessment):
    safeguard = vendor_assessment.safeguard
    module = vendor_assessment.scc_module
    values = {"vendor": vendor, "name": vendor_name, "module": module}
    if safeguard == TransferSafeguard.DPF:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor under the DPF principle on onward transfers, "
            "which binds %(name)s as the certified recipient."
        )
    elif safeguard == TransferSafeguard.SCC and module in (SccModule.MODULE_2, SccModule.MODULE_3):
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor under Clause 8.8 of the SCCs (module %(module)s) "
            "that cover the transfer to %(name)s. Check the vendor's DPA or sub-processor terms."
        )
    elif safeguard == TransferSafeguard.SCC and module == SccModule.MODULE_1:
        note = _(
            "Onward transfer by %(vendor)s under Clause 8.7 of the SCCs (module 1) that cover the transfer to "
            "%(name)s. Check the vendor's DPA or sub-processor terms."
        )
    elif safeguard == TransferSafeguard.SCC:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor under the SCCs (module %(module)s) that cover the "
            "transfer to %(name)s. Check the vendor's DPA or sub-processor terms."
        )
    elif safeguard == TransferSafeguard.BCR:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor under the binding corporate rules that cover the "
            "transfer to %(name)s. Check the vendor's DPA or sub-processor terms."
        )
    elif safeguard == TransferSafeguard.ADEQUACY:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor under the onward-transfer rules of the country "
            "whose adequacy decision covers the transfer to %(name)s. Check the vendor's DPA or sub-processor terms."
        )
    elif safeguard == TransferSafeguard.DEROGATION:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor. The transfer to %(name)s relies on an Art. 49 "
            "derogation, which does not cover onward transfers. Check the vendor's DPA or sub-processor terms."
        )
    else:
        note = _(
            "Onward transfer by %(vendor)s to its sub-processor. No safeguard is identified yet for the transfer "
            "to %(name)s, so none covers its onward transfers either."
        )
    return note % values
