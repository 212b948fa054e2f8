"""Writes on processing activities: creation, filling from a vendor, completeness."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import autofill
from .choices import ActivityStatus
from .completeness import activity_missing_items
from .manual_vendor_actions import activity_fill_from_manual_vendor
from .members import is_member
from .models import (
    ActivityDataCategory,
    ActivityPurpose,
    ActivityRecipient,
    ProcessingActivity,
    RetentionPeriod,
)
from .provenance import add_source, catalogue_source
from .purposes import purpose_label
from .screening import screen_service
from .transfer_rows import add_transfer_row

logger = logging.getLogger(__name__)


def _check_owned(organisation, *rows):
    for row in rows:
        if row is not None and row.organisation_id != organisation.pk:
            raise ValidationError(_("The record belongs to another organisation."))


def activity_refresh_completeness(*, activity):
    """Recompute and store which Art. 30 items `activity` lacks."""
    missing = activity_missing_items(activity)
    if missing != activity.missing_items or len(missing) != activity.missing_count:
        activity.missing_items = missing
        activity.missing_count = len(missing)
        type(activity).objects.filter(pk=activity.pk).update(missing_items=missing, missing_count=len(missing))
    return missing


@transaction.atomic
def activity_create(*, organisation, actor, name, purpose_key="", **fields):
    """Create a processing activity named `name`; names are unique within the organisation."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Enter a name for the processing activity.")})
    if ProcessingActivity.objects.for_organisation(organisation).filter(name__iexact=name).exists():
        raise ValidationError({"name": _("A processing activity named “%(name)s” already exists.") % {"name": name}})

    activity = ProcessingActivity(organisation=organisation, name=name, purpose_key=purpose_key, **fields)
    activity.full_clean(exclude=["owner"])
    activity._history_user = actor
    activity.save()

    activity_refresh_completeness(activity=activity)
    return activity


@transaction.atomic
def activity_update(*, organisation, activity, actor, changes):
    """Apply `changes` to the activity's own fields; a pre-filled field the user changes is marked as edited."""
    _check_owned(organisation, activity)
    from .provenance import mark_edited

    for field, value in changes.items():
        if getattr(activity, field) != value:
            setattr(activity, field, value)
            mark_edited(activity.provenance, field)
    activity.full_clean(exclude=["owner"])
    activity._history_user = actor
    activity.save()

    activity_refresh_completeness(activity=activity)
    return activity


