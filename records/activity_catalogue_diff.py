"""Differences between a processing activity's rows filled from a catalogue entry and what the entry proposes now.

Nothing here writes or queries: the caller passes an activity whose child rows are loaded (best prefetched)
and a vendor use whose service child rows are prefetched with CATALOGUE_PREFETCH. The result lists rows to
add, rows whose values changed and rows the catalogue no longer proposes. A row the user edited
(`source["edited"]`) is never offered for change or removal: it is listed as kept.
"""

import hashlib
import json
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from . import autofill
from .activity_catalogue_fields import activity_field_proposals
from .labels import data_category_label
from .models import ActivityDataCategory, ActivityPurpose, ActivityRecipient, ActivityTransfer, RetentionPeriod


@dataclass(frozen=True)
class Section:
    """One kind of child row: its model, the fields that identify a row, and the fields the catalogue fills."""

    name: str
    label: str
    model: type
    key_fields: tuple
    compared_fields: tuple


SECTIONS = {
    "purposes": Section("purposes", _("Purposes and legal bases"), ActivityPurpose, ("purpose",), ("legal_basis",)),
    "data_categories": Section(
        "data_categories", _("Categories of personal data"), ActivityDataCategory, ("name",), ("special_category",)
    ),
    "recipients": Section("recipients", _("Recipients"), ActivityRecipient, ("kind", "name"), ("country", "note")),
    "transfers": Section(
        "transfers",
        _("Transfers to third countries"),
        ActivityTransfer,
        ("country", "recipient"),
        ("safeguard", "scc_module", "basis_note", "tia_required", "documentation_url", "dpf_certified_entity"),
    ),
    "retention_periods": Section(
        "retention_periods",
        _("Retention periods"),
        RetentionPeriod,
        ("data_category",),
        ("period", "max_seconds", "applies_to"),
    ),
}


SECTION_BY_MODEL = {section.model: name for name, section in SECTIONS.items()}


@dataclass(frozen=True)
class ProposedRow:
    """A child row as autofill would create it: its identifying key and the values of its filled fields."""

    section: str
    key: tuple
    values: dict


# Adapters from the autofill functions to ProposedRow. Each applies the same truncation and field mapping as
# activity_fill_from_vendor_use, so a row filled from an unchanged entry compares equal.


def _purpose_rows(service, purpose_key):
    return [
        ProposedRow("purposes", (purpose,), {"legal_basis": basis})
        for purpose, basis in autofill.purposes_for(service, purpose_key)
    ]


def _data_category_rows(service, vendor_use):
    return [
        ProposedRow("data_categories", (key,), {"special_category": flag})
        for key, flag in autofill.data_categories_for(service)
    ]


def _recipient_rows(service, vendor_use):
    return [
        ProposedRow(
            "recipients",
            (str(proposal.kind), proposal.name[:200]),
            {"country": str(proposal.country or ""), "note": proposal.note},
        )
        for proposal in autofill.recipients_for(service, vendor_use)
    ]


def _transfer_rows(service, vendor_use):
    rows = []
    for proposal in autofill.transfers_for(service, vendor_use, organisation_is_processor=False):
        assessment = proposal.assessment
        values = {
            "safeguard": str(assessment.safeguard),
            "scc_module": str(assessment.scc_module),
            "basis_note": str(assessment.basis_note)[:300],
            "tia_required": bool(assessment.tia_required),
            "documentation_url": proposal.documentation_url,
            "dpf_certified_entity": proposal.dpf_certified_entity,
        }
        rows.append(ProposedRow("transfers", (str(assessment.country), proposal.recipient[:200]), values))
    return rows


def _retention_rows(service, vendor_use):
    # NOTE: autofill translates the retention categories into the active language when it fills them, so a row
    # filled under another language than the review's does not match and shows as one removal and one addition.
    return [
        ProposedRow(
            "retention_periods",
            (proposal.data_category[:200],),
            {"period": proposal.period, "max_seconds": proposal.max_seconds, "applies_to": str(proposal.applies_to)},
        )
        for proposal in autofill.retention_for(service)
    ]


_VENDOR_PROPOSERS = (_data_category_rows, _recipient_rows, _transfer_rows, _retention_rows)


