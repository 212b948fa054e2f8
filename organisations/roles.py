"""Membership roles, from least to most privileged."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Admin")
    OWNER = "owner", _("Owner")


# Each role can do everything the roles before it can.
ROLE_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2, Role.OWNER: 3}

ROLE_DESCRIPTIONS = {
    Role.VIEWER: _("Reads everything in the organisation, changes nothing."),
    Role.EDITOR: _("Also creates and edits records, vendors, checklists and DPIAs."),
    Role.ADMIN: _("Also manages members, invitations and the organisation's settings."),
    Role.OWNER: _("Also deletes the organisation or transfers its ownership."),
}


def role_at_least(role, required):
    """Return whether `role` grants everything `required` grants."""
    return ROLE_RANK[Role(role)] >= ROLE_RANK[Role(required)]
