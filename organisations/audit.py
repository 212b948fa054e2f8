"""The audit trail of one organisation: django-simple-history entries of the Organisation row and of every
organisation-owned model, merged newest first.

A page costs a fixed number of queries, whatever the number of entries. One count and one UNION over the history
tables select the page. Then each model that appears on the page costs two queries (its entries and their previous
versions), and one more query loads the users named.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import CharField, OuterRef, Subquery, Value
from django.utils.text import capfirst
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

from .models import Organisation
from .tenancy import organisation_owned_models

AUDIT_PAGE_SIZE = 50
# Columns that describe a history entry rather than the audited row.
HISTORY_COLUMNS = {"history_id", "history_date", "history_type", "history_user", "history_change_reason"}
# Timestamps that change on every save, so listing them as changed fields adds no information.
IGNORED_CHANGES = {"updated_at"}
# Attributes tried in order to name an audited row without another query.
LABEL_ATTRIBUTES = ("name", "title", "email", "label", "slug")
# Values longer than this are cut in the "changed fields" column; the full values stay in the history tables.
VALUE_PREVIEW_LENGTH = 80


@dataclass
class FieldChange:
    name: str
    label: str
    old: Any
    new: Any


@dataclass
class AuditEntry:
    model_label: str
    model_name: str
    object_id: Any
    object_label: str
    history_type: str
    history_date: Any
    user: Any
    changes: list = field(default_factory=list)

    @property
    def action(self):
        return {"+": "created", "~": "changed", "-": "deleted"}.get(self.history_type, "changed")


def audited_models():
    """Return (label, model, history model) for the Organisation and every organisation-owned model with history."""
    result = []
    for model in [Organisation, *sorted(organisation_owned_models(), key=lambda m: m._meta.label_lower)]:
        try:
            history_model = get_history_model_for_model(model)
        except NotHistoricalModelError:
            continue
        result.append((model._meta.label_lower, model, history_model))
    return result


def _history_queryset(model, history_model, organisation):
    if model is Organisation:
        return history_model.objects.filter(id=organisation.pk)
    return history_model.objects.filter(organisation_id=organisation.pk)


def audit_model_choices():
    """(label, verbose name) pairs for the model filter."""
    return [(label, capfirst(str(model._meta.verbose_name_plural))) for label, model, _ in audited_models()]


def audit_entry_page(*, organisation, page_number=1, model_label="", page_size=AUDIT_PAGE_SIZE):
    """Return a Paginator page of AuditEntry for `organisation`, newest first, optionally for one model."""
    models = audited_models()
    if model_label:
        models = [item for item in models if item[0] == model_label]

    parts = [
        _history_queryset(model, history_model, organisation)
        .annotate(model_label=Value(label, output_field=CharField()))
        .values("model_label", "history_id", "history_date")
        .order_by()
        for label, model, history_model in models
    ]
    if not parts:
        return Paginator([], page_size).get_page(1)
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    union = union.order_by("-history_date", "-history_id")

    page = Paginator(union, page_size).get_page(page_number)
    page.object_list = _build_entries(list(page.object_list), {label: (model, hm) for label, model, hm in models})
    return page


def _build_entries(rows, models_by_label):
    ids_by_label = {}
    for row in rows:
        ids_by_label.setdefault(row["model_label"], []).append(row["history_id"])

    records = {}
    previous = {}
    for label, history_ids in ids_by_label.items():
        model, history_model = models_by_label[label]
        pk_name = model._meta.pk.attname
        earlier = history_model.objects.filter(
            **{pk_name: OuterRef(pk_name)}, history_date__lt=OuterRef("history_date")
        ).order_by("-history_date", "-history_id")
        page_records = list(
            history_model.objects.filter(history_id__in=history_ids).annotate(
                previous_history_id=Subquery(earlier.values("history_id")[:1])
            )
        )
        previous_ids = [record.previous_history_id for record in page_records if record.previous_history_id]
        previous.update(
            {(label, record.history_id): record for record in history_model.objects.filter(history_id__in=previous_ids)}
        )
        records.update({(label, record.history_id): record for record in page_records})

    user_ids = {record.history_user_id for record in records.values() if record.history_user_id}
    user_ids |= {getattr(record, "user_id", None) for record in records.values()} - {None}
    users = get_user_model().objects.in_bulk(user_ids)

    entries = []
    for row in rows:
        label = row["model_label"]
        record = records[(label, row["history_id"])]
        model, history_model = models_by_label[label]
        prior = previous.get((label, getattr(record, "previous_history_id", None)))
        entries.append(
            AuditEntry(
                model_label=label,
                model_name=capfirst(str(model._meta.verbose_name)),
                object_id=getattr(record, model._meta.pk.attname),
                object_label=_object_label(record, users),
                history_type=record.history_type,
                history_date=record.history_date,
                user=users.get(record.history_user_id),
                changes=_changes(record, prior, history_model) if record.history_type == "~" else [],
            )
        )
    return entries


def _object_label(record, users):
    user_id = getattr(record, "user_id", None)
    if user_id is not None and user_id in users:
        return str(users[user_id])
    for attribute in LABEL_ATTRIBUTES:
        value = getattr(record, attribute, None)
        if value:
            return str(value)
    return f"#{getattr(record, 'pk', '')}"


def _preview(value):
    text = "" if value is None else str(value)
    if len(text) > VALUE_PREVIEW_LENGTH:
        return text[: VALUE_PREVIEW_LENGTH - 1] + "…"
    return text


def _changes(record, prior, history_model):
    if prior is None:
        return []
    changes = []
    for model_field in history_model._meta.concrete_fields:
        if model_field.name in HISTORY_COLUMNS | IGNORED_CHANGES or model_field.name.startswith("history_"):
            continue
        old = getattr(prior, model_field.attname)
        new = getattr(record, model_field.attname)
        if old != new:
            changes.append(
                FieldChange(
                    name=model_field.name,
                    label=capfirst(str(model_field.verbose_name)),
                    old=_preview(old),
                    new=_preview(new),
                )
            )
    return changes
