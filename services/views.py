"""Public catalogue pages: the searchable list and one page per service."""

from urllib.parse import urlencode

from django.views.generic import DetailView, ListView

from services import selectors
from services.forms import ServiceFilterForm


class ServiceListView(ListView):
    template_name = "services/service_list.html"
    context_object_name = "services"
    paginate_by = 24

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = ServiceFilterForm(self.request.GET or None)
            self._filter_form.is_valid()
        return self._filter_form

    def get_queryset(self):
        form = self.get_filter_form()
        data = getattr(form, "cleaned_data", {}) if form.is_bound else {}
        return selectors.service_list(
            user=self.request.user,
            search=data.get("q", ""),
            category=data.get("category", ""),
            risk_level=data.get("risk", ""),
            consent_category=data.get("consent", ""),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_filter_form()
        data = getattr(form, "cleaned_data", {}) if form.is_bound else {}
        active = {key: value for key, value in data.items() if value}
        context["filter_form"] = form
        context["is_filtered"] = bool(active)
        context["query"] = urlencode(active) + "&" if active else ""
        return context


class ServiceDetailView(DetailView):
    template_name = "services/service_detail.html"
    context_object_name = "service"

    def get_object(self, queryset=None):
        return selectors.service_get(user=self.request.user, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        service = self.object
        context["cookies"] = list(service.cookies.all())
        context["related_services"] = list(service.related_services.all())
        return context
