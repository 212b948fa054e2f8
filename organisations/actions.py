"""Writes on organisations and memberships. Each runs in one transaction and leaves an audit entry."""

import logging

from django.db import transaction
from django.utils.text import slugify

from .models import Membership, Organisation
from .roles import Role

logger = logging.getLogger(__name__)


def _unique_slug(name):
    base = slugify(name)[:50] or "organisation"
    slug = base
    suffix = 2
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


@transaction.atomic
def organisation_create(*, actor, name, slug=None, **details):
    """Create an organisation with `actor` as its first owner."""
    organisation = Organisation(name=name, slug=slug or _unique_slug(name), **details)
    organisation.full_clean()
    organisation.save()

    Membership.objects.create(organisation=organisation, user=actor, role=Role.OWNER)

    logger.info("Organisation %s created by user %s.", organisation.pk, actor.pk)
    return organisation
