"""Writes on the signed-in user's account."""

import logging

from django.db import transaction
from rest_framework.authtoken.models import Token

logger = logging.getLogger(__name__)


@transaction.atomic
def api_token_create(*, user, actor):
    """Create a new API token for `user`, replacing (and so invalidating) any previous one."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    logger.info("API token created for user %s by user %s.", user.pk, actor.pk)
    return token


@transaction.atomic
def api_token_revoke(*, user, actor):
    """Delete `user`'s API token. Returns whether there was one."""
    deleted, _ = Token.objects.filter(user=user).delete()
    if deleted:
        logger.info("API token revoked for user %s by user %s.", user.pk, actor.pk)
    return bool(deleted)
