from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ..actions import organisation_update
from ..forms import OrganisationSettingsForm
from ..roles import Role
from .mixins import OrganisationMixin


class OrganisationSettingsView(OrganisationMixin, FormView):
    """The controller details of the organisation (admins and owners)."""

    template_name = "organisations/settings.html"
    form_class = OrganisationSettingsForm
    required_role = Role.ADMIN
    write_role = Role.ADMIN

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # A copy, so a rejected form does not alter the organisation shown in the navbar.
        kwargs["instance"] = type(self.organisation).objects.get(pk=self.organisation.pk)
        return kwargs

    def form_valid(self, form):
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        if not changed:
            messages.info(self.request, _("Nothing changed."))
            return redirect("organisation_settings", org_slug=self.organisation.slug)
        try:
            organisation_update(organisation=self.organisation, actor=self.request.user, **changed)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Organisation settings saved."))
        return redirect("organisation_settings", org_slug=self.organisation.slug)
