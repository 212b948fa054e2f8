"""Writes on vendor uses: adding from the catalogue or by hand, editing, retiring."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .autofill import vendor_use_values_from_service
from .checklist_actions import checklist_create_for_vendor_use
from .choices import TransferSafeguard, VendorUseStatus
from .dpf_checks import record_dpf_check, validate_dpf_check_date
from .members import is_member
from .models import VendorUse
from .models.vendor_use import CATALOGUE_FILLED_FIELDS
from .provenance import add_source, catalogue_source, mark_edited

logger = logging.getLogger(__name__)

VENDOR_USE_EDITABLE_FIELDS = (
    *CATALOGUE_FILLED_FIELDS,
    "departments",
    "owner",
    "status",
    "dpa_signed_on",
    "dpa_file",
    "dpf_checked_on",
    "review_date",
    "notes",
)


def _validate_common(organisation, values):
    owner = values.get("owner")
    if owner is not None and not is_member(organisation, owner):
        raise ValidationError({"owner": _("The owner must be a member of this organisation.")})
    if values.get("dpf_checked_on") is not None:
        try:
            validate_dpf_check_date(values["dpf_checked_on"])
        except ValidationError as error:
            raise ValidationError({"dpf_checked_on": error.messages}) from error
    safeguards = values.get("transfer_safeguards")
    if safeguards is not None:
        allowed = {value for value, _label in TransferSafeguard.choices if value}
        unknown = [value for value in safeguards if value not in allowed]
        if unknown:
            raise ValidationError(
                {
                    "transfer_safeguards": _("Unknown safeguards: %(values)s. Allowed: %(allowed)s.")
                    % {"values": ", ".join(map(str, unknown)), "allowed": ", ".join(sorted(allowed))}
                }
            )


@transaction.atomic
def vendor_use_create_from_service(*, organisation, service, actor, status=VendorUseStatus.EVALUATING, **fields):
    """Add the catalogue `service` to the organisation's register, filled from the catalogue, with its checklist.

    Raises ValidationError when the service is already in the register or is not published.
    """
    if not service.is_published:
        raise ValidationError(_("“%(name)s” is not a published catalogue entry.") % {"name": service.name})
    if VendorUse.objects.for_organisation(organisation).filter(service=service).exists():
        raise ValidationError(_("“%(name)s” is already in your vendor register.") % {"name": service.name})
    _validate_common(organisation, fields)

    values = vendor_use_values_from_service(service)
    source = catalogue_source(service)
    provenance = {}
    for field, value in values.items():
        if value not in ("", [], None):
            add_source(provenance, field, source)
    vendor_use = VendorUse(
        organisation=organisation,
        service=service,
        status=status,
        catalogue_version=service.version,
        provenance=provenance,
        **values,
    )
    for field, value in fields.items():
        setattr(vendor_use, field, value)
    if vendor_use.owner is None and actor is not None and is_member(organisation, actor):
        vendor_use.owner = actor
    vendor_use._history_user = actor
    vendor_use.save()

    checklist_create_for_vendor_use(organisation=organisation, vendor_use=vendor_use, actor=actor)
    logger.info("Added service %s to the register of organisation %s", service.slug, organisation.pk)
    return vendor_use


@transaction.atomic
def vendor_use_create_manual(*, organisation, actor, vendor_name, **fields):
    """Add a vendor that is not in the catalogue; its values are the user's own."""
    vendor_name = (vendor_name or "").strip()
    if not vendor_name:
        raise ValidationError({"vendor_name": _("Enter the vendor's name.")})
    if (
        VendorUse.objects.for_organisation(organisation)
        .filter(service__isnull=True, vendor_name__iexact=vendor_name)
        .exists()
    ):
        raise ValidationError(
            {"vendor_name": _("A vendor named “%(name)s” is already in your register.") % {"name": vendor_name}}
        )
    unknown = set(fields) - set(VENDOR_USE_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be set: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    _validate_common(organisation, fields)

    vendor_use = VendorUse(organisation=organisation, vendor_name=vendor_name, **fields)
    vendor_use.full_clean(exclude=["owner", "service"])
    vendor_use._history_user = actor
    vendor_use.save()
    return vendor_use


@transaction.atomic
def vendor_use_update(*, organisation, vendor_use, actor, changes):
    """Apply `changes` (field name to value) to `vendor_use`.

    A catalogue-filled field whose value changes is added to `user_edited_fields`, so later catalogue updates
    leave it as the user wrote it.
    """
    if vendor_use.organisation_id != organisation.pk:
        raise ValidationError(_("This vendor belongs to another organisation."))
    unknown = set(changes) - set(VENDOR_USE_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    _validate_common(organisation, changes)

    new_dpf_check = changes.get("dpf_checked_on")
    dpf_check_changed = new_dpf_check is not None and new_dpf_check != vendor_use.dpf_checked_on
    edited = list(vendor_use.user_edited_fields)
    for field, value in changes.items():
        if getattr(vendor_use, field) == value:
            continue
        setattr(vendor_use, field, value)
        if field in CATALOGUE_FILLED_FIELDS and vendor_use.service_id is not None:
            if field not in edited:
                edited.append(field)
            mark_edited(vendor_use.provenance, field)
    vendor_use.user_edited_fields = edited
    vendor_use.full_clean(exclude=["owner", "service"], validate_constraints=False)
    vendor_use._history_user = actor
    vendor_use.save()
    if dpf_check_changed:
        record_dpf_check(
            organisation=organisation, recipient=vendor_use.vendor_name, checked_on=new_dpf_check, actor=actor
        )
    return vendor_use


@transaction.atomic
def vendor_use_delete(*, organisation, vendor_use, actor):
    """Remove `vendor_use` from the register with its tasks and the rows it added to activities."""
    if vendor_use.organisation_id != organisation.pk:
        raise ValidationError(_("This vendor belongs to another organisation."))
    from .activity_actions import activity_refresh_completeness
    from .models import ProcessingActivity

    activity_ids = set(vendor_use.recipient_rows.values_list("activity_id", flat=True))
    vendor_use._history_user = actor
    vendor_use.delete()
    for activity in ProcessingActivity.objects.for_organisation(organisation).filter(pk__in=activity_ids):
        activity_refresh_completeness(activity=activity)
