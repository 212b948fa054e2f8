from .selectors import organisation_list_for_user


def current_organisation(request):
    """Add the organisation of the current page (if any) and the user's organisations for the switcher."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "current_organisation": getattr(request, "organisation", None),
        "current_membership": getattr(request, "membership", None),
        "user_organisations": organisation_list_for_user(user=user),
    }
