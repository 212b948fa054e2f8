"""Isolation classification of the organisations app's routes (and the home page it serves)."""

from .registry import ACCOUNT, PUBLIC, Route


def _membership(world):
    return {"pk": world["membership"].pk}


def _invitation(world):
    return {"pk": world["invitation"].pk}


ROUTES = {
    "home": PUBLIC,
    "organisation_create": ACCOUNT,
    # The secret token is the only key: the page names the inviting organisation to whoever holds the e-mailed
    # link, and accepting requires signing in with the invited, verified address.
    "invitation_accept": PUBLIC,
    "account_api_token": ACCOUNT,
    "organisation_dashboard": Route(),
    "organisation_settings": Route(),
    "organisation_members": Route(),
    "membership_role": Route(kwargs=_membership),
    "membership_remove": Route(kwargs=_membership),
    "organisation_leave": Route(),
    "organisation_invitations": Route(),
    "invitation_revoke": Route(kwargs=_invitation),
    "invitation_resend": Route(kwargs=_invitation),
    "organisation_transfer": Route(),
    "organisation_delete": Route(),
    "organisation_audit": Route(),
    "organisations_api:organisation-detail": Route(),
    "organisations_api:membership-list": Route(),
    "organisations_api:membership-detail": Route(kwargs=_membership),
    "organisations_api:invitation-list": Route(),
    "organisations_api:invitation-detail": Route(kwargs=_invitation),
    "organisations_api:invitation-resend": Route(kwargs=_invitation),
    "account_api:organisation-list": ACCOUNT,
}
