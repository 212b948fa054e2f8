"""API routes under /api/v1/o/<org_slug>/."""

from rest_framework.routers import SimpleRouter

from .api import ReportJobViewSet

app_name = "reports_api"

router = SimpleRouter()
router.register("reports", ReportJobViewSet, basename="reportjob")

urlpatterns = router.urls
