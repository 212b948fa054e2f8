"""Access helpers: the only way views and the API obtain an organisation or one of its rows.

A missing row and another organisation's row raise the same Http404, so nothing reveals that an id exists.
"""

from django.http import Http404

from .models import Membership


def membership_get_or_404(*, user, org_slug):
    """Return `user`'s membership of the organisation `org_slug`, or raise Http404.

    Staff status grants nothing here: staff reach organisation data in Django admin only.
    """
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organisation", "user")
        .filter(user=user, organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def owned_object_get_or_404(queryset_or_model, *, organisation, **lookup):
    """Return the row matching `lookup` that `organisation` owns, or raise Http404."""
    queryset = getattr(queryset_or_model, "objects", queryset_or_model)
    obj = queryset.for_organisation(organisation).filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj
