"""Reads of the DPIA app. Every function takes the organisation first and returns only its rows."""

from django.db.models import Prefetch

from organisations.access import owned_object_get_or_404
from organisations.models import Membership
from records.models import ProcessingActivity, VendorUse

from .models import Action, Dpia, Risk, Screening
from .screening import ActivityFacts, VendorHints


def activity_get(*, organisation, pk):
    """Return the organisation's processing activity `pk`, or raise Http404."""
    return owned_object_get_or_404(ProcessingActivity, organisation=organisation, pk=pk)


def vendor_uses_for_activity(*, organisation, activity):
    """Vendor uses linked to `activity` as recipients, with their catalogue entries' DPIA facts prefetched."""
    return list(
        VendorUse.objects.for_organisation(organisation)
        .filter(recipient_rows__activity=activity)
        .distinct()
        .select_related("service")
        .prefetch_related("service__subprocessors", "service__dpia_considerations")
        .order_by("vendor_name")
    )


def screening_inputs(*, organisation, activity):
    """Return (vendor hints, activity facts) for the screening of `activity`."""
    hints = []
    for use in vendor_uses_for_activity(organisation=organisation, activity=activity):
        service = use.service
        if service is None:
            continue
        hints.append(
            VendorHints(
                name=service.name,
                ai_or_automated_decisions=service.screening_ai_or_automated_decisions,
                special_category_data=service.screening_special_category_data,
                systematic_monitoring=service.screening_systematic_monitoring,
                large_scale=service.screening_large_scale,
                innovative_technology=service.screening_innovative_technology,
                transfers_outside_eea=service.screening_transfers_outside_eea or service.transfers_outside_eea,
                transfer_destinations=list(service.transfer_destinations or []),
            )
        )
    data_categories = list(activity.data_categories.all())
    facts = ActivityFacts(
        special_categories=any(category.special_category for category in data_categories),
        personal_data_categories={category.name for category in data_categories},
        data_subject_categories=set(activity.data_subject_categories or []),
    )
    return hints, facts


def screening_latest(*, organisation, activity):
    """Return the most recent screening of `activity` with its answers, or None."""
    return (
        Screening.objects.for_organisation(organisation)
        .filter(activity=activity)
        .prefetch_related("answers")
        .select_related("decided_by")
        .first()
    )


def dpia_get(*, organisation, pk):
    """Return the organisation's DPIA `pk` with everything a page or document needs, or raise Http404."""
    queryset = Dpia.objects.select_related("activity", "validator", "signed_by", "organisation").prefetch_related(
        "principles",
        Prefetch("risks", queryset=Risk.objects.order_by("position", "pk")),
        Prefetch("actions", queryset=Action.objects.select_related("owner")),
    )
    return owned_object_get_or_404(queryset, organisation=organisation, pk=pk)


def dpia_list(*, organisation):
    """Return the organisation's DPIAs, most recently updated first."""
    return Dpia.objects.for_organisation(organisation).select_related("activity", "validator").order_by("-updated_at")


def members_by_email(*, organisation):
    """Map of lower-cased e-mail address to user, for the organisation's members."""
    memberships = Membership.objects.for_organisation(organisation).select_related("user")
    return {membership.user.email.lower(): membership.user for membership in memberships}
