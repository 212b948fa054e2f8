"""Account pages of the project, next to allauth's under /accounts/."""

from django.urls import path

from . import views

urlpatterns = [
    path("api-token/", views.ApiTokenView.as_view(), name="account_api_token"),
]
