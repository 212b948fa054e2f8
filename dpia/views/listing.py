from django.core.paginator import Paginator
from django.views.generic import TemplateView

from organisations.views.mixins import OrganisationMixin
from records.models import ProcessingActivity

from ..selectors import dpia_list

PAGE_SIZE = 25


class DpiaListView(OrganisationMixin, TemplateView):
    """DPIAs of the organisation, and activities whose screening requires a DPIA that does not exist yet."""

    template_name = "dpia/dpia_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(dpia_list(organisation=self.organisation), PAGE_SIZE).get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["missing"] = (
            ProcessingActivity.objects.for_organisation(self.organisation)
            .filter(dpia_required=True, dpias__isnull=True)
            .order_by("name")[:50]
        )
        context["activities"] = (
            ProcessingActivity.objects.for_organisation(self.organisation).order_by("name").only("pk", "name")[:500]
        )
        return context
