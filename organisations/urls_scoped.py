"""Organisation pages under /o/<org_slug>/."""

from django.urls import path

from .views import organisation

urlpatterns = [
    path("", organisation.OrganisationDashboardView.as_view(), name="organisation_dashboard"),
]
