from rest_framework import generics, permissions, serializers

from ..actions import ORGANISATION_EDITABLE_FIELDS, organisation_update
from ..models import Organisation
from ..roles import Role
from .base import IsOrganisationMember
from .errors import validation_errors_as_400


class OrganisationSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField(help_text="The requesting user's role in this organisation.")

    class Meta:
        model = Organisation
        fields = ["slug", *ORGANISATION_EDITABLE_FIELDS, "role", "created_at", "updated_at"]
        read_only_fields = ["slug", "role", "created_at", "updated_at"]

    def get_role(self, organisation) -> str:
        return self.context["membership"].role


class OrganisationDetailView(generics.RetrieveUpdateAPIView):
    """The organisation and its controller details. Every member reads; admins and owners PATCH."""

    serializer_class = OrganisationSerializer
    permission_classes = [permissions.IsAuthenticated, IsOrganisationMember]
    required_role = Role.VIEWER
    write_role = Role.ADMIN
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return self.organisation

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["membership"] = getattr(self, "membership", None)
        return context

    def perform_update(self, serializer):
        with validation_errors_as_400():
            serializer.instance = organisation_update(
                organisation=self.organisation, actor=self.request.user, **serializer.validated_data
            )
