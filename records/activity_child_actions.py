"""Writes on the child rows of a processing activity sent as whole lists (the API's replace semantics)."""

from .activity_catalogue_diff import SECTION_BY_MODEL, row_key
from .provenance import mark_row_edited


def activity_replace_child_rows(*, organisation, activity, actor, model, rows, fields):
    """Make `activity`'s rows of `model` equal to `rows` (dicts of `fields`), matching rows by their key.

    A row whose key is already stored is updated in place, so its `source` stays. A pre-filled row whose values
    change is marked as edited. Stored rows missing from `rows` are deleted and new keys are created. A field
    left out of a row dict gets the model's default, as a newly created row would.
    """
    section = SECTION_BY_MODEL[model]
    stored = {
        row_key(section, row): row for row in model.objects.for_organisation(organisation).filter(activity=activity)
    }
    kept = set()
    for values in rows:
        incoming = model(organisation=organisation, activity=activity, **values)
        key = row_key(section, incoming)
        row = stored.get(key)
        if row is None:
            incoming._history_user = actor
            incoming.save()
            continue
        kept.add(key)
        changed = False
        for name in fields:
            attname = model._meta.get_field(name).attname
            if getattr(row, attname) != getattr(incoming, attname):
                setattr(row, attname, getattr(incoming, attname))
                changed = True
        if changed:
            mark_row_edited(row, key)
            row._history_user = actor
            row.save()
    for key, row in stored.items():
        if key not in kept:
            row._history_user = actor
            row.delete()
