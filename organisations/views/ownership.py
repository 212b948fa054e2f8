from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ..actions import organisation_delete, organisation_transfer_ownership
from ..forms import OrganisationDeleteForm, TransferOwnershipForm
from ..roles import Role
from .mixins import OrganisationMixin


class OrganisationTransferView(OrganisationMixin, FormView):
    """Hand the organisation over to another member (owners only); the current owner becomes an admin."""

    template_name = "organisations/organisation_transfer.html"
    form_class = TransferOwnershipForm
    required_role = Role.OWNER
    write_role = Role.OWNER

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.organisation
        kwargs["actor"] = self.request.user
        return kwargs

    def form_valid(self, form):
        new_owner = form.cleaned_data["new_owner"]
        try:
            organisation_transfer_ownership(
                organisation=self.organisation, actor=self.request.user, new_owner=new_owner
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(email)s is now an owner of %(organisation)s; your role is now admin.")
            % {"email": new_owner.email, "organisation": self.organisation.name},
        )
        return redirect("organisation_members", org_slug=self.organisation.slug)


class OrganisationDeleteView(OrganisationMixin, FormView):
    """Delete the organisation and everything it owns (owners only), confirmed by typing its slug."""

    template_name = "organisations/organisation_delete.html"
    form_class = OrganisationDeleteForm
    required_role = Role.OWNER
    write_role = Role.OWNER

    def form_valid(self, form):
        name = self.organisation.name
        try:
            organisation_delete(
                organisation=self.organisation, actor=self.request.user, confirmation=form.cleaned_data["confirmation"]
            )
        except ValidationError as error:
            form.add_error("confirmation", error)
            return self.form_invalid(form)
        messages.success(self.request, _("Organisation “%(name)s” was deleted.") % {"name": name})
        return redirect("home")
