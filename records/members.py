"""Members of an organisation, as owners and assignees of records."""

from django.contrib.auth import get_user_model

from organisations.models import Membership


def is_member(organisation, user):
    """Return whether `user` is a member of `organisation`."""
    return Membership.objects.filter(organisation=organisation, user=user).exists()


def members_of(organisation):
    """Return the users who are members of `organisation`, by e-mail."""
    return get_user_model().objects.filter(memberships__organisation=organisation).order_by("email")
