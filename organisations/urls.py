"""Organisation pages that are not inside one organisation."""

from django.urls import path

from .views import organisation

urlpatterns = [
    path("new/", organisation.OrganisationCreateView.as_view(), name="organisation_create"),
]
