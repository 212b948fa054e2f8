import django_filters
from django.utils.translation import gettext_lazy as _

from services import choices, selectors
from services.models import Service


class ServiceFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(
        method="filter_search", label=_("Name, alias, domain, cookie name or summary contains this text.")
    )
    category = django_filters.ChoiceFilter(
        choices=choices.ServiceCategory.choices, method="filter_category", label=_("Category")
    )
    risk_level = django_filters.ChoiceFilter(choices=choices.RiskLevel.choices)
    consent_category = django_filters.ChoiceFilter(choices=choices.ConsentCategory.choices)
    status = django_filters.ChoiceFilter(choices=choices.Status.choices, label=_("Status (drafts: staff only)"))
    transfers_outside_eea = django_filters.BooleanFilter()
    dpf_certified = django_filters.BooleanFilter()
    reviewed_before = django_filters.DateFilter(
        field_name="last_reviewed", lookup_expr="lt", label=_("Last reviewed before this date (YYYY-MM-DD).")
    )

    class Meta:
        model = Service
        fields = ["search", "category", "risk_level", "consent_category", "status", "transfers_outside_eea"]

    def filter_search(self, queryset, name, value):
        return selectors.service_search(queryset, value)

    def filter_category(self, queryset, name, value):
        return queryset.filter(categories__icontains=f'"{value}"')
