from django.views.generic import TemplateView


class ServiceListView(TemplateView):
    # TODO: replace with the searchable catalogue list once the catalogue models exist.
    template_name = "home.html"
