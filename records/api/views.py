"""API of the vendor register, the processing activities, the checklist tasks and the Art. 30(2) records."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from organisations.api.base import OrganisationScopedModelViewSet
from organisations.api.errors import validation_errors_as_400
from services.models import Service

from .. import actions, processor_actions
from ..activity_catalogue_update import vendor_use_activity_diffs
from ..activity_child_actions import activity_replace_child_rows
from ..autofill import CATALOGUE_PREFETCH
from ..manual_vendor_actions import manual_vendor_accept
from ..models import ChecklistTask, ProcessingActivity, ProcessorActivity, VendorUse
from ..models.vendor_use import CATALOGUE_FILLED_FIELDS
from .activity_diff import activity_diff_as_json
from .serializers import (
    ACTIVITY_CHILD_LISTS,
    AcceptProposalsSerializer,
    CatalogueApplySerializer,
    ChecklistTaskSerializer,
    ProcessingActivitySerializer,
    ProcessorActivitySerializer,
    VendorUseCreateSerializer,
    VendorUseSerializer,
)


class VendorUseViewSet(OrganisationScopedModelViewSet):
    """Vendors of the register. POST with `service` adds a catalogue entry, filled from the catalogue with its
    checklist; without it, a hand-added vendor. Changing a catalogue-filled field marks it as edited, so catalogue
    updates keep the value."""

    queryset = VendorUse.objects.select_related("service", "owner").prefetch_related(
        *(f"service__{name}" for name in CATALOGUE_PREFETCH)
    )
    serializer_class = VendorUseSerializer
    filterset_fields = ["status", "vendor_role"]
    search_fields = ["vendor_name", "vendor_legal_entity", "departments"]
    ordering = ["vendor_name", "pk"]

    def get_serializer_class(self):
        if self.action == "create":
            return VendorUseCreateSerializer
        return super().get_serializer_class()

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        slug = data.pop("service", None)
        accept = data.pop("accept_proposals", False)
        with validation_errors_as_400(), transaction.atomic():
            if slug:
                service = Service.objects.published().filter(slug=slug).first()
                if service is None:
                    raise serializers.ValidationError(
                        {"service": f"No published catalogue entry has the slug {slug!r}."}
                    )
                filled = {key: value for key, value in data.items() if key not in CATALOGUE_FILLED_FIELDS}
                vendor_use = actions.vendor_use_create_from_service(
                    organisation=self.organisation, service=service, actor=self.request.user, **filled
                )
                overrides = {key: value for key, value in data.items() if key in CATALOGUE_FILLED_FIELDS}
                if overrides:
                    vendor_use = actions.vendor_use_update(
                        organisation=self.organisation,
                        vendor_use=vendor_use,
                        actor=self.request.user,
                        changes=overrides,
                    )
                if accept:
                    actions.vendor_use_accept_proposals(
                        organisation=self.organisation, vendor_use=vendor_use, actor=self.request.user
                    )
            else:
                name = data.pop("vendor_name", "")
                if not name:
                    raise serializers.ValidationError(
                        {"vendor_name": "Give `service` (a catalogue slug) or `vendor_name` for a hand-added vendor."}
                    )
                vendor_use = actions.vendor_use_create_manual(
                    organisation=self.organisation, actor=self.request.user, vendor_name=name, **data
                )
        serializer.instance = vendor_use

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        output = VendorUseSerializer(serializer.instance, context=self.get_serializer_context())
        return Response(output.data, status=201)

    def perform_update(self, serializer):
        with validation_errors_as_400():
            serializer.instance = actions.vendor_use_update(
                organisation=self.organisation,
                vendor_use=self.get_object(),
                actor=self.request.user,
                changes=dict(serializer.validated_data),
            )

    def perform_destroy(self, instance):
        actions.vendor_use_delete(organisation=self.organisation, vendor_use=instance, actor=self.request.user)

    @extend_schema(request=None, responses={200: dict})
    @action(detail=True, methods=["get"], url_path="catalogue-diff")
    def catalogue_diff(self, request, *args, **kwargs):
        """Field-by-field differences with the catalogue entry as it is now, and per filled activity the rows to add,
        change or remove. Rows the user edited are listed under `kept` and cannot be chosen."""
        vendor_use = self.get_object()
        diff = actions.vendor_use_catalogue_diff(vendor_use)
        if diff is None:
            return Response({"detail": "This vendor was added by hand and has no catalogue entry."}, status=404)
        return Response(
            {
                "from_version": diff.from_version,
                "to_version": diff.to_version,
                "changes": [
                    {
                        "field": change.field,
                        "current": change.current,
                        "catalogue": change.catalogue,
                        "edited_by_user": change.edited_by_user,
                    }
                    for change in diff.changes
                ],
                "new_tasks": diff.new_tasks,
                "activities": [
                    activity_diff_as_json(activity_diff)
                    for activity_diff in vendor_use_activity_diffs(
                        organisation=self.organisation, vendor_use=vendor_use
                    )
                ],
            }
        )

    @extend_schema(request=CatalogueApplySerializer, responses={200: VendorUseSerializer})
    @action(detail=True, methods=["post"], url_path="catalogue-apply")
    def catalogue_apply(self, request, *args, **kwargs):
        """Take the chosen catalogue values (never a field the user edited) and activity rows, and mark the update
        reviewed. A choice that is no longer proposed rejects the whole request."""
        payload = CatalogueApplySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        with validation_errors_as_400():
            vendor_use = actions.vendor_use_catalogue_apply(
                organisation=self.organisation,
                vendor_use=self.get_object(),
                actor=request.user,
                fields=payload.validated_data["fields"],
                add_new_tasks=payload.validated_data["add_new_tasks"],
                activity_choices=payload.validated_data["activity_changes"],
                expected_version=payload.validated_data["catalogue_version"],
            )
        return Response(VendorUseSerializer(vendor_use, context=self.get_serializer_context()).data)

    @extend_schema(request=AcceptProposalsSerializer, responses={200: ProcessingActivitySerializer(many=True)})
    @action(detail=True, methods=["post"], url_path="accept-proposals")
    def accept_proposals(self, request, *args, **kwargs):
        """Create or link the proposed processing activities and fill them from the catalogue.

        A hand-added vendor is linked to the activity given as `activity`, or to a new one named after its purpose
        of use, and fills only its recipient and transfer rows."""
        payload = AcceptProposalsSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        vendor_use = self.get_object()
        with validation_errors_as_400():
            if vendor_use.is_from_catalogue:
                activities = actions.vendor_use_accept_proposals(
                    organisation=self.organisation,
                    vendor_use=vendor_use,
                    actor=request.user,
                    purpose_keys=payload.validated_data["purpose_keys"],
                )
            else:
                activities = [
                    manual_vendor_accept(
                        organisation=self.organisation,
                        vendor_use=vendor_use,
                        actor=request.user,
                        activity_id=payload.validated_data["activity"],
                    )
                ]
        queryset = ProcessingActivityViewSet.queryset.filter(
            organisation=self.organisation, pk__in=[activity.pk for activity in activities]
        )
        return Response(ProcessingActivitySerializer(queryset, many=True, context=self.get_serializer_context()).data)


class ProcessingActivityViewSet(OrganisationScopedModelViewSet):
    """Processing activities (Art. 30(1)) with their child rows, incomplete first. A child list sent with POST, PUT
    or PATCH replaces the stored list: rows are matched by their key, and a pre-filled row whose values change is
    marked as edited, so catalogue updates keep it."""

    queryset = ProcessingActivity.objects.select_related("owner").prefetch_related(*ACTIVITY_CHILD_LISTS)
    serializer_class = ProcessingActivitySerializer
    filterset_fields = ["status", "dpia_required"]
    search_fields = ["name", "description"]

    def get_queryset(self):
        return super().get_queryset().order_by("-missing_count", "name", "pk")

    def _save(self, serializer, activity):
        data = dict(serializer.validated_data)
        children = {name: data.pop(name) for name in list(data) if name in ACTIVITY_CHILD_LISTS}
        with validation_errors_as_400(), transaction.atomic():
            if activity is None:
                activity = actions.activity_create(
                    organisation=self.organisation, actor=self.request.user, name=data.pop("name", ""), **data
                )
            elif data:
                activity = actions.activity_update(
                    organisation=self.organisation, activity=activity, actor=self.request.user, changes=data
                )
            for name, rows in children.items():
                model, child_serializer, _unique_fields = ACTIVITY_CHILD_LISTS[name]
                meta = child_serializer.Meta
                activity_replace_child_rows(
                    organisation=self.organisation,
                    activity=activity,
                    actor=self.request.user,
                    model=model,
                    rows=rows,
                    fields=[field for field in meta.fields if field not in meta.read_only_fields],
                )
            actions.activity_refresh_completeness(activity=self.get_queryset().get(pk=activity.pk))
        serializer.instance = self.get_queryset().get(pk=activity.pk)

    def perform_create(self, serializer):
        self._save(serializer, None)

    def perform_update(self, serializer):
        self._save(serializer, self.get_object())

    def perform_destroy(self, instance):
        processor_actions.activity_delete(organisation=self.organisation, activity=instance, actor=self.request.user)


class ChecklistTaskViewSet(OrganisationScopedModelViewSet):
    """Checklist tasks of the register's vendors. A task marked not-applicable needs a reason."""

    queryset = ChecklistTask.objects.select_related("vendor_use", "assignee").order_by(
        "vendor_use__vendor_name", "position", "pk"
    )
    serializer_class = ChecklistTaskSerializer
    filterset_fields = ["status", "vendor_use"]
    search_fields = ["title"]

    def perform_create(self, serializer):
        with validation_errors_as_400():
            serializer.save(organisation=self.organisation)

    def perform_update(self, serializer):
        changes = {key: value for key, value in serializer.validated_data.items() if key != "vendor_use"}
        with validation_errors_as_400():
            serializer.instance = actions.checklist_task_update(
                organisation=self.organisation, task=self.get_object(), actor=self.request.user, changes=changes
            )


class ProcessorActivityViewSet(OrganisationScopedModelViewSet):
    """Records of processing carried out on behalf of other controllers (Art. 30(2))."""

    queryset = ProcessorActivity.objects.select_related("owner").order_by("controller_name", "pk")
    serializer_class = ProcessorActivitySerializer
    search_fields = ["controller_name", "processing_categories"]

    def perform_create(self, serializer):
        record = ProcessorActivity(**serializer.validated_data)
        serializer.instance = processor_actions.processor_activity_save(
            organisation=self.organisation, record=record, actor=self.request.user
        )

    def perform_update(self, serializer):
        record = self.get_object()
        for field, value in serializer.validated_data.items():
            setattr(record, field, value)
        serializer.instance = processor_actions.processor_activity_save(
            organisation=self.organisation, record=record, actor=self.request.user
        )

    def perform_destroy(self, instance):
        processor_actions.processor_activity_delete(
            organisation=self.organisation, record=instance, actor=self.request.user
        )
