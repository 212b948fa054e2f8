from django.views.generic import TemplateView

from ..audit import audit_entry_page, audit_model_choices
from ..roles import Role
from .mixins import OrganisationMixin


class AuditTrailView(OrganisationMixin, TemplateView):
    """Audit trail of the organisation's data: who changed what and when (admins and owners only)."""

    template_name = "organisations/audit_trail.html"
    required_role = Role.ADMIN

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = audit_model_choices()
        model_label = self.request.GET.get("model", "")
        if model_label not in {label for label, _ in choices}:
            model_label = ""
        context["model_choices"] = choices
        context["selected_model"] = model_label
        context["page_obj"] = audit_entry_page(
            organisation=self.organisation, page_number=self.request.GET.get("page") or 1, model_label=model_label
        )
        return context
