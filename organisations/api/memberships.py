from rest_framework import serializers

from ..actions import membership_change_role, membership_remove
from ..models import Membership
from ..roles import Role
from .base import OrganisationScopedModelViewSet
from .errors import validation_errors_as_400


class MembershipSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "email", "full_name", "role", "created_at"]
        read_only_fields = ["id", "email", "full_name", "created_at"]


class MembershipViewSet(OrganisationScopedModelViewSet):
    """Members of the organisation. Every member lists them; admins change roles and remove members, and only
    owners grant, take or remove the owner role. The last owner cannot be demoted or removed."""

    queryset = Membership.objects.select_related("user").order_by("user__email")
    serializer_class = MembershipSerializer
    write_role = Role.ADMIN
    http_method_names = ["get", "patch", "delete", "head", "options"]
    search_fields = ["user__email", "user__full_name"]
    filterset_fields = ["role"]

    def perform_update(self, serializer):
        with validation_errors_as_400():
            serializer.instance = membership_change_role(
                organisation=self.organisation,
                actor=self.request.user,
                membership=serializer.instance,
                role=serializer.validated_data.get("role", serializer.instance.role),
            )

    def perform_destroy(self, instance):
        with validation_errors_as_400():
            membership_remove(organisation=self.organisation, actor=self.request.user, membership=instance)
