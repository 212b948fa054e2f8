"""View mixins that resolve the organisation from the URL and the user's membership."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from ..access import membership_get_or_404
from ..roles import Role, role_at_least
from ..selectors import CURRENT_ORGANISATION_SESSION_KEY

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class OrganisationMixin(LoginRequiredMixin):
    """Resolve `self.organisation` and `self.membership` from the `org_slug` URL argument.

    A non-member gets 404; a member whose role is below `required_role` (reads) or `write_role`
    (POST, PUT, PATCH, DELETE) gets 403.
    """

    required_role = Role.VIEWER
    write_role = Role.EDITOR

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()

        self.membership = membership_get_or_404(user=request.user, org_slug=kwargs["org_slug"])
        self.organisation = self.membership.organisation
        request.organisation = self.organisation
        request.membership = self.membership

        required = self.required_role
        if request.method not in SAFE_METHODS and role_at_least(self.write_role, required):
            required = self.write_role
        if not role_at_least(self.membership.role, required):
            raise PermissionDenied

        request.session[CURRENT_ORGANISATION_SESSION_KEY] = self.organisation.slug
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        context["membership"] = self.membership
        # Whether the member's role reaches this view's write_role. Templates show write controls (links to form
        # pages, forms that change data) only when it does. A view may override it with a narrower check.
        context["can_edit"] = self.can(self.write_role)
        return context

    def can(self, role):
        """Return whether the current member's role grants `role`."""
        return role_at_least(self.membership.role, role)


class OrganisationObjectMixin(OrganisationMixin):
    """For views on one model: the queryset is the organisation's rows only, and forms get `organisation=`."""

    def get_queryset(self):
        return self.model.objects.for_organisation(self.organisation)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.organisation
        return kwargs
