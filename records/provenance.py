"""Provenance of pre-filled values: the catalogue entry and its version, or the hand-added vendor, per field."""


def catalogue_source(service):
    """Return the provenance entry of a value taken from `service`."""
    return {"service": service.slug, "name": service.name, "version": service.version}


def manual_source(vendor_use):
    """Return the provenance entry of a value taken from a hand-added vendor, whose facts a user entered."""
    return {"manual": True, "vendor_use": vendor_use.pk, "name": vendor_use.vendor_name}


def _source_key(source):
    if source.get("manual"):
        return ("vendor_use", source.get("vendor_use"))
    return ("service", source.get("service"))


def add_source(provenance, field, source):
    """Record in `provenance` (a dict, changed in place) that `field` received a value from `source`."""
    sources = provenance.setdefault(field, [])
    key = _source_key(source)
    for entry in sources:
        if _source_key(entry) == key:
            entry.update({name: value for name, value in source.items() if name in ("version", "name")})
            return
    sources.append(dict(source))


def mark_edited(provenance, field):
    """Record that a user changed `field` after it was filled, so the UI shows the value as the user's."""
    for entry in provenance.get(field, []):
        entry["edited"] = True


def mark_row_edited(row, filled_key):
    """Record in a pre-filled child row's `source` that a user changed it, so catalogue updates keep it.

    `filled_key` is the row's key (e.g. the purpose text) before the change. It is kept from the first edit on,
    so a renamed row still matches the catalogue proposal it was filled from. Rows the user typed are left alone.
    """
    source = dict(row.source or {})
    if not source.get("service"):
        return
    source["edited"] = True
    source.setdefault("filled_key", list(filled_key))
    row.source = source
