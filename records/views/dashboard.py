"""The register dashboard: vendors by risk, transfers, checklist progress, incomplete records, missing DPIAs."""

from django.views.generic import TemplateView
from django_countries import countries

from .. import selectors
from ..choices import TransferSafeguard
from .base import RecordsMixin


class DashboardView(RecordsMixin, TemplateView):
    template_name = "records/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = selectors.dashboard_figures(organisation=self.organisation)
        safeguard_labels = dict(TransferSafeguard.choices)
        for row in figures["transfers"]:
            row["safeguard_label"] = safeguard_labels.get(row["safeguard"], row["safeguard"])
            row["country_name"] = countries.name(row["country"]) or row["country"]
        context["figures"] = figures
        context["risk_levels"] = [
            ("high", figures["vendors_by_risk"].get("high", 0)),
            ("medium", figures["vendors_by_risk"].get("medium", 0)),
            ("low", figures["vendors_by_risk"].get("low", 0)),
            ("unknown", figures["vendors_by_risk"].get("unknown", 0)),
        ]
        return context