def vendor_proposed_rows(service, vendor_use):
    """Return the child rows `service` proposes for every activity linked to `vendor_use`: all but the purposes.

    Computing them looks the vendor's sub-processors up in the catalogue (one query), so callers comparing
    several activities compute them once and pass them to activity_catalogue_diff.
    """
    rows = []
    for proposer in _VENDOR_PROPOSERS:
        rows.extend(proposer(service, vendor_use))
    return rows


def proposed_rows(service, vendor_use, purpose_key=None, vendor_rows=None):
    """Return every child row `service` proposes for an activity of `purpose_key` linked to `vendor_use`."""
    if vendor_rows is None:
        vendor_rows = vendor_proposed_rows(service, vendor_use)
    return [*_purpose_rows(service, purpose_key), *vendor_rows]


def _normalise(value):
    """Return a value in the form the catalogue proposes it: countries and choices as plain strings."""
    if value is None or isinstance(value, bool | int):
        return value
    if hasattr(value, "isoformat"):
        return value
    return str(value)


def row_key(section, row):
    """Return the identifying key of a stored child row, in the shape of ProposedRow.key."""
    return tuple(_normalise(getattr(row, name)) or "" for name in SECTIONS[section].key_fields)


def row_values(section, row):
    """Return the compared values of a stored child row."""
    return {name: _normalise(getattr(row, name)) for name in SECTIONS[section].compared_fields}


def display_value(section, name, value):
    """Return a stored or proposed value as a reader sees it: choice labels, country names, yes or no."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext_now("yes") if value else gettext_now("no")
    if section == "data_categories" and name == "name":
        return data_category_label(value)
    if name == "country":
        return countries.name(value) or str(value)
    choices = dict(SECTIONS[section].model._meta.get_field(name).flatchoices)
    return str(choices.get(value, value))


def _field_label(section, name):
    return str(SECTIONS[section].model._meta.get_field(name).verbose_name)


@dataclass(frozen=True)
class FieldDifference:
    section: str
    field: str
    current: object
    proposed: object

    @property
    def label(self):
        return _field_label(self.section, self.field)

    @property
    def current_display(self):
        return display_value(self.section, self.field, self.current)

    @property
    def proposed_display(self):
        return display_value(self.section, self.field, self.proposed)


ADD = "add"
CHANGE = "change"
REMOVE = "remove"
KEPT = "kept"


@dataclass(frozen=True)
class RowDifference:
    """One proposed addition, change or removal of a child row, or a row kept because the user edited it.

    `choice` identifies the proposal for a form or an API call. It is a digest of the activity, the row's key,
    its stored values and the proposed values, so it no longer matches once the row or the catalogue changes.
    Kept rows have no choice and cannot be selected; `kept_action` is what the catalogue would have done.
    """

    activity_id: int
    section: str
    action: str
    key: tuple
    current: dict | None = None
    proposed: dict | None = None
    fields: list = field(default_factory=list)
    row_id: int | None = None
    # Every value an addition or a change writes.
    write_values: dict = field(default_factory=dict)
    choice: str = ""
    kept_action: str = ""
    # For an addition: when a user last deleted a row with this key from the activity, so it is not pre-ticked.
    deleted_on: object = None

    @property
    def selectable(self):
        return self.action != KEPT

    @property
    def section_label(self):
        return SECTIONS[self.section].label

    @property
    def title(self):
        """The row's key as a reader sees it, e.g. "Sub-processor · Hosting Inc."."""
        names = SECTIONS[self.section].key_fields
        return " · ".join(display_value(self.section, name, part) for name, part in zip(names, self.key, strict=True))

    @property
    def value_rows(self):
        """(label, value) pairs of the row an addition would create or a removal would delete."""
        values = self.proposed if self.action == ADD else self.current
        return [
            (_field_label(self.section, name), display_value(self.section, name, value))
            for name, value in (values or {}).items()
        ]


def _choice(activity_id, section, action, key, current, proposed, row_id):
    payload = [activity_id, section, action, list(key), current, proposed, row_id]
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return f"{activity_id}-{section}-{action}-{digest}"


