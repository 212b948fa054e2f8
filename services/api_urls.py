"""Catalogue API routes under /api/v1/catalogue/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from services.api.views import MatchView, ServiceViewSet

app_name = "services_api"

router = SimpleRouter()
router.register("services", ServiceViewSet, basename="service")

urlpatterns = [
    path("match/", MatchView.as_view(), name="match"),
    *router.urls,
]
