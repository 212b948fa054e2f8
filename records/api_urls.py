"""API routes under /api/v1/o/<org_slug>/."""

from rest_framework.routers import SimpleRouter

from .api.views import ChecklistTaskViewSet, ProcessingActivityViewSet, ProcessorActivityViewSet, VendorUseViewSet

app_name = "records_api"

router = SimpleRouter()
router.register("vendor-uses", VendorUseViewSet, basename="vendoruse")
router.register("activities", ProcessingActivityViewSet, basename="activity")
router.register("checklist-tasks", ChecklistTaskViewSet, basename="checklisttask")
router.register("processor-records", ProcessorActivityViewSet, basename="processoractivity")

urlpatterns = router.urls
