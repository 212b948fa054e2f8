"""Pieces shared by the records models."""

import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def evidence_upload_path(instance, filename):
    """Storage path of an uploaded document: a random directory per upload, so no path can be guessed."""
    return f"records/{instance.organisation_id}/{secrets.token_urlsafe(16)}/{filename}"


def check_same_organisation(child, *parents):
    """Raise ValidationError when a parent row belongs to another organisation than `child`.

    Child rows carry their own organisation FK, so a mismatch would expose a row of one tenant through another.
    """
    for parent in parents:
        if parent is not None and parent.organisation_id != child.organisation_id:
            raise ValidationError(_("The linked record belongs to another organisation."))
