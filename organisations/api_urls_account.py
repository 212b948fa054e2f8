"""API routes about the signed-in user, under /api/v1/."""

from django.urls import path

from .api.account import UserOrganisationListView

app_name = "account_api"

urlpatterns = [
    path("organisations/", UserOrganisationListView.as_view(), name="organisation-list"),
]
