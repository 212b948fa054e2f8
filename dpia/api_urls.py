"""DPIA API routes under /api/v1/o/<org_slug>/."""

from rest_framework.routers import SimpleRouter

from .api import views

app_name = "dpia_api"

router = SimpleRouter()
router.register("dpias", views.DpiaViewSet, basename="dpia")
router.register("dpia-principles", views.PrincipleAssessmentViewSet, basename="dpia-principle")
router.register("dpia-risks", views.RiskViewSet, basename="dpia-risk")
router.register("dpia-actions", views.ActionViewSet, basename="dpia-action")

urlpatterns = router.urls
