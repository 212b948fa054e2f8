"""Catalogue API routes under /api/v1/catalogue/."""

from rest_framework.routers import SimpleRouter

app_name = "services_api"

router = SimpleRouter()

urlpatterns = router.urls
