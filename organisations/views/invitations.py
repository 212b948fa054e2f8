from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from ..access import owned_object_get_or_404
from ..actions import (
    invitation_accept,
    invitation_create,
    invitation_resend,
    invitation_revoke,
    user_has_verified_email,
)
from ..forms import InvitationForm
from ..models import Invitation, Membership
from ..roles import ROLE_DESCRIPTIONS, Role
from ..selectors import (
    PENDING_INVITATION_SESSION_KEY,
    invitation_get_by_token,
    invitation_list_expired,
    invitation_list_pending,
)
from .members import assignable_roles
from .mixins import OrganisationMixin


def _base_url(request):
    return request.build_absolute_uri("/")


class InvitationListView(OrganisationMixin, FormView):
    """Pending and expired invitations, and the form that sends a new one (admins and owners)."""

    template_name = "organisations/invitation_list.html"
    form_class = InvitationForm
    required_role = Role.ADMIN
    write_role = Role.ADMIN

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["allowed_roles"] = assignable_roles(self.membership)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending_invitations"] = invitation_list_pending(organisation=self.organisation)
        context["expired_invitations"] = invitation_list_expired(organisation=self.organisation)
        return context

    def form_valid(self, form):
        try:
            invitation = invitation_create(
                organisation=self.organisation,
                actor=self.request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                base_url=_base_url(self.request),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("organisation_invitations", org_slug=self.organisation.slug)


class _InvitationActionView(OrganisationMixin, View):
    required_role = Role.ADMIN
    write_role = Role.ADMIN
    http_method_names = ["post"]

    def get_invitation(self):
        return owned_object_get_or_404(Invitation, organisation=self.organisation, pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        try:
            self.perform(invitation)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("organisation_invitations", org_slug=self.organisation.slug)


class InvitationRevokeView(_InvitationActionView):
    def perform(self, invitation):
        invitation_revoke(organisation=self.organisation, actor=self.request.user, invitation=invitation)
        messages.success(self.request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})


class InvitationResendView(_InvitationActionView):
    def perform(self, invitation):
        invitation_resend(
            organisation=self.organisation,
            actor=self.request.user,
            invitation=invitation,
            base_url=_base_url(self.request),
        )
        messages.success(
            self.request,
            _("The invitation was sent again to %(email)s with a new link; the previous link no longer works.")
            % {"email": invitation.email},
        )


class InvitationAcceptView(TemplateView):
    """The page an invitation e-mail links to.

    Anyone holding the link can read which organisation invited which address. Accepting requires being signed
    in with that verified address. A link that cannot be used any more shows the reason.
    """

    template_name = "organisations/invitation_accept.html"

    def get_invitation(self):
        invitation = invitation_get_by_token(token=self.kwargs["token"])
        if invitation is None:
            raise Http404(_("This invitation link is not valid."))
        return invitation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = self.get_invitation()
        user = self.request.user
        context["invitation"] = invitation
        context["role_description"] = ROLE_DESCRIPTIONS[Role(invitation.role)]
        context["problem"] = self._problem(invitation)
        context["email_matches"] = user.is_authenticated and user_has_verified_email(user, invitation.email)
        context["already_member"] = (
            user.is_authenticated
            and Membership.objects.for_organisation(invitation.organisation).filter(user=user).exists()
        )
        if user.is_authenticated:
            self.request.session.pop(PENDING_INVITATION_SESSION_KEY, None)
        elif not context["problem"]:
            # After sign-up and e-mail confirmation, the sign-in redirect brings the person back here.
            self.request.session[PENDING_INVITATION_SESSION_KEY] = invitation.token
        return context

    def _problem(self, invitation):
        if invitation.accepted_at is not None:
            return _("This invitation has already been used.")
        if invitation.revoked_at is not None:
            return _("This invitation has been revoked. Ask an admin of the organisation for a new one.")
        if invitation.is_expired:
            return _("This invitation has expired. Ask an admin of the organisation to resend it.")
        return ""

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            membership = invitation_accept(token=self.kwargs["token"], actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("invitation_accept", token=self.kwargs["token"])
        messages.success(
            request,
            _("Welcome to %(organisation)s. Your role: %(role)s.")
            % {"organisation": membership.organisation.name, "role": membership.get_role_display()},
        )
        return redirect("organisation_dashboard", org_slug=membership.organisation.slug)
