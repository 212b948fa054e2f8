from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .kinds import registered_kinds
from .models import ReportJob


class ReportJobSerializer(serializers.ModelSerializer):
    """A report job as the API returns it."""

    kind_label = serializers.SerializerMethodField()
    requested_by = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportJob
        fields = [
            "id", "kind", "kind_label", "parameters", "status", "progress", "attempts", "error",
            "requested_by", "created_at", "started_at", "finished_at", "page_count", "size", "sha256",
            "file_name", "download_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_kind_label(self, job) -> str:
        return str(job.kind_label)

    @extend_schema_field(serializers.EmailField(allow_null=True))
    def get_requested_by(self, job):
        return job.requested_by.email if job.requested_by else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_download_url(self, job):
        """Return the API download address once the file exists. Downloading it still needs the member's credentials."""
        if job.status != ReportJob.Status.SUCCEEDED or not job.file:
            return None
        url = reverse("reports_api:reportjob-download", kwargs={"org_slug": self.context["org_slug"], "pk": job.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ReportJobCreateSerializer(serializers.Serializer):
    """A report request: the kind and its parameters (language, pdf_variant and the kind's own)."""

    kind = serializers.ChoiceField(choices=[])
    parameters = serializers.JSONField(required=False, default=dict)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.name, kind.label) for kind in registered_kinds()]