@transaction.atomic
def activity_fill_from_vendor_use(*, organisation, activity, vendor_use, actor, purpose_key=None):
    """Link `vendor_use` to `activity` and add the processing facts of its catalogue entry.

    Only the catalogue's legal bases for the activity's `purpose_key` are added (see autofill.purposes_for);
    `purpose_key` stands in when the activity has none of its own, as for one created by hand and matched by name.
    Adds purposes with their legal bases, categories of data subjects and of personal data, the vendor and its
    sub-processors as recipients, transfers, retention periods, security measures and the DPIA flag. Existing
    rows and values are kept: a second run adds nothing, and a field the user wrote is extended, not replaced.
    A hand-added vendor (no catalogue service) adds only what the user entered for it: see
    activity_fill_from_manual_vendor().
    """
    _check_owned(organisation, activity, vendor_use)
    service = vendor_use.service

    if service is None:
        activity_fill_from_manual_vendor(organisation=organisation, activity=activity, vendor_use=vendor_use)
        activity._history_user = actor
        activity.save()
        activity_refresh_completeness(activity=activity)
        logger.info(
            "Filled activity %s from hand-added vendor use %s (organisation %s)",
            activity.pk,
            vendor_use.pk,
            organisation.pk,
        )
        return activity

    source = catalogue_source(service)
    provenance = activity.provenance

    if not activity.description:
        activity.description = service.summary
        add_source(provenance, "description", source)

    for purpose, basis in autofill.purposes_for(service, activity.purpose_key or purpose_key or None):
        _row, created = ActivityPurpose.objects.get_or_create(
            organisation=organisation,
            activity=activity,
            purpose=purpose,
            defaults={"legal_basis": basis, "source": source},
        )
        if created:
            add_source(provenance, "purposes", source)

    subjects = list(activity.data_subject_categories)
    for key in service.data_subject_categories or []:
        if key not in subjects:
            subjects.append(key)
            add_source(provenance, "data_subject_categories", source)
    activity.data_subject_categories = subjects

    for key, flag in autofill.data_categories_for(service):
        _row, created = ActivityDataCategory.objects.get_or_create(
            organisation=organisation,
            activity=activity,
            name=key,
            defaults={"special_category": flag, "source": source},
        )
        if created:
            add_source(provenance, "data_categories", source)

    for proposal in autofill.recipients_for(service, vendor_use):
        _row, created = ActivityRecipient.objects.get_or_create(
            organisation=organisation,
            activity=activity,
            kind=proposal.kind,
            name=proposal.name[:200],
            defaults={
                "country": proposal.country,
                "note": proposal.note,
                "vendor_use": vendor_use,
                "source": source,
            },
        )
        if created:
            add_source(provenance, "recipients", source)

    organisation_is_processor = False
    for proposal in autofill.transfers_for(service, vendor_use, organisation_is_processor=organisation_is_processor):
        add_transfer_row(activity=activity, vendor_use=vendor_use, proposal=proposal, source=source)

    for proposal in autofill.retention_for(service):
        _row, created = RetentionPeriod.objects.get_or_create(
            organisation=organisation,
            activity=activity,
            data_category=proposal.data_category[:200],
            defaults={
                "period": proposal.period,
                "max_seconds": proposal.max_seconds,
                "applies_to": proposal.applies_to,
                "source": source,
            },
        )
        if created:
            add_source(provenance, "retention_periods", source)

    measures = autofill.security_measures_for(service)
    if measures and measures not in activity.security_measures:
        activity.security_measures = "\n".join(filter(None, [activity.security_measures.strip(), measures]))
        add_source(provenance, "security_measures", source)

    screening = screen_service(service)
    if screening.required and not activity.dpia_required:
        activity.dpia_required = True
        reason = _("%(vendor)s: %(reason)s") % {"vendor": service.name, "reason": screening.reason()}
        activity.dpia_reason = "\n".join(filter(None, [activity.dpia_reason.strip(), reason]))
        add_source(provenance, "dpia_required", source)

    activity._history_user = actor
    activity.save()
    activity_refresh_completeness(activity=activity)
    logger.info("Filled activity %s from vendor use %s (organisation %s)", activity.pk, vendor_use.pk, organisation.pk)
    return activity


def vendor_use_activity_proposals(*, organisation, vendor_use):
    """Return the activities proposed for `vendor_use`: one per purpose, new or existing."""
    if vendor_use.service_id is None:
        return []
    activities = list(ProcessingActivity.objects.for_organisation(organisation).only("pk", "name", "purpose_key"))
    linked = set(
        ActivityRecipient.objects.for_organisation(organisation)
        .filter(vendor_use=vendor_use)
        .values_list("activity_id", flat=True)
    )
    return autofill.activity_proposals(vendor_use.service, activities, linked)


@transaction.atomic
def vendor_use_accept_proposals(*, organisation, vendor_use, actor, purpose_keys=None):
    """Create or link the proposed activities for `vendor_use` and fill them; return the activities touched.

    `purpose_keys` limits the proposals taken (None takes all of them).
    """
    _check_owned(organisation, vendor_use)
    touched = []
    for proposal in vendor_use_activity_proposals(organisation=organisation, vendor_use=vendor_use):
        if purpose_keys is not None and proposal.purpose_key not in purpose_keys:
            continue
        activity = proposal.existing
        if activity is None:
            activity = activity_create(
                organisation=organisation,
                actor=actor,
                name=purpose_label(proposal.purpose_key),
                purpose_key=proposal.purpose_key,
                status=ActivityStatus.DRAFT,
                owner=actor if actor is not None and is_member(organisation, actor) else None,
            )
        activity = ProcessingActivity.objects.for_organisation(organisation).get(pk=activity.pk)
        # An existing activity matched by name may have no purpose key; the proposal's key still applies.
        activity_fill_from_vendor_use(
            organisation=organisation,
            activity=activity,
            vendor_use=vendor_use,
            actor=actor,
            purpose_key=proposal.purpose_key,
        )
        touched.append(activity)
    return touched
