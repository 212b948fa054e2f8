"""Writes on the records kept as a processor (Art. 30(2)) and deletion of processing activities."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .choices import VendorRole
from .processor_fill import append_lines, processor_record_lines


def _check_owned(organisation, row):
    if row.organisation_id is not None and row.organisation_id != organisation.pk:
        raise ValidationError(_("The record belongs to another organisation."))


@transaction.atomic
def processor_activity_save(*, organisation, record, actor):
    """Save an Art. 30(2) record (new or changed) for `organisation`."""
    _check_owned(organisation, record)
    record.organisation = organisation
    record._history_user = actor
    record.save()
    return record


@transaction.atomic
def processor_activity_fill_from_register(*, organisation, record, actor, vendor_uses):
    """Append the `vendor_uses` to the record's sub-processors and their transfers to its transfers.

    Each vendor must be the organisation's and recorded as a processor. Lines already in the text are not added
    again, and the user's text is kept as it is. Returns the number of lines added.
    """
    _check_owned(organisation, record)
    vendor_uses = list(vendor_uses)
    if not vendor_uses:
        raise ValidationError({"vendor_uses": _("Choose at least one vendor from your register.")})
    for vendor_use in vendor_uses:
        if vendor_use.organisation_id != organisation.pk:
            raise ValidationError(_("The record belongs to another organisation."))
        if vendor_use.vendor_role != VendorRole.PROCESSOR:
            raise ValidationError(
                {
                    "vendor_uses": _(
                        "%(vendor)s is not recorded as a processor, so it cannot be your sub-processor. Change its "
                        "role in the register or leave it out."
                    )
                    % {"vendor": vendor_use.vendor_name}
                }
            )

    sub_processor_lines, transfer_lines = processor_record_lines(vendor_uses)
    record.sub_processors, sub_processors_added = append_lines(record.sub_processors, sub_processor_lines)
    record.transfers, transfers_added = append_lines(record.transfers, transfer_lines)
    added = sub_processors_added + transfers_added
    if added:
        record._history_user = actor
        record.save()
    return added


@transaction.atomic
def processor_activity_delete(*, organisation, record, actor):
    """Delete an Art. 30(2) record; its history stays."""
    _check_owned(organisation, record)
    record._history_user = actor
    record.delete()


@transaction.atomic
def activity_delete(*, organisation, activity, actor):
    """Delete a processing activity with its child rows; the vendors stay in the register."""
    _check_owned(organisation, activity)
    activity._history_user = actor
    activity.delete()
