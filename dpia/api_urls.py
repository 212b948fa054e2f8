"""API routes under /api/v1/o/<org_slug>/."""

from rest_framework.routers import SimpleRouter

app_name = "dpia_api"

router = SimpleRouter()

urlpatterns = router.urls
