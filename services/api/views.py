"""Catalogue API: anyone may read published entries; staff may also read drafts and write."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from services import actions, selectors
from services.api.filters import ServiceFilter
from services.api.serializers import (
    MatchRequestSerializer,
    MatchResponseSerializer,
    ServiceDetailSerializer,
    ServiceDocumentSerializer,
    ServiceListSerializer,
)
from services.catalogue.document import service_to_document
from services.matching.cache import get_index
from services.matching.matcher import Item, ItemKind, match_items
from services.models import Service


class IsStaffOrReadOnly(permissions.BasePermission):
    """Reads for everyone (the catalogue is public reference data); writes for staff only."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)


class ValidationErrorResponse(Response):
    def __init__(self, errors):
        super().__init__(
            {
                "detail": _("The catalogue entry is invalid; nothing was saved."),
                "errors": [{"pointer": error.pointer, "message": error.message} for error in errors],
            },
            status=status.HTTP_400_BAD_REQUEST,
        )


def _detail(service):
    document = service_to_document(service)
    document.update(version=service.version, url=service.get_absolute_url(), updated_at=service.updated_at)
    return ServiceDetailSerializer(document).data


@extend_schema_view(
    list=extend_schema(summary="List catalogue services", responses=ServiceListSerializer(many=True)),
    retrieve=extend_schema(summary="One catalogue service with every section", responses=ServiceDetailSerializer),
    create=extend_schema(
        summary="Create a catalogue service (staff)",
        request=ServiceDocumentSerializer,
        responses={201: ServiceDetailSerializer, 400: OpenApiResponse(description="Errors with JSON pointers.")},
    ),
    update=extend_schema(
        summary="Replace a catalogue service (staff)",
        request=ServiceDocumentSerializer,
        responses={200: ServiceDetailSerializer, 400: OpenApiResponse(description="Errors with JSON pointers.")},
    ),
    destroy=extend_schema(summary="Delete a catalogue service (staff)"),
)
class ServiceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsStaffOrReadOnly]
    lookup_field = "slug"
    filterset_class = ServiceFilter
    filter_backends = [DjangoFilterBackend]
    serializer_class = ServiceListSerializer
    http_method_names = ["get", "post", "put", "delete", "head", "options"]

    def get_queryset(self):
        if self.action == "list":
            return Service.objects.visible_to(self.request.user).order_by("name", "pk")
        return selectors.service_detail_queryset(user=self.request.user)

    def get_serializer_class(self):
        if self.action in {"create", "update"}:
            return ServiceDocumentSerializer
        if self.action == "retrieve":
            return ServiceDetailSerializer
        return ServiceListSerializer

    def retrieve(self, request, *args, **kwargs):
        return Response(_detail(self.get_object()))

    def create(self, request, *args, **kwargs):
        try:
            service, _created = actions.service_save_document(document=request.data, actor=request.user)
        except actions.CatalogueValidationError as error:
            return ValidationErrorResponse(error.errors)
        return Response(_detail(self._reload(service)), status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        self.get_object()
        try:
            service, _created = actions.service_save_document(
                document=request.data, actor=request.user, slug=self.kwargs["slug"]
            )
        except actions.CatalogueValidationError as error:
            return ValidationErrorResponse(error.errors)
        return Response(_detail(self._reload(service)))

    def perform_destroy(self, instance):
        actions.service_delete(service=instance, actor=self.request.user)

    def _reload(self, service):
        return get_object_or_404(selectors.service_detail_queryset(user=self.request.user), pk=service.pk)


class MatchView(APIView):
    """Attribute host names, URLs and cookies to catalogue services, with evidence and a confidence."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Match hosts, URLs and cookies to catalogue services",
        request=MatchRequestSerializer,
        responses=MatchResponseSerializer,
    )
    def post(self, request):
        serializer = MatchRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        items = [Item(ItemKind(item["kind"]), item["value"], item.get("domain", "")) for item in data["items"]]
        results = match_items(get_index(), items, site=data.get("site", ""))
        return Response({"results": [result.as_dict() for result in results]})
