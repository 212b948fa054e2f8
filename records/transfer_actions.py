"""Writes on the transfer rows of a processing activity."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import TransferSafeguard

logger = logging.getLogger(__name__)


@transaction.atomic
def transfer_record_dpf_check(*, organisation, transfer, actor, checked_on=None):
    """Record that the recipient of `transfer` was found on the DPF list on `checked_on` (today by default).

    Only a transfer relying on the DPF can be marked, and a date in the future is rejected. The change is kept in the
    row's history with `actor`.
    """
    from .activity_actions import activity_refresh_completeness

    if transfer.organisation_id != organisation.pk:
        raise ValidationError(_("The record belongs to another organisation."))
    if transfer.safeguard != TransferSafeguard.DPF:
        raise ValidationError(
            _(
                "The transfer to %(recipient)s does not rely on the Data Privacy Framework, so there is no "
                "certification to check."
            )
            % {"recipient": transfer.recipient}
        )
    today = timezone.localdate()
    checked_on = checked_on or today
    if checked_on > today:
        raise ValidationError(
            _("The DPF check date %(date)s is in the future. Enter today's date or an earlier one.")
            % {"date": checked_on.isoformat()}
        )

    transfer.dpf_checked_on = checked_on
    transfer._history_user = actor
    transfer.save()
    activity_refresh_completeness(activity=transfer.activity)
    logger.info("Recorded DPF check of transfer %s on %s (organisation %s)", transfer.pk, checked_on, organisation.pk)
    return transfer
