"""Catalogue rows for the isolation world.

Catalogue entries belong to no organisation, so nothing here is tenant-owned. The world gets one published
entry (for routes that take a slug) and one draft whose texts carry the sentinel: a draft is visible to staff
only, so the sentinel appearing on a public or account page would reveal that drafts leak.
"""

from tests.services.factories import ServiceFactory


def populate(world, organisation, user):
    # The published entry's slug is shown on public pages, so it comes from the factory's sequence and not
    # from the sentinel.
    world["catalogue_service"] = ServiceFactory(name="Isolation Catalogue Entry")
    world["catalogue_draft"] = ServiceFactory(
        slug=f"draft-{world.sentinel}",
        name=f"Draft {world.sentinel}",
        status="draft",
        summary=f"Unpublished entry {world.sentinel}",
    )
