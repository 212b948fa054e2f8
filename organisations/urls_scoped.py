"""Organisation pages under /o/<org_slug>/."""

from django.urls import path

from .views import audit, invitations, members, organisation, ownership, settings

urlpatterns = [
    path("", organisation.OrganisationDashboardView.as_view(), name="organisation_dashboard"),
    path("settings/", settings.OrganisationSettingsView.as_view(), name="organisation_settings"),
    path("members/", members.MemberListView.as_view(), name="organisation_members"),
    path("members/<int:pk>/role/", members.MembershipRoleView.as_view(), name="membership_role"),
    path("members/<int:pk>/remove/", members.MembershipRemoveView.as_view(), name="membership_remove"),
    path("leave/", members.MembershipLeaveView.as_view(), name="organisation_leave"),
    path("invitations/", invitations.InvitationListView.as_view(), name="organisation_invitations"),
    path("invitations/<int:pk>/revoke/", invitations.InvitationRevokeView.as_view(), name="invitation_revoke"),
    path("invitations/<int:pk>/resend/", invitations.InvitationResendView.as_view(), name="invitation_resend"),
    path("transfer/", ownership.OrganisationTransferView.as_view(), name="organisation_transfer"),
    path("delete/", ownership.OrganisationDeleteView.as_view(), name="organisation_delete"),
    path("audit/", audit.AuditTrailView.as_view(), name="organisation_audit"),
]
