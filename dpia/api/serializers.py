from rest_framework import serializers

from organisations.scoping import OrganisationScopedSerializerMixin
from records.models import ProcessingActivity

from ..models import Action, Dpia, PrincipleAssessment, Risk


class DpiaSerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    activity = serializers.PrimaryKeyRelatedField(queryset=ProcessingActivity.objects.all())
    lock_version = serializers.IntegerField(
        help_text="The lock_version read with the DPIA. A write with an older value is rejected with 409."
    )

    class Meta:
        model = Dpia
        fields = [
            "id", "activity", "title", "status", "version", "lock_version", "validator",
            "description", "purposes", "stakeholders", "standards", "data_lifecycle", "supporting_assets",
            "ai_act_notes", "dpo_opinion", "data_subjects_views", "data_subjects_not_consulted_reason", "decision",
            "signed_by", "signed_at", "sources", "completed_steps", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "status", "version", "signed_by", "signed_at", "sources", "completed_steps", "created_at", "updated_at",
        ]  # fmt: skip

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            fields["activity"].read_only = True
        return fields


class DpiaCreateSerializer(OrganisationScopedSerializerMixin, serializers.Serializer):
    activity = serializers.PrimaryKeyRelatedField(queryset=ProcessingActivity.objects.all())


class PrincipleAssessmentSerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = PrincipleAssessment
        fields = ["id", "dpia", "principle", "assessment", "corrective_measures", "source"]
        read_only_fields = ["dpia", "principle", "source"]


class RiskSerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    dpia = serializers.PrimaryKeyRelatedField(queryset=Dpia.objects.all())

    class Meta:
        model = Risk
        fields = [
            "id", "dpia", "feared_event", "title", "risk_sources", "threats", "impacts", "measures",
            "severity_before", "likelihood_before", "severity_after", "likelihood_after", "sources", "position",
        ]  # fmt: skip
        read_only_fields = ["sources"]

    def validate(self, attrs):
        feared_event = attrs.get("feared_event", getattr(self.instance, "feared_event", None))
        title = attrs.get("title", getattr(self.instance, "title", ""))
        if feared_event == "custom" and not (title or "").strip():
            raise serializers.ValidationError({"title": "A risk other than the three feared events needs a title."})
        if (
            self.instance is not None
            and "feared_event" in attrs
            and attrs["feared_event"] != self.instance.feared_event
        ):
            raise serializers.ValidationError({"feared_event": "The feared event of a risk cannot change."})
        return attrs


class ActionSerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    dpia = serializers.PrimaryKeyRelatedField(queryset=Dpia.objects.all())

    class Meta:
        model = Action
        fields = ["id", "dpia", "measure", "owner", "due_date", "status", "source"]
        read_only_fields = ["source"]
