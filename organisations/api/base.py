"""Base classes for organisation-scoped API endpoints under /api/v1/o/<org_slug>/."""

from rest_framework import permissions, viewsets

from ..access import membership_get_or_404
from ..roles import Role, role_at_least


class IsOrganisationMember(permissions.BasePermission):
    """Resolve the organisation from the URL; 404 for non-members, 403 for a role below the view's."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False

        membership = membership_get_or_404(user=request.user, org_slug=view.kwargs["org_slug"])
        view.membership = membership
        view.organisation = membership.organisation

        required = getattr(view, "required_role", Role.VIEWER)
        if request.method not in permissions.SAFE_METHODS:
            required = getattr(view, "write_role", Role.EDITOR)
        return role_at_least(membership.role, required)


class OrganisationScopedViewSetMixin:
    """Scoped `get_queryset`, `organisation` in the serializer context, and organisation set on create."""

    permission_classes = [permissions.IsAuthenticated, IsOrganisationMember]
    required_role = Role.VIEWER
    write_role = Role.EDITOR

    def get_queryset(self):
        return super().get_queryset().filter(organisation=self.organisation)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["organisation"] = getattr(self, "organisation", None)
        return context

    def perform_create(self, serializer):
        serializer.save(organisation=self.organisation)


class OrganisationScopedModelViewSet(OrganisationScopedViewSetMixin, viewsets.ModelViewSet):
    """CRUD on one organisation-owned model."""


class OrganisationScopedReadOnlyViewSet(OrganisationScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Read-only access to one organisation-owned model."""
