"""Review of a catalogue update for the processing activities filled from a vendor: list and take chosen changes.

The differences come from activity_catalogue_diff. A choice is the digest of one proposal, so a choice sent
after its row or the catalogue entry changed no longer matches and the whole submission is rejected.
"""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import selectors
from .activity_actions import activity_refresh_completeness
from .activity_catalogue_diff import (
    ADD,
    CHANGE,
    REMOVE,
    SECTIONS,
    RowDifference,
    activity_catalogue_diff,
    row_key,
    vendor_proposed_rows,
)
from .activity_catalogue_fields import FIELD_LABELS, FieldProposal, apply_field_proposal
from .models import ProcessingActivity
from .provenance import add_source, catalogue_source

logger = logging.getLogger(__name__)

# Stale choices named one by one in an error; the rest are counted, so a bad request cannot flood the page.
MAX_STALE_MESSAGES = 10

# Child models that link the vendor use itself, as activity_fill_from_vendor_use fills them.
_VENDOR_LINKED_SECTIONS = ("recipients", "transfers")


def vendor_use_activity_diffs(*, organisation, vendor_use):
    """Return one ActivityDiff per activity filled from `vendor_use`'s catalogue entry, by activity name.

    Activities without any difference are included, so a page can show them as up to date.
    """
    if vendor_use.service_id is None:
        return []
    activities = list(selectors.activities_filled_from_vendor_use(organisation=organisation, vendor_use=vendor_use))
    deleted = _deleted_rows(organisation, [activity.pk for activity in activities], vendor_use.service.slug)
    vendor_rows = vendor_proposed_rows(vendor_use.service, vendor_use) if activities else []
    return [
        activity_catalogue_diff(activity, vendor_use, deleted.get(activity.pk), vendor_rows) for activity in activities
    ]


def _deleted_rows(organisation, activity_ids, slug):
    """Return {activity id: {(section, key): date}} of the rows filled from `slug` that were later deleted.

    The dates come from the rows' history, one query per kind of row.
    """
    deleted = {}
    if not activity_ids:
        return deleted
    for section, spec in SECTIONS.items():
        history = spec.model.history.model.objects.filter(
            organisation_id=organisation.pk, activity_id__in=activity_ids, history_type="-", source__service=slug
        ).only("activity_id", "history_date", *spec.key_fields)
        for row in history.order_by("history_date"):
            deleted.setdefault(row.activity_id, {})[(section, row_key(section, row))] = row.history_date
    return deleted


def _stale_messages(organisation, choices):
    """Return one message per choice that matches no current proposal, naming its activity and section."""
    activity_ids = set()
    for choice in choices:
        prefix = choice.split("-", 1)[0]
        if prefix.isdigit():
            activity_ids.add(int(prefix))
    names = dict(
        ProcessingActivity.objects.for_organisation(organisation).filter(pk__in=activity_ids).values_list("pk", "name")
    )
    messages = []
    for choice in choices[:MAX_STALE_MESSAGES]:
        parts = choice.split("-")
        activity_name = names.get(int(parts[0])) if parts[0].isdigit() else None
        section_name = parts[1] if len(parts) > 1 else ""
        section_label = SECTIONS[section_name].label if section_name in SECTIONS else FIELD_LABELS.get(section_name)
        if activity_name and section_label:
            messages.append(
                _(
                    "%(section)s of “%(activity)s”: a chosen change is no longer proposed, or the value changed "
                    "since the page was shown."
                )
                % {"section": section_label, "activity": activity_name}
            )
        else:
            messages.append(_("The choice “%(choice)s” matches no proposed change.") % {"choice": choice[:80]})
    if len(choices) > MAX_STALE_MESSAGES:
        messages.append(
            _("%(count)d more choices match no proposed change.") % {"count": len(choices) - MAX_STALE_MESSAGES}
        )
    messages.append(_("Nothing was changed. Reload the page, check the changes and choose again."))
    return messages


def activity_catalogue_plan(*, organisation, vendor_use, choices):
    """Return the RowDifferences that `choices` select, or raise ValidationError when one matches none.

    Call it before anything of the vendor use changes, because the proposals depend on the vendor's name,
    country and role.
    """
    choices = list(dict.fromkeys(choices))
    if not choices:
        return []
    by_choice = {}
    for diff in vendor_use_activity_diffs(organisation=organisation, vendor_use=vendor_use):
        for difference in diff.selectable:
            by_choice[difference.choice] = difference
    stale = [choice for choice in choices if choice not in by_choice]
    if stale:
        raise ValidationError(_stale_messages(organisation, stale))
    return [by_choice[choice] for choice in choices]


