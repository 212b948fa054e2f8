"""Chapter V assessment of a vendor use's own country, from the safeguards the user chose for it.

A hand-added vendor has no catalogue entry, so its country and the safeguards ticked in the register are all there
is to go on.
"""

from django.utils.translation import gettext as _

from .choices import TransferSafeguard
from .transfers import assess_destination, dpf_check_request

# Register safeguard values and the catalogue values assess_destination() takes for the same tool. Adequacy is
# left out: it follows from the country, whatever was ticked.
_REGISTER_TO_CATALOGUE = {
    TransferSafeguard.BCR.value: "bcr",
    TransferSafeguard.SCC.value: "scc-2021",
    TransferSafeguard.DEROGATION.value: "derogation",
}


def assess_vendor_use_country(vendor_use, *, organisation_is_processor=False):
    """Return the TransferAssessment of sending data to the vendor's country, or None when no country is given.

    A US vendor counts as DPF-certified only when the user ticked the DPF safeguard. Its basis note requests a check
    on the DPF list, and no check date is filled in.
    """
    country = str(vendor_use.vendor_country or "").upper()
    if not country:
        return None
    chosen = set(vendor_use.transfer_safeguards or [])
    dpf_note = ""
    if TransferSafeguard.DPF.value in chosen:
        recorded = _("The vendor register records %(name)s as DPF-certified.") % {"name": vendor_use.vendor_name}
        check = dpf_check_request(name=vendor_use.vendor_name, legal_entity=vendor_use.vendor_legal_entity)
        dpf_note = f"{recorded} {check}"
    return assess_destination(
        country,
        dpf_certified=bool(dpf_note),
        dpf_note=dpf_note,
        offered_safeguards=[value for key, value in _REGISTER_TO_CATALOGUE.items() if key in chosen],
        recipient_role=vendor_use.vendor_role,
        organisation_is_processor=organisation_is_processor,
    )
