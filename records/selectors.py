"""Reads of the records app. Views, the API and exports obtain rows only through these functions."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from organisations.access import owned_object_get_or_404
from services.matching.domains import normalise_host
from services.models import Service, ServiceAlias

from .autofill import CATALOGUE_PREFETCH
from .choices import ChecklistStatus, TransferSafeguard, VendorUseStatus
from .models import (
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
from .models.checklist import OPEN_STATUSES

ACTIVITY_CHILDREN = ("purposes", "data_categories", "recipients", "transfers", "retention_periods")


def vendor_use_get(*, organisation, pk):
    """Return the organisation's vendor use `pk` with its catalogue service, or raise Http404."""
    queryset = VendorUse.objects.select_related("service", "owner").prefetch_related(
        *(f"service__{name}" for name in CATALOGUE_PREFETCH)
    )
    return owned_object_get_or_404(queryset, organisation=organisation, pk=pk)


def activity_get(*, organisation, pk):
    """Return the organisation's processing activity `pk` with its child rows, or raise Http404."""
    # The vendor is joined into the child queries, so the count stays the same whether or not rows link one.
    queryset = ProcessingActivity.objects.select_related("owner").prefetch_related(
        "purposes",
        "data_categories",
        Prefetch("recipients", queryset=ActivityRecipient.objects.select_related("vendor_use")),
        Prefetch("transfers", queryset=ActivityTransfer.objects.select_related("vendor_use")),
        "retention_periods",
    )
    return owned_object_get_or_404(queryset, organisation=organisation, pk=pk)


def task_get(*, organisation, pk):
    """Return the organisation's checklist task `pk`, or raise Http404."""
    queryset = ChecklistTask.objects.select_related("vendor_use", "assignee")
    return owned_object_get_or_404(queryset, organisation=organisation, pk=pk)


def processor_activity_get(*, organisation, pk):
    """Return the organisation's Art. 30(2) record `pk`, or raise Http404."""
    return owned_object_get_or_404(ProcessorActivity, organisation=organisation, pk=pk)


def _task_counts(prefix=""):
    today = timezone.localdate()
    closed = Q(**{f"{prefix}status__in": [ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE]})
    overdue = Q(**{f"{prefix}status__in": OPEN_STATUSES, f"{prefix}due_date__lt": today})
    field = prefix.rstrip("_") or "pk"
    return {
        "task_total": Count(field, distinct=True),
        "task_closed": Count(field, filter=closed, distinct=True),
        "task_overdue": Count(field, filter=overdue, distinct=True),
    }