def _field_differences(section, current, proposed):
    return [
        FieldDifference(section, name, current.get(name), proposed.get(name))
        for name in SECTIONS[section].compared_fields
        if current.get(name) != proposed.get(name)
    ]


def _is_edited(row):
    return bool((row.source or {}).get("edited"))


def _filled_key(row):
    """Return the key an edited row had when it was filled, or None when the user kept its key."""
    filled = (row.source or {}).get("filled_key")
    return tuple(filled) if filled else None


@dataclass(frozen=True)
class ActivityDiff:
    """The catalogue differences of one activity: child rows, and proposals for its own fields."""

    activity: object
    additions: list
    changes: list
    removals: list
    kept: list
    field_proposals: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.additions or self.changes or self.removals or self.kept or self.field_proposals)

    @property
    def selectable(self):
        fields = [proposal for proposal in self.field_proposals if proposal.selectable]
        return [*fields, *self.additions, *self.changes, *self.removals]


def _difference(activity, section, action, key, *, row=None, current=None, proposal=None, compared=None):
    """Build a RowDifference, with a choice unless the row was edited by the user."""
    differences = _field_differences(section, current, compared) if current and compared else []
    common = {
        "activity_id": activity.pk,
        "section": section,
        "key": key,
        "current": current,
        "proposed": compared,
        "fields": differences,
        "row_id": row.pk if row is not None else None,
        "write_values": dict(proposal.values) if proposal is not None else {},
    }
    if row is not None and _is_edited(row):
        return RowDifference(action=KEPT, kept_action=action, **common)
    choice = _choice(activity.pk, section, action, key, current, compared, common["row_id"])
    return RowDifference(action=action, choice=choice, **common)


def activity_catalogue_diff(activity, vendor_use, deleted_rows=None, vendor_rows=None):
    """Compare `activity`'s rows filled from `vendor_use`'s catalogue entry with what the entry proposes now.

    Rows of another source (typed by the user, or filled from another vendor) are left out. A proposed row whose
    key matches one of them is not proposed again, because the activity already lists it. `deleted_rows` maps
    (section, key) to the date a row filled from this entry was deleted from the activity, and marks the
    additions that would bring such a row back.
    """
    deleted_rows = deleted_rows or {}
    service = vendor_use.service
    if service is None:
        return ActivityDiff(activity, [], [], [], [])
    proposed_by_section = {name: {} for name in SECTIONS}
    for proposal in proposed_rows(service, vendor_use, activity.purpose_key or None, vendor_rows):
        proposed_by_section[proposal.section].setdefault(proposal.key, proposal)

    found = {ADD: [], CHANGE: [], REMOVE: [], KEPT: []}
    for name, section in SECTIONS.items():
        proposed = proposed_by_section[name]
        rows = list(getattr(activity, name).all())
        stored = {row_key(name, row): row for row in rows}
        # A row the user renamed still matches the proposal it was filled from, so that proposal is not offered again.
        renamed = {
            _filled_key(row): row
            for row in rows
            if _filled_key(row) and _filled_key(row) != row_key(name, row) and _filled_key(row) not in stored
        }
        for key, proposal in proposed.items():
            compared = {
                field_name: _normalise(proposal.values.get(field_name)) for field_name in section.compared_fields
            }
            row = stored.get(key) or renamed.get(key)
            if row is None:
                difference = _difference(activity, name, ADD, key, proposal=proposal, compared=compared)
                if (name, key) in deleted_rows:
                    difference = replace(difference, deleted_on=deleted_rows[(name, key)])
            elif (row.source or {}).get("service") != service.slug:
                continue
            else:
                current = row_values(name, row)
                if current == compared:
                    continue
                difference = _difference(
                    activity, name, CHANGE, key, row=row, current=current, proposal=proposal, compared=compared
                )
            found[difference.action].append(difference)
        for key, row in stored.items():
            if key in proposed or _filled_key(row) in proposed or (row.source or {}).get("service") != service.slug:
                continue
            difference = _difference(activity, name, REMOVE, key, row=row, current=row_values(name, row))
            found[difference.action].append(difference)
    field_proposals = activity_field_proposals(activity, service)
    return ActivityDiff(activity, found[ADD], found[CHANGE], found[REMOVE], found[KEPT], field_proposals)
