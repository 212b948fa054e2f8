from django.shortcuts import redirect, render
from django.views import View

from ..selectors import organisation_default_for_user


class HomeView(View):
    """Landing page: signed-in users go to their organisation, others see what DPO Desk does."""

    def get(self, request):
        if request.user.is_authenticated:
            organisation = organisation_default_for_user(user=request.user, session=request.session)
            if organisation is None:
                return redirect("organisation_create")
            return redirect("organisation_dashboard", org_slug=organisation.slug)
        return render(request, "home.html")
