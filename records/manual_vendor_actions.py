"""Processing activities for a hand-added vendor: the proposal, linking or creating, and filling.

A hand-added vendor has no catalogue entry, so filling takes only what the user entered in the register: the vendor
as a recipient, a transfer when its country is outside the EEA, and its DPA link. Purposes, data categories,
retention and the rest stay for the DPO to fill in, and completeness lists them.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .autofill import TransferProposal
from .choices import ActivityStatus, RecipientKind, VendorRole
from .members import is_member
from .models import ActivityRecipient, ProcessingActivity
from .provenance import add_source, manual_source
from .transfer_rows import add_transfer_row
from .vendor_transfers import assess_vendor_use_country

ACTIVITY_NAME_MAX_LENGTH = ProcessingActivity._meta.get_field("name").max_length


@dataclass(frozen=True)
class ManualVendorProposal:
    """The choices of the proposals page for a hand-added vendor: a new activity's name, or an existing activity."""

    new_name: str
    activities: list = field(default_factory=list)
    linked: list = field(default_factory=list)


def activity_name_for(vendor_use):
    """Return the name of a new activity for `vendor_use`: the first line of its purpose of use, trimmed."""
    lines = [line.strip() for line in (vendor_use.purpose_of_use or "").splitlines() if line.strip()]
    return lines[0][:ACTIVITY_NAME_MAX_LENGTH].strip() if lines else ""


def manual_vendor_proposal(*, organisation, vendor_use):
    """Return the new activity name and the existing activities `vendor_use` can be linked to (two queries)."""
    activities = list(ProcessingActivity.objects.for_organisation(organisation).only("pk", "name").order_by("name"))
    linked_ids = set(
        ActivityRecipient.objects.for_organisation(organisation)
        .filter(vendor_use=vendor_use)
        .values_list("activity_id", flat=True)
    )
    return ManualVendorProposal(
        new_name=activity_name_for(vendor_use),
        activities=[activity for activity in activities if activity.pk not in linked_ids],
        linked=[activity for activity in activities if activity.pk in linked_ids],
    )


def _recipient_kind(vendor_use):
    # As for catalogue vendors: a processor is listed as one, any other role as an external recipient.
    return RecipientKind.PROCESSOR if vendor_use.vendor_role == VendorRole.PROCESSOR else RecipientKind.EXTERNAL


def activity_fill_from_manual_vendor(*, organisation, activity, vendor_use):
    """Add the hand-added `vendor_use` to `activity` as a recipient and, outside the EEA, as a transfer.

    Existing rows are kept, so a second run adds nothing. `activity.provenance` is changed in place, so the caller
    saves the activity and refreshes its completeness.
    """
    source = manual_source(vendor_use)
    provenance = activity.provenance

    _row, created = ActivityRecipient.objects.get_or_create(
        organisation=organisation,
        activity=activity,
        kind=_recipient_kind(vendor_use),
        name=vendor_use.vendor_name[:200],
        defaults={
            "country": vendor_use.vendor_country,
            "note": vendor_use.vendor_legal_entity[:500],
            "vendor_use": vendor_use,
            "source": source,
        },
    )
    if created:
        add_source(provenance, "recipients", source)

    assessment = assess_vendor_use_country(vendor_use)
    if assessment is not None and assessment.is_transfer:
        proposal = TransferProposal(vendor_use.vendor_name, assessment, vendor_use.dpa_url)
        add_transfer_row(activity=activity, vendor_use=vendor_use, proposal=proposal, source=source)


@transaction.atomic
def manual_vendor_accept(*, organisation, vendor_use, actor, activity_id=None):
    """Link the hand-added `vendor_use` to an existing activity or to a new one, fill it, and return the activity.

    With `activity_id` the activity must be one of the organisation's. Without it a new draft activity is named
    after the vendor's purpose of use, and an empty purpose or a name already taken raises ValidationError.
    """
    from .activity_actions import activity_create, activity_fill_from_vendor_use

    if vendor_use.organisation_id != organisation.pk:
        raise ValidationError(_("The record belongs to another organisation."))
    if vendor_use.service_id is not None:
        raise ValidationError(_("This vendor comes from the catalogue; accept its proposed activities instead."))

    if activity_id is not None:
        activity = ProcessingActivity.objects.for_organisation(organisation).filter(pk=activity_id).first()
        if activity is None:
            raise ValidationError({"activity": _("Choose a processing activity from your records.")})
    else:
        name = activity_name_for(vendor_use)
        if not name:
            raise ValidationError(
                {
                    "activity": _(
                        "“%(vendor)s” has no purpose of use to name a new activity after. Enter what you use it "
                        "for on the vendor's page, or link it to an existing activity."
                    )
                    % {"vendor": vendor_use.vendor_name}
                }
            )
        activity = activity_create(
            organisation=organisation,
            actor=actor,
            name=name,
            status=ActivityStatus.DRAFT,
            owner=actor if actor is not None and is_member(organisation, actor) else None,
        )
        activity = ProcessingActivity.objects.for_organisation(organisation).get(pk=activity.pk)

    return activity_fill_from_vendor_use(
        organisation=organisation, activity=activity, vendor_use=vendor_use, actor=actor
    )
