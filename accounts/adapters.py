from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Sends a signed-in user to their organisation, or to the page that creates one."""

    def get_login_redirect_url(self, request):
        from organisations.selectors import organisation_default_for_user

        organisation = organisation_default_for_user(user=request.user, session=request.session)
        if organisation is None:
            return reverse("organisation_create")
        return reverse("organisation_dashboard", kwargs={"org_slug": organisation.slug})
