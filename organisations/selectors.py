"""Reads on organisations, memberships, invitations and their history."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from .models import Invitation, Membership, Organisation
from .roles import ROLE_RANK

CURRENT_ORGANISATION_SESSION_KEY = "current_organisation_slug"
# The invitation an anonymous visitor opened, so that signing in (or confirming a new account) returns to it.
PENDING_INVITATION_SESSION_KEY = "pending_invitation_token"


def organisation_list_for_user(*, user):
    """Organisations `user` belongs to, by name."""
    return Organisation.objects.for_user(user).order_by("name")


def membership_list_for_user(*, user):
    """`user`'s memberships with their organisations, by organisation name."""
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def organisation_default_for_user(*, user, session=None):
    """Return the organisation to open after sign-in: the last one used, else the first by name, else None."""
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    last_slug = session.get(CURRENT_ORGANISATION_SESSION_KEY) if session is not None else None
    if last_slug:
        last = memberships.filter(organisation__slug=last_slug).first()
        if last is not None:
            return last.organisation
    first = memberships.order_by("organisation__name").first()
    return first.organisation if first else None


def membership_list(*, organisation, search=""):
    """Members of `organisation`, owners first, then by e-mail address."""
    rank = Case(
        *(When(role=role, then=Value(-rank)) for role, rank in ROLE_RANK.items()),
        output_field=IntegerField(),
    )
    memberships = (
        Membership.objects.for_organisation(organisation)
        .select_related("user")
        .annotate(role_order=rank)
        .order_by("role_order", "user__email")
    )
    if search:
        memberships = memberships.filter(user__email__icontains=search) | memberships.filter(
            user__full_name__icontains=search
        )
    return memberships


def membership_get(*, organisation, pk):
    """Return the membership `pk` of `organisation`, or None."""
    return Membership.objects.for_organisation(organisation).select_related("user").filter(pk=pk).first()


def invitation_list_pending(*, organisation):
    """Invitations of `organisation` that can still be accepted, newest first."""
    return Invitation.objects.for_organisation(organisation).pending().select_related("invited_by")


def invitation_list_expired(*, organisation):
    """Invitations of `organisation` that expired unused and were not revoked, newest first."""
    return (
        Invitation.objects.for_organisation(organisation)
        .filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=timezone.now())
        .select_related("invited_by")
    )


def invitation_get_by_token(*, token):
    """Return the invitation with `token` and its organisation, or None."""
    if not token:
        return None
    return Invitation.objects.select_related("organisation", "invited_by").filter(token=token).first()
