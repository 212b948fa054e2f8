from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, RedirectView

from ..actions import organisation_create
from ..forms import OrganisationCreateForm
from .mixins import OrganisationMixin


class OrganisationCreateView(LoginRequiredMixin, FormView):
    template_name = "organisations/organisation_create.html"
    form_class = OrganisationCreateForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            organisation = organisation_create(
                actor=self.request.user,
                name=data["name"],
                slug=data.get("slug") or None,
                legal_name=data.get("legal_name", ""),
                country=data.get("country", ""),
            )
        except ValidationError as error:
            # The slug was taken between the form's check and the insert.
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Organisation “%(name)s” created.") % {"name": organisation.name})
        return redirect("organisation_dashboard", org_slug=organisation.slug)


class OrganisationDashboardView(OrganisationMixin, RedirectView):
    """The organisation's home: its compliance dashboard (vendors, records, transfers, checklists, DPIAs)."""

    def get_redirect_url(self, *args, **kwargs):
        return reverse("records:dashboard", kwargs={"org_slug": self.organisation.slug})
