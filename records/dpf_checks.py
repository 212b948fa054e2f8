"""Dates on which the organisation checked a recipient on the EU-US Data Privacy Framework list.

A check is a fact about a legal entity on a day, not about one row. Once the DPO has found "Genesys Cloud
Services, Inc." active on the list, every DPF transfer to that recipient and the vendor's own entry in the
register share the date. A later check replaces an earlier date; an earlier one never replaces a later one.
"""

import logging

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import TransferSafeguard

logger = logging.getLogger(__name__)


def validate_dpf_check_date(checked_on):
    """Raise ValidationError when `checked_on` is in the future."""
    if checked_on is not None and checked_on > timezone.localdate():
        raise ValidationError(
            _("The DPF check date %(date)s is in the future. Enter today's date or an earlier one.")
            % {"date": checked_on.isoformat()}
        )


def transfers_relying_on(organisation, entity):
    """Return the organisation's DPF transfers that rely on the certification of `entity` (any letter case).

    A transfer relies on its `dpf_certified_entity`, or on its recipient when that field is empty.
    """
    from .models import ActivityTransfer

    return (
        ActivityTransfer.objects.for_organisation(organisation)
        .filter(safeguard=TransferSafeguard.DPF)
        .filter(Q(dpf_certified_entity__iexact=entity) | Q(dpf_certified_entity="", recipient__iexact=entity))
    )


def record_dpf_check(*, organisation, recipient, checked_on, actor):
    """Store `checked_on` on every DPF transfer relying on `recipient`'s certification, and on the vendor of that name.

    A transfer relies on the certification of its `dpf_certified_entity`, or of its recipient when that is empty
    (a vendor's sub-processor may receive data under the vendor's certification). A date is stored only where it
    is later than the one stored. Names are compared without regard to case. Returns the number of transfer rows
    updated. Completeness of the activities touched is refreshed.
    """
    from .activity_actions import activity_refresh_completeness
    from .models import ProcessingActivity, VendorUse

    validate_dpf_check_date(checked_on)
    transfers = transfers_relying_on(organisation, recipient).select_related("activity")
    touched_activities = set()
    updated = 0
    for transfer in transfers:
        if transfer.dpf_checked_on is not None and transfer.dpf_checked_on >= checked_on:
            continue
        transfer.dpf_checked_on = checked_on
        transfer._history_user = actor
        transfer.save(update_fields=["dpf_checked_on"])
        touched_activities.add(transfer.activity_id)
        updated += 1

    vendor_uses = VendorUse.objects.for_organisation(organisation).filter(vendor_name__iexact=recipient)
    for vendor_use in vendor_uses:
        if vendor_use.dpf_checked_on is not None and vendor_use.dpf_checked_on >= checked_on:
            continue
        vendor_use.dpf_checked_on = checked_on
        vendor_use._history_user = actor
        vendor_use.save(update_fields=["dpf_checked_on"])

    for activity in ProcessingActivity.objects.for_organisation(organisation).filter(pk__in=touched_activities):
        activity_refresh_completeness(activity=activity)
    logger.info(
        "Recorded DPF check of %r on %s for %d transfers (organisation %s)",
        recipient,
        checked_on,
        updated,
        organisation.pk,
    )
    return updated
