"""Writes on the transfer rows of a processing activity."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import TransferSafeguard
from .dpf_checks import record_dpf_check, validate_dpf_check_date

logger = logging.getLogger(__name__)


@transaction.atomic
def transfer_record_dpf_check(*, organisation, transfer, actor, checked_on=None):
    """Record that the recipient of `transfer` was found on the DPF list on `checked_on` (today by default).

    Only a transfer relying on the DPF can be marked, and a date in the future is rejected. The change is kept in the
    row's history with `actor`, and spreads to the other DPF transfers to the same recipient and to the vendor of
    that name (see dpf_checks).
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
    checked_on = checked_on or timezone.localdate()
    validate_dpf_check_date(checked_on)

    transfer.dpf_checked_on = checked_on
    transfer._history_user = actor
    transfer.save()
    activity_refresh_completeness(activity=transfer.activity)
    # The check concerns the recipient, so the other DPF transfers to it and its register entry get the date too.
    certified = transfer.dpf_certified_entity or transfer.recipient
    record_dpf_check(organisation=organisation, recipient=certified, checked_on=checked_on, actor=actor)
    logger.info("Recorded DPF check of transfer %s on %s (organisation %s)", transfer.pk, checked_on, organisation.pk)
    return transfer
