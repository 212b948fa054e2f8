"""Reads of the service catalogue."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from services.matching.domains import host_and_parents
from services.models import EuAlternative, Service, ServiceAlias, ServiceCookie, ServiceDomain

DETAIL_PREFETCH = [
    "aliases",
    "domains",
    "cookies",
    "vendor_roles",
    "subprocessors",
    "legal_bases",
    "checklist_items",
    "dpia_considerations",
    "faq_entries",
]


def service_search(queryset, term):
    """Entries whose name, slug, alias, domain, cookie name or summary contains `term`."""
    term = (term or "").strip()
    if not term:
        return queryset
    condition = (
        Q(name__icontains=term)
        | Q(slug__icontains=term)
        | Q(summary__icontains=term)
        | Q(vendor_legal_entity__icontains=term)
        | Q(pk__in=ServiceAlias.objects.filter(name__icontains=term).values("service_id"))
        | Q(pk__in=ServiceDomain.objects.filter(domain__icontains=term).values("service_id"))
        | Q(pk__in=ServiceCookie.objects.filter(name__icontains=term).values("service_id"))
    )
    parents = host_and_parents(term) if "." in term and " " not in term.strip() else []
    if parents:
        # A pasted URL or host finds the service whose domain rule covers it (cdn.vendor.com -> vendor.com).
        condition |= Q(pk__in=ServiceDomain.objects.filter(domain__in=parents).values("service_id"))
    return queryset.filter(condition)


def service_list(*, user, search="", category="", risk_level="", consent_category="", transfers_outside_eea=None):
    """Catalogue entries the user may see, filtered, ordered by name."""
    queryset = Service.objects.visible_to(user)
    queryset = service_search(queryset, search)
    if category:
        # The quoted value matches one JSON array item on SQLite and PostgreSQL alike.
        queryset = queryset.filter(categories__icontains=f'"{category}"')
    if risk_level:
        queryset = queryset.filter(risk_level=risk_level)
    if consent_category:
        queryset = queryset.filter(consent_category=consent_category)
    if transfers_outside_eea is not None:
        queryset = queryset.filter(transfers_outside_eea=transfers_outside_eea)
    return queryset.order_by("name", "pk")


def service_detail_queryset(*, user):
    """Entries the user may see, with every section prefetched (a fixed number of queries)."""
    visible = Service.objects.visible_to(user)
    return visible.prefetch_related(
        *DETAIL_PREFETCH,
        Prefetch(
            "eu_alternatives",
            queryset=EuAlternative.objects.select_related("alternative_service").order_by("position", "pk"),
        ),
        Prefetch("related_services", queryset=Service.objects.visible_to(user).order_by("name")),
    )


def service_get(*, user, slug):
    """Return the entry with this slug and every section.

    Raise Http404 when it is missing or is a draft the user may not see.
    """
    return get_object_or_404(service_detail_queryset(user=user), slug=slug)
