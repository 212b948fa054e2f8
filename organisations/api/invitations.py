from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from ..actions import invitation_create, invitation_resend, invitation_revoke
from ..models import Invitation
from ..roles import Role
from .base import OrganisationScopedModelViewSet
from .errors import validation_errors_as_400


class InvitationSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField(help_text="pending, accepted, revoked or expired.")
    invited_by = serializers.EmailField(source="invited_by.email", read_only=True, default=None)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "email",
            "role",
            "status",
            "invited_by",
            "created_at",
            "expires_at",
            "accepted_at",
            "revoked_at",
        ]
        read_only_fields = ["id", "status", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]

    def get_status(self, invitation) -> str:
        if invitation.accepted_at is not None:
            return "accepted"
        if invitation.revoked_at is not None:
            return "revoked"
        if invitation.is_expired:
            return "expired"
        return "pending"


class InvitationViewSet(OrganisationScopedModelViewSet):
    """Invitations of the organisation (admins and owners). POST sends one by e-mail, DELETE revokes it (the row
    stays for the audit trail) and POST .../resend/ e-mails a new link valid for another INVITATION_MAX_AGE_DAYS."""

    queryset = Invitation.objects.select_related("invited_by").order_by("-created_at")
    serializer_class = InvitationSerializer
    required_role = Role.ADMIN
    write_role = Role.ADMIN
    http_method_names = ["get", "post", "delete", "head", "options"]
    filterset_fields = ["role"]
    search_fields = ["email"]

    def perform_create(self, serializer):
        with validation_errors_as_400():
            serializer.instance = invitation_create(
                organisation=self.organisation,
                actor=self.request.user,
                email=serializer.validated_data["email"],
                role=serializer.validated_data.get("role", Role.VIEWER),
                base_url=self.request.build_absolute_uri("/"),
            )

    def destroy(self, request, *args, **kwargs):
        invitation = self.get_object()
        with validation_errors_as_400():
            invitation_revoke(organisation=self.organisation, actor=request.user, invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def resend(self, request, *args, **kwargs):
        invitation = self.get_object()
        with validation_errors_as_400():
            invitation = invitation_resend(
                organisation=self.organisation,
                actor=request.user,
                invitation=invitation,
                base_url=request.build_absolute_uri("/"),
            )
        return Response(self.get_serializer(invitation).data)
