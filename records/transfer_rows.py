"""Transfer rows added to a processing activity from a vendor's proposals."""

from .models import ActivityTransfer
from .provenance import add_source


def add_transfer_row(*, activity, vendor_use, proposal, source):
    """Add the transfer of `proposal` (an autofill.TransferProposal) to `activity` unless it lists it already.

    Records `source` in the activity's provenance when a row is added; the caller saves the activity.
    """
    assessment = proposal.assessment
    _row, created = ActivityTransfer.objects.get_or_create(
        organisation=activity.organisation,
        activity=activity,
        country=assessment.country,
        recipient=proposal.recipient[:200],
        defaults={
            "vendor_use": vendor_use,
            "safeguard": assessment.safeguard,
            "scc_module": assessment.scc_module,
            "basis_note": assessment.basis_note[:300],
            "tia_required": assessment.tia_required,
            "documentation_url": proposal.documentation_url,
            "dpf_certified_entity": proposal.dpf_certified_entity,
            "source": source,
        },
    )
    if created:
        add_source(activity.provenance, "transfers", source)
    return created
