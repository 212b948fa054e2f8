"""Catalogue entries of a vendor's sub-processors, found by name, alias or US legal entity.

A vendor lists its sub-processors by name, usually their legal entity ("Cloudflare, Inc."). Such a name matches a
published catalogue service when it equals, ignoring case, the service's name, one of its aliases, or the legal
entity of a service whose vendor is in the United States. A trailing remark in brackets ("Google LLC (Vertex AI)")
is ignored.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.db.models.functions import Lower

from services.models import Service

_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class CatalogueListing:
    """The catalogue facts about one service that a sub-processor's name matched."""

    name: str
    legal_entity: str
    dpf_certified: bool
    last_reviewed: date | None


def name_keys(name):
    """Return the lower-case keys a sub-processor name is looked up by: the name, and the name without a remark."""
    name = (name or "").strip()
    keys = [name.lower()]
    shortened = _TRAILING_REMARK.sub("", name)
    if shortened and shortened != name:
        keys.append(shortened.lower())
    return [key for key in keys if key]


def catalogue_listings(names):
    """Return a dict from each lower-case key of `names` to the catalogue listings it matches.

    Runs one query whatever the number of names, and none when `names` is empty.
    """
    keys = {key for name in names for key in name_keys(name)}
    if not keys:
        return {}
    rows = (
        Service.objects.published()
        .annotate(
            name_key=Lower("name"),
            entity_key=Lower("vendor_legal_entity"),
            alias_key=Lower("aliases__name"),
        )
        .filter(Q(name_key__in=keys) | Q(alias_key__in=keys) | Q(entity_key__in=keys, vendor_country="US"))
        # A fixed order, so the same catalogue always names the same entry in a note.
        .order_by("name", "pk")
        .values(
            "pk",
            "name",
            "vendor_legal_entity",
            "vendor_country",
            "dpf_certified",
            "last_reviewed",
            "name_key",
            "entity_key",
            "alias_key",
        )
    )
    found = {}
    for row in rows:
        listing = CatalogueListing(
            name=row["name"],
            legal_entity=row["vendor_legal_entity"],
            dpf_certified=row["dpf_certified"],
            last_reviewed=row["last_reviewed"],
        )
        matched = {row["name_key"], row["alias_key"]}
        if str(row["vendor_country"]) == "US":
            matched.add(row["entity_key"])
        for key in matched & keys:
            listings = found.setdefault(key, [])
            if listing not in listings:
                listings.append(listing)
    return found


def dpf_listing_for(name, listings):
    """Return the catalogue listing that records the sub-processor `name` as DPF-certified, or None.

    `listings` is the result of catalogue_listings(). When the name matches several services, all of them must be
    certified, because a name shared by a certified and an uncertified entity proves nothing.
    """
    for key in name_keys(name):
        matches = listings.get(key)
        if matches:
            return matches[0] if all(listing.dpf_certified for listing in matches) else None
    return None
