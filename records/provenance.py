"""Provenance of pre-filled values: the catalogue entry and its version, kept per field."""


def catalogue_source(service):
    """Return the provenance entry of a value taken from `service`."""
    return {"service": service.slug, "name": service.name, "version": service.version}


def add_source(provenance, field, source):
    """Record in `provenance` (a dict, changed in place) that `field` received a value from `source`."""
    sources = provenance.setdefault(field, [])
    if not any(entry.get("service") == source["service"] for entry in sources):
        sources.append(dict(source))
    else:
        for entry in sources:
            if entry.get("service") == source["service"]:
                entry["version"] = source["version"]


def mark_edited(provenance, field):
    """Record that a user changed `field` after it was filled, so the UI shows the value as the user's."""
    for entry in provenance.get(field, []):
        entry["edited"] = True
