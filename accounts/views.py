from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from .actions import api_token_create, api_token_revoke
from .selectors import api_token_for_user


class ApiTokenView(LoginRequiredMixin, View):
    """Create, replace or revoke the signed-in user's API token.

    The key is shown once, in the response to the request that created it; afterwards the page says only that
    a token exists and when it was created.
    """

    template_name = "accounts/api_token.html"

    def get(self, request):
        return render(request, self.template_name, {"token": api_token_for_user(user=request.user)})

    def post(self, request):
        if request.POST.get("action") == "revoke":
            if api_token_revoke(user=request.user, actor=request.user):
                messages.success(request, _("Your API token was revoked. Clients that used it can no longer sign in."))
            else:
                messages.info(request, _("You had no API token."))
            return redirect("account_api_token")

        token = api_token_create(user=request.user, actor=request.user)
        messages.success(request, _("A new API token was created. Copy it now: it will not be shown again."))
        return render(request, self.template_name, {"token": token, "new_key": token.key})
