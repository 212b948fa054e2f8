"""Report jobs in the API: list, request, retrieve and download, under /api/v1/o/<org_slug>/reports/."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from organisations.api.base import OrganisationScopedViewSetMixin
from organisations.roles import Role

from .actions import report_request
from .models import ReportJob
from .selectors import report_job_file_response, report_job_list
from .serializers import ReportJobCreateSerializer, ReportJobSerializer


class PDFRenderer(BaseRenderer):
    """Lets clients send `Accept: application/pdf` to the download endpoint; the file itself bypasses it."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


class ReportJobViewSet(
    OrganisationScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Report jobs of the organisation. Members read and download, and request the kinds their role allows."""

    queryset = ReportJob.objects.all()
    # Creating a job is the only write, and report_request checks the kind's own request_role.
    write_role = Role.VIEWER
    serializer_class = ReportJobSerializer
    filterset_fields = ["status", "kind"]
    ordering_fields = ["created_at", "finished_at"]
    search_fields = []

    def get_queryset(self):
        return report_job_list(organisation=self.organisation)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["org_slug"] = self.kwargs["org_slug"]
        return context

    @extend_schema(request=ReportJobCreateSerializer, responses={202: ReportJobSerializer})
    def create(self, request, *args, **kwargs):
        """Request a report. The job is queued; poll it until its status is succeeded or failed."""
        serializer = ReportJobCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            job = report_request(
                organisation=self.organisation,
                actor=request.user,
                kind=serializer.validated_data["kind"],
                parameters=serializer.validated_data.get("parameters") or {},
                requester_role=self.membership.role,
            )
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages) from None
        output = ReportJobSerializer(job, context=self.get_serializer_context())
        return Response(output.data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF, as an attachment."),
            404: OpenApiResponse(description="No such job in this organisation, or its file does not exist."),
        }
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PDFRenderer])
    def download(self, request, *args, **kwargs):
        """Download the rendered PDF of a succeeded job."""
        return report_job_file_response(self.get_object())
