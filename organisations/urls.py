"""Organisation pages that are not inside one organisation."""

from django.urls import path

from .views import invitations, organisation

urlpatterns = [
    path("new/", organisation.OrganisationCreateView.as_view(), name="organisation_create"),
    path("invitations/<str:token>/", invitations.InvitationAcceptView.as_view(), name="invitation_accept"),
]
