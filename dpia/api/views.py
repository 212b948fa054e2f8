from django.db import IntegrityError, transaction
from django.db.models import F
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from organisations.api.base import OrganisationScopedModelViewSet, OrganisationScopedViewSetMixin

from ..actions import dpia_create
from ..models import Action, Dpia, PrincipleAssessment, Risk
from .serializers import (
    ActionSerializer,
    DpiaCreateSerializer,
    DpiaSerializer,
    PrincipleAssessmentSerializer,
    RiskSerializer,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The DPIA changed since lock_version was read. Fetch it again and reapply your change."
    default_code = "conflict"


def bump_lock_version(dpia_id):
    """Mark the DPIA as changed, so editors who loaded it earlier see a conflict instead of overwriting."""
    Dpia.objects.filter(pk=dpia_id).update(lock_version=F("lock_version") + 1)


class DpiaViewSet(OrganisationScopedModelViewSet):
    """DPIAs of the organisation. Creating one drafts it from the activity's record and the catalogue."""

    queryset = Dpia.objects.select_related("activity", "validator", "signed_by")
    serializer_class = DpiaSerializer
    filterset_fields = ["activity", "status"]
    search_fields = ["title"]
    ordering_fields = ["updated_at", "title"]

    @extend_schema(request=DpiaCreateSerializer, responses=DpiaSerializer)
    def create(self, request, *args, **kwargs):
        serializer = DpiaCreateSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        dpia = dpia_create(
            organisation=self.organisation, actor=request.user, activity=serializer.validated_data["activity"]
        )
        return Response(
            DpiaSerializer(dpia, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )

    def perform_update(self, serializer):
        lock_version = serializer.validated_data.pop("lock_version", None)
        if lock_version is None:
            raise ValidationError({"lock_version": "Send the lock_version read with the DPIA."})
        with transaction.atomic():
            updated = Dpia.objects.filter(pk=serializer.instance.pk, lock_version=lock_version).update(
                lock_version=F("lock_version") + 1
            )
            if not updated:
                raise Conflict
            serializer.instance.lock_version = lock_version + 1
            serializer.save()

    def perform_destroy(self, instance):
        if instance.versions.exists():
            raise ValidationError({"detail": "A DPIA with signed versions is evidence and cannot be deleted."})
        instance.delete()


class PrincipleAssessmentViewSet(
    OrganisationScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Assessments of the fundamental principles; every DPIA has one per principle."""

    queryset = PrincipleAssessment.objects.all()
    serializer_class = PrincipleAssessmentSerializer
    filterset_fields = ["dpia", "principle"]

    def perform_update(self, serializer):
        serializer.save()
        bump_lock_version(serializer.instance.dpia_id)


class RiskViewSet(OrganisationScopedModelViewSet):
    queryset = Risk.objects.all()
    serializer_class = RiskSerializer
    filterset_fields = ["dpia", "feared_event"]

    def perform_create(self, serializer):
        try:
            with transaction.atomic():
                serializer.save(organisation=self.organisation)
        except IntegrityError:
            raise ValidationError({"feared_event": "This DPIA already has a risk for this feared event."}) from None
        bump_lock_version(serializer.instance.dpia_id)

    def perform_update(self, serializer):
        serializer.save()
        bump_lock_version(serializer.instance.dpia_id)

    def perform_destroy(self, instance):
        if instance.feared_event != "custom":
            raise ValidationError({"detail": "The three feared events are part of every DPIA and cannot be deleted."})
        dpia_id = instance.dpia_id
        instance.delete()
        bump_lock_version(dpia_id)


class ActionViewSet(OrganisationScopedModelViewSet):
    queryset = Action.objects.select_related("owner")
    serializer_class = ActionSerializer
    filterset_fields = ["dpia", "status"]

    def perform_create(self, serializer):
        serializer.save(organisation=self.organisation)
        bump_lock_version(serializer.instance.dpia_id)

    def perform_update(self, serializer):
        serializer.save()
        bump_lock_version(serializer.instance.dpia_id)

    def perform_destroy(self, instance):
        dpia_id = instance.dpia_id
        instance.delete()
        bump_lock_version(dpia_id)
