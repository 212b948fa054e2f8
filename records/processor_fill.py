"""Lines for a record kept as a processor (Art. 30(2)), taken from the vendors the organisation engages.

In such a record the organisation is the processor and its vendors are sub-processors, so SCCs with them are
module 3 (processor to processor). A US vendor relies on the DPF when the catalogue records it as certified or,
for a hand-added vendor, when the user ticked the DPF safeguard. A vendor in the EEA receives no transfer itself:
the transfers it makes to its own sub-processors are listed instead, as for the record kept as a controller.
"""

from django.utils.translation import gettext as _
from django_countries import countries

from .autofill import subprocessor_names_to_look_up, transfers_for
from .choices import TransferSafeguard, VendorRole
from .subprocessor_catalogue import catalogue_listings
from .vendor_transfers import assess_vendor_use_country


def sub_processor_line(vendor_use):
    """Return the line naming `vendor_use` as a sub-processor: name, legal entity and country."""
    details = [vendor_use.vendor_legal_entity.strip(), str(vendor_use.vendor_country.name or "")]
    details = [part for part in details if part]
    if not details:
        return vendor_use.vendor_name
    return f"{vendor_use.vendor_name} ({', '.join(details)})"


def transfer_line(recipient, assessment):
    """Return the line of one transfer: destination, recipient, safeguard and the basis of the assessment."""
    safeguard = TransferSafeguard(assessment.safeguard).label
    parts = [str(safeguard)]
    if assessment.scc_module:
        parts.append(str(_("SCC module %(module)s") % {"module": assessment.scc_module}))
    if assessment.tia_required:
        parts.append(str(_("transfer impact assessment needed")))
    country = countries.name(assessment.country) or assessment.country
    line = f"{country} ({recipient}): {', '.join(parts)}"
    if assessment.basis_note:
        line += f". {assessment.basis_note}"
    return line


def _catalogue_transfer_lines(vendor_use, listings):
    proposals = transfers_for(
        vendor_use.service,
        vendor_use,
        organisation_is_processor=True,
        vendor_role=VendorRole.PROCESSOR,
        listings=listings,
    )
    return [transfer_line(proposal.recipient, proposal.assessment) for proposal in proposals]


def processor_record_lines(vendor_uses):
    """Return (sub-processor lines, transfer lines) for `vendor_uses`, engaged as sub-processors.

    Catalogue vendors should come with `service` and `service__subprocessors` loaded. The sub-processors of every
    vendor are looked up in the catalogue in one query.
    """
    vendor_uses = list(vendor_uses)
    us_names = [
        name
        for vendor_use in vendor_uses
        if vendor_use.service_id is not None
        for name in subprocessor_names_to_look_up(vendor_use.service)
    ]
    listings = catalogue_listings(us_names)

    sub_processors = []
    transfers = []
    for vendor_use in vendor_uses:
        sub_processors.append(sub_processor_line(vendor_use))
        if vendor_use.service_id is not None:
            transfers.extend(_catalogue_transfer_lines(vendor_use, listings))
            continue
        assessment = assess_vendor_use_country(vendor_use, organisation_is_processor=True)
        if assessment is not None and assessment.is_transfer:
            transfers.append(transfer_line(vendor_use.vendor_name, assessment))
    return sub_processors, transfers


def append_lines(text, lines):
    """Return `text` with the `lines` it lacks added at the end, and the number of lines added.

    The user's text is kept as it is, except for trailing line breaks before the added lines.
    """
    present = {line.strip() for line in (text or "").splitlines()}
    new_lines = []
    for line in lines:
        if line.strip() not in present:
            new_lines.append(line)
            present.add(line.strip())
    if not new_lines:
        return text or "", 0
    kept = (text or "").rstrip("\n")
    combined = "\n".join([kept, *new_lines]) if kept else "\n".join(new_lines)
    return combined, len(new_lines)
