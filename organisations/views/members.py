from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from ..actions import membership_change_role, membership_leave, membership_remove
from ..forms import MembershipRoleForm
from ..roles import ROLE_DESCRIPTIONS, Role
from ..selectors import membership_get, membership_list
from .mixins import OrganisationMixin

MEMBERS_PAGE_SIZE = 50


def assignable_roles(membership):
    """Roles `membership` may grant: owners grant every role, admins every role below owner."""
    if membership.role == Role.OWNER:
        return list(Role)
    return [Role.VIEWER, Role.EDITOR, Role.ADMIN]


class MemberListView(OrganisationMixin, ListView):
    """Every member can list the organisation's members. Admins and owners also manage them."""

    template_name = "organisations/member_list.html"
    context_object_name = "memberships"
    paginate_by = MEMBERS_PAGE_SIZE
    write_role = Role.ADMIN

    def get_queryset(self):
        return membership_list(organisation=self.organisation, search=self.request.GET.get("q", "").strip())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "").strip()
        context["search"] = search
        context["query"] = f"{urlencode({'q': search})}&" if search else ""
        context["can_manage"] = self.can(Role.ADMIN)
        context["is_owner"] = self.can(Role.OWNER)
        context["assignable_roles"] = assignable_roles(self.membership)
        context["role_descriptions"] = [(role.label, ROLE_DESCRIPTIONS[role]) for role in Role]
        return context


class _MembershipMixin(OrganisationMixin):
    required_role = Role.ADMIN
    write_role = Role.ADMIN

    def get_target(self):
        target = membership_get(organisation=self.organisation, pk=self.kwargs["pk"])
        if target is None:
            raise Http404
        return target


class MembershipRoleView(_MembershipMixin, FormView):
    """Change a member's role (POST from the member list, or this page)."""

    template_name = "organisations/membership_role.html"
    form_class = MembershipRoleForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["allowed_roles"] = assignable_roles(self.membership)
        kwargs["initial"] = {"role": self.get_target().role}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["target"] = self.get_target()
        return context

    def form_valid(self, form):
        target = self.get_target()
        try:
            membership_change_role(
                organisation=self.organisation,
                actor=self.request.user,
                membership=target,
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect("organisation_members", org_slug=self.organisation.slug)
        messages.success(
            self.request,
            _("%(email)s is now %(role)s.")
            % {"email": target.user.email, "role": Role(form.cleaned_data["role"]).label},
        )
        return redirect("organisation_members", org_slug=self.organisation.slug)


class MembershipRemoveView(_MembershipMixin, TemplateView):
    """Confirm, then remove a member."""

    template_name = "organisations/membership_remove.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["target"] = self.get_target()
        return context

    def post(self, request, *args, **kwargs):
        target = self.get_target()
        try:
            membership_remove(organisation=self.organisation, actor=request.user, membership=target)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("organisation_members", org_slug=self.organisation.slug)
        messages.success(request, _("%(email)s was removed from the organisation.") % {"email": target.user.email})
        return redirect("organisation_members", org_slug=self.organisation.slug)


class MembershipLeaveView(OrganisationMixin, TemplateView):
    """Confirm, then leave the organisation. Every member may leave except the last owner."""

    template_name = "organisations/membership_leave.html"
    write_role = Role.VIEWER

    def post(self, request, *args, **kwargs):
        try:
            membership_leave(organisation=self.organisation, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("organisation_leave", org_slug=self.organisation.slug)
        messages.success(request, _("You left %(organisation)s.") % {"organisation": self.organisation.name})
        return redirect("home")
