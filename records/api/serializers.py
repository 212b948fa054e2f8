"""Serializers of the records API. Related rows are scoped to the organisation of the request."""

from django.contrib.auth import get_user_model
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from organisations.scoping import OrganisationScopedSerializerMixin, scope_queryset

from ..choices import VENDOR_SAFEGUARD_CHOICES
from ..models import (
    ActivityDataCategory,
    ActivityPurpose,
    ActivityRecipient,
    ActivityTransfer,
    ChecklistTask,
    ProcessingActivity,
    ProcessorActivity,
    RetentionPeriod,
    VendorUse,
)

User = get_user_model()


class MemberField(serializers.SlugRelatedField):
    """A member of the organisation, by e-mail address."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "email")
        kwargs.setdefault("queryset", User.objects.all())
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


class VendorUseSerializer(CountryFieldMixin, OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    service = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="Slug of the catalogue entry; null for a hand-added vendor."
    )
    owner = MemberField()
    transfer_safeguards = serializers.ListField(
        child=serializers.ChoiceField(choices=VENDOR_SAFEGUARD_CHOICES), required=False
    )
    needs_catalogue_review = serializers.BooleanField(read_only=True)

    class Meta:
        model = VendorUse
        fields = [
            "id", "service", "vendor_name", "vendor_legal_entity", "vendor_country", "vendor_website",
            "purpose_of_use", "departments", "owner", "status", "vendor_role", "dpa_signed_on", "dpa_url",
            "eu_region", "transfer_safeguards", "dpf_checked_on", "review_date", "notes", "catalogue_version",
            "needs_catalogue_review", "user_edited_fields", "provenance", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "id", "service", "catalogue_version", "needs_catalogue_review", "user_edited_fields", "provenance",
            "created_at", "updated_at",
        ]  # fmt: skip


class VendorUseCreateSerializer(VendorUseSerializer):
    """Input of POST: `service` (a catalogue slug) adds a catalogue vendor; without it, `vendor_name` is required."""

    service = serializers.SlugField(required=False, write_only=True)
    accept_proposals = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="Also create or link the proposed processing activities, filled from the catalogue.",
    )
    vendor_name = serializers.CharField(required=False, max_length=120)

    class Meta(VendorUseSerializer.Meta):
        fields = [*VendorUseSerializer.Meta.fields, "accept_proposals"]
        read_only_fields = [field for field in VendorUseSerializer.Meta.read_only_fields if field != "service"]


class CatalogueApplySerializer(serializers.Serializer):
    fields = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    add_new_tasks = serializers.BooleanField(required=False, default=False)
    activity_changes = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        default=list,
        help_text="`choice` values from the diff's `activities` to take: rows to add, change or remove.",
    )
    catalogue_version = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The diff's `to_version`; the request is rejected when the catalogue entry changed since.",
    )


class AcceptProposalsSerializer(serializers.Serializer):
    purpose_keys = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Purpose keys to take; omit to take every proposal.",
    )
    activity = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text=(
            "For a hand-added vendor only: id of the processing activity to link it to. Omit it to create an "
            "activity named after the vendor's purpose of use."
        ),
    )


class PurposeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPurpose
        fields = ["id", "purpose", "legal_basis", "legal_basis_note", "source"]
        read_only_fields = ["id", "source"]


class DataCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityDataCategory
        fields = ["id", "name", "special_category", "source"]
        read_only_fields = ["id", "source"]


class RecipientSerializer(CountryFieldMixin, OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = ActivityRecipient
        fields = ["id", "kind", "name", "vendor_use", "country", "note", "source"]
        read_only_fields = ["id", "source"]


class TransferSerializer(CountryFieldMixin, OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = ActivityTransfer
        fields = [
            "id", "country", "recipient", "vendor_use", "safeguard", "scc_module", "basis_note", "documentation_url",
            "tia_required", "dpf_checked_on", "dpf_certified_entity", "source",
        ]  # fmt: skip
        read_only_fields = ["id", "source"]


class RetentionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RetentionPeriod
        fields = ["id", "data_category", "applies_to", "period", "max_seconds", "source"]
        read_only_fields = ["id", "source"]


# Child lists of an activity: serializer field name, model, serializer, the key that must be unique per activity.
ACTIVITY_CHILD_LISTS = {
    "purposes": (ActivityPurpose, PurposeSerializer, ("purpose",)),
    "data_categories": (ActivityDataCategory, DataCategorySerializer, ("name",)),
    "recipients": (ActivityRecipient, RecipientSerializer, ("kind", "name")),
    "transfers": (ActivityTransfer, TransferSerializer, ("country", "recipient")),
    "retention_periods": (RetentionPeriod, RetentionSerializer, ("data_category",)),
}


class ProcessingActivitySerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    """A processing activity with its child rows. A child list sent on write replaces the stored list."""

    owner = MemberField()
    data_subject_categories = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    purposes = PurposeSerializer(many=True, required=False)
    data_categories = DataCategorySerializer(many=True, required=False)
    recipients = RecipientSerializer(many=True, required=False)
    transfers = TransferSerializer(many=True, required=False)
    retention_periods = RetentionSerializer(many=True, required=False)

    class Meta:
        model = ProcessingActivity
        fields = [
            "id", "name", "purpose_key", "description", "joint_controller", "purposes", "data_subject_categories",
            "data_categories", "recipients", "transfers", "retention_periods", "security_measures", "dpia_required",
            "dpia_reason", "dpia_link", "owner", "status", "next_review_date", "missing_items", "provenance",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "purpose_key", "missing_items", "provenance", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Nested serializers are built without the request's context, so their vendor fields are scoped here.
        organisation = self.context.get("organisation")
        if organisation is not None:
            for name in ("recipients", "transfers"):
                field = self.fields[name].child.fields["vendor_use"]
                field.queryset = scope_queryset(field.queryset, organisation)

    def validate(self, attrs):
        for name, (_model, _serializer, unique_fields) in ACTIVITY_CHILD_LISTS.items():
            seen = set()
            for row in attrs.get(name) or []:
                key = tuple(str(row.get(field, "")).strip().casefold() for field in unique_fields)
                if key in seen:
                    raise serializers.ValidationError(
                        {name: f"Two rows have the same {', '.join(unique_fields)}: {' / '.join(key)}."}
                    )
                seen.add(key)
        return attrs


class ChecklistTaskSerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    assignee = MemberField()
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = ChecklistTask
        fields = [
            "id", "vendor_use", "title", "detail", "position", "status", "not_applicable_reason", "assignee",
            "due_date", "evidence_note", "evidence_url", "is_overdue", "source", "completed_at", "created_at",
            "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "is_overdue", "source", "completed_at", "created_at", "updated_at"]

    def get_is_overdue(self, task) -> bool:
        return task.is_overdue()

    def validate(self, attrs):
        status = attrs.get("status", getattr(self.instance, "status", None))
        reason = attrs.get("not_applicable_reason", getattr(self.instance, "not_applicable_reason", ""))
        if status == "not-applicable" and not (reason or "").strip():
            raise serializers.ValidationError(
                {"not_applicable_reason": "Give the reason why this task does not apply."}
            )
        if self.instance is not None and "vendor_use" in attrs and attrs["vendor_use"] != self.instance.vendor_use:
            raise serializers.ValidationError({"vendor_use": "A task cannot move to another vendor."})
        return attrs


class ProcessorActivitySerializer(OrganisationScopedSerializerMixin, serializers.ModelSerializer):
    owner = MemberField()

    class Meta:
        model = ProcessorActivity
        fields = [
            "id", "controller_name", "controller_contact", "controller_representative", "controller_dpo",
            "processing_categories", "sub_processors", "transfers", "transfer_documentation", "security_measures",
            "owner", "status", "next_review_date", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "created_at", "updated_at"]