def vendor_use_list(*, organisation, search="", status=""):
    """Return the organisation's vendor uses with checklist counts, by name."""
    queryset = (
        VendorUse.objects.for_organisation(organisation)
        .select_related("service", "owner")
        .annotate(**_task_counts("tasks__"))
        .order_by("vendor_name", "pk")
    )
    if search:
        queryset = queryset.filter(
            Q(vendor_name__icontains=search)
            | Q(vendor_legal_entity__icontains=search)
            | Q(departments__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def activity_list(*, organisation, search=""):
    """Return the organisation's processing activities, incomplete first, with the number of linked vendors."""
    queryset = (
        ProcessingActivity.objects.for_organisation(organisation)
        .select_related("owner")
        .annotate(vendor_count=Count("recipients__vendor_use", distinct=True))
        .incomplete_first()
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return queryset


def activities_for_export(*, organisation):
    """Return every processing activity of the organisation with all child rows prefetched, incomplete first."""
    return (
        ProcessingActivity.objects.for_organisation(organisation)
        .select_related("owner")
        .prefetch_related(
            *ACTIVITY_CHILDREN,
            Prefetch("recipients__vendor_use", queryset=VendorUse.objects.only("pk", "vendor_name", "dpa_url")),
        )
        .incomplete_first()
    )


def activities_of_vendor_use(*, organisation, vendor_use):
    """Return the processing activities `vendor_use` is a recipient of."""
    return (
        ProcessingActivity.objects.for_organisation(organisation)
        .filter(recipients__vendor_use=vendor_use)
        .distinct()
        .order_by("name")
    )


def activities_filled_from_vendor_use(*, organisation, vendor_use):
    """Return the activities that list `vendor_use` as a recipient or hold rows filled from its catalogue entry.

    The child rows are prefetched, so comparing every activity with the catalogue costs a fixed number of queries.
    """
    linked = Q(
        pk__in=ActivityRecipient.objects.filter(organisation=organisation, vendor_use=vendor_use).values("activity_id")
    )
    if vendor_use.service_id is not None:
        slug = vendor_use.service.slug
        for model in (ActivityPurpose, ActivityDataCategory, ActivityRecipient, ActivityTransfer, RetentionPeriod):
            rows = model.objects.filter(organisation=organisation, source__service=slug)
            linked |= Q(pk__in=rows.values("activity_id"))
    return (
        ProcessingActivity.objects.for_organisation(organisation)
        .filter(linked)
        .prefetch_related(*ACTIVITY_CHILDREN)
        .order_by("name", "pk")
    )


def task_list(*, organisation, status="", overdue_only=False):
    """Return the organisation's checklist tasks, overdue and open first."""
    queryset = ChecklistTask.objects.for_organisation(organisation).select_related("vendor_use", "assignee")
    if status:
        queryset = queryset.filter(status=status)
    if overdue_only:
        queryset = queryset.overdue()
    return queryset.order_by("due_date", "vendor_use__vendor_name", "position", "pk")


def checklist_progress(*, organisation):
    """Return the organisation's task counts: total, closed (done or not applicable), overdue, and the percentage."""
    counts = ChecklistTask.objects.for_organisation(organisation).aggregate(**_task_counts())
    total = counts["task_total"]
    counts["percent"] = round(100 * counts["task_closed"] / total) if total else 0
    return counts


def catalogue_search(query, *, limit=10):
    """Return published catalogue services whose name, alias, slug or domain contains `query`."""
    query = (query or "").strip()
    if len(query) < 2:
        return Service.objects.none()
    host = normalise_host(query)
    alias_ids = ServiceAlias.objects.filter(name__icontains=query).values("service_id")
    condition = Q(name__icontains=query) | Q(slug__icontains=query) | Q(pk__in=alias_ids)
    if host and "." in host:
        condition |= Q(domains__domain__icontains=host)
    return Service.objects.published().filter(condition).distinct().order_by("name")[:limit]


def dashboard_figures(*, organisation):
    """Return the figures of the register dashboard, each from one aggregate query."""
    vendors = VendorUse.objects.for_organisation(organisation).current()
    risk_rows = vendors.values("service__risk_level").annotate(count=Count("pk")).order_by("service__risk_level")
    by_risk = {row["service__risk_level"] or "unknown": row["count"] for row in risk_rows}

    transfers = (
        ActivityTransfer.objects.for_organisation(organisation)
        .values("country", "safeguard")
        .annotate(count=Count("pk"), tia=Count("pk", filter=Q(tia_required=True)))
        .order_by("country", "safeguard")
    )
    activities = ProcessingActivity.objects.for_organisation(organisation)
    return {
        "vendors_by_risk": by_risk,
        "vendor_count": sum(by_risk.values()),
        "vendors_by_status": dict(
            VendorUse.objects.for_organisation(organisation).values_list("status").annotate(count=Count("pk"))
        ),
        "catalogue_updates": VendorUse.objects.for_organisation(organisation).catalogue_updated().count(),
        "transfers": list(transfers),
        "transfers_without_safeguard": sum(
            row["count"] for row in transfers if row["safeguard"] == TransferSafeguard.NONE
        ),
        "dpf_unchecked": ActivityTransfer.objects.for_organisation(organisation)
        .filter(safeguard=TransferSafeguard.DPF, dpf_checked_on__isnull=True)
        .count(),
        "checklist": checklist_progress(organisation=organisation),
        "activity_count": activities.count(),
        "incomplete_activities": list(activities.incomplete().order_by("-missing_count", "name")[:10]),
        "incomplete_count": activities.incomplete().count(),
        "dpia_missing": list(activities.dpia_missing().order_by("name")[:10]),
        "dpia_missing_count": activities.dpia_missing().count(),
        "active_vendor_count": VendorUse.objects.for_organisation(organisation)
        .filter(status=VendorUseStatus.ACTIVE)
        .count(),
    }
