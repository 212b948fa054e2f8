"""Writes on the records kept as a processor (Art. 30(2)) and deletion of processing activities."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


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