def _row_fields(section, difference):
    spec = SECTIONS[section]
    values = dict(zip(spec.key_fields, difference.key, strict=True))
    for name in spec.compared_fields:
        if name in difference.write_values:
            values[name] = difference.write_values[name]
    return values


def _apply_difference(*, organisation, vendor_use, activity, difference, rows_by_id, source, actor):
    spec = SECTIONS[difference.section]
    if difference.action == ADD:
        row = spec.model(organisation=organisation, activity=activity, source=dict(source))
        for name, value in _row_fields(difference.section, difference).items():
            setattr(row, name, value)
        if difference.section in _VENDOR_LINKED_SECTIONS:
            row.vendor_use = vendor_use
    else:
        row = rows_by_id.get((difference.section, difference.row_id))
        # The plan was computed in this transaction, so a missing or edited row means a concurrent write.
        if row is None or row.source.get("service") != source["service"] or row.source.get("edited"):
            raise ValidationError(
                _("A row of “%(activity)s” changed while the update was applied. Reload the page and choose again.")
                % {"activity": activity.name}
            )
        if difference.action == REMOVE:
            row._history_user = actor
            row.delete()
            return
        for name, value in _row_fields(difference.section, difference).items():
            setattr(row, name, value)
        row.source = {**row.source, **source}
    row._history_user = actor
    row.save()


def _refresh_provenance(*, organisation, activity, sections, source):
    """Record `source` on each changed section that still contains a row from it, and drop it from the others."""
    for section in sections:
        still_filled = (
            SECTIONS[section]
            .model.objects.filter(organisation=organisation, activity=activity, source__service=source["service"])
            .exists()
        )
        if still_filled:
            add_source(activity.provenance, section, source)
        elif section in activity.provenance:
            entries = [entry for entry in activity.provenance[section] if entry.get("service") != source["service"]]
            if entries:
                activity.provenance[section] = entries
            else:
                del activity.provenance[section]


def activity_catalogue_apply_plan(*, organisation, vendor_use, actor, plan):
    """Add, change and remove the rows of `plan`, then update each activity's provenance and completeness.

    Call it inside a transaction: a ValidationError raised part-way must roll back the rows already written.
    """
    if not plan:
        return []
    service = vendor_use.service
    source = catalogue_source(service)

    row_items = [item for item in plan if isinstance(item, RowDifference)]
    rows_by_id = {}
    for section, spec in SECTIONS.items():
        ids = [item.row_id for item in row_items if item.section == section and item.action in (CHANGE, REMOVE)]
        if ids:
            rows = spec.model.objects.for_organisation(organisation).select_for_update().filter(pk__in=ids)
            rows_by_id.update({(section, row.pk): row for row in rows})

    activity_ids = list(dict.fromkeys(item.activity_id for item in plan))
    activities = ProcessingActivity.objects.for_organisation(organisation).select_for_update().in_bulk(activity_ids)
    for activity_id in activity_ids:
        activity = activities[activity_id]
        changed_fields = ["provenance", "updated_at"]
        for item in (item for item in plan if item.activity_id == activity_id and isinstance(item, FieldProposal)):
            changed_fields.extend(apply_field_proposal(activity, item, service))
            add_source(activity.provenance, item.field, source)
        items = [item for item in row_items if item.activity_id == activity_id]
        for item in items:
            _apply_difference(
                organisation=organisation,
                vendor_use=vendor_use,
                activity=activity,
                difference=item,
                rows_by_id=rows_by_id,
                source=source,
                actor=actor,
            )
        sections = list(dict.fromkeys(item.section for item in items))
        _refresh_provenance(organisation=organisation, activity=activity, sections=sections, source=source)
        activity._history_user = actor
        activity.save(update_fields=list(dict.fromkeys(changed_fields)))
        activity_refresh_completeness(activity=selectors.activity_get(organisation=organisation, pk=activity.pk))

    logger.info(
        "Took %d catalogue changes of service %s version %s into %d activities of organisation %s",
        len(plan),
        service.slug,
        service.version,
        len(activity_ids),
        organisation.pk,
    )
    return [activities[activity_id] for activity_id in activity_ids]
