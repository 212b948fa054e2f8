"""Organisation API routes under /api/v1/o/<org_slug>/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .api.invitations import InvitationViewSet
from .api.memberships import MembershipViewSet
from .api.organisation import OrganisationDetailView

app_name = "organisations_api"

router = SimpleRouter()
router.register("memberships", MembershipViewSet, basename="membership")
router.register("invitations", InvitationViewSet, basename="invitation")

urlpatterns = [
    path("organisation/", OrganisationDetailView.as_view(), name="organisation-detail"),
    *router.urls,
]
