from rest_framework.authtoken.models import Token


def api_token_for_user(*, user):
    """Return `user`'s API token, or None."""
    return Token.objects.filter(user=user).first()
