from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Sends a signed-in user back to the invitation they opened, else to their organisation, else to the page
    that creates one."""

    def get_login_redirect_url(self, request):
        from organisations.selectors import (
            PENDING_INVITATION_SESSION_KEY,
            invitation_get_by_token,
            organisation_default_for_user,
        )

        invitation = invitation_get_by_token(token=request.session.pop(PENDING_INVITATION_SESSION_KEY, None))
        if invitation is not None and invitation.is_pending:
            return reverse("invitation_accept", kwargs={"token": invitation.token})

        organisation = organisation_default_for_user(user=request.user, session=request.session)
        if organisation is None:
            return reverse("organisation_create")
        return reverse("organisation_dashboard", kwargs={"org_slug": organisation.slug})
