from .models import Membership, Organisation

CURRENT_ORGANISATION_SESSION_KEY = "current_organisation_slug"


def organisation_list_for_user(*, user):
    """Organisations `user` belongs to, by name."""
    return Organisation.objects.for_user(user).order_by("name")


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
