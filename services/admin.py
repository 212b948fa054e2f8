"""Django admin for catalogue staff: search, filters, every related list inline, import/export, history."""

import datetime

from django.contrib import admin
from django.db.models import Q
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats
from simple_history.admin import SimpleHistoryAdmin

from services import choices
from services.actions import SERVICE_PREFETCH, service_refresh_version
from services.admin_forms import CatalogueAdminForm
from services.admin_import import CatalogueImportExportMixin
from services.admin_resources import ServiceCookieResource, ServiceResource
from services.matching.domains import host_and_parents
from services.models import (
    ChecklistItem,
    DpiaConsideration,
    EuAlternative,
    FaqEntry,
    LegalBasis,
    Service,
    ServiceAlias,
    ServiceCookie,
    ServiceDomain,
    SubProcessor,
    VendorRole,
)

IMPORT_EXPORT_FORMATS = [base_formats.CSV, base_formats.XLSX, base_formats.JSON]


class CategoryFilter(admin.SimpleListFilter):
    title = _("category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return choices.ServiceCategory.choices

    def queryset(self, request, queryset):
        if self.value() in choices.ServiceCategory.values:
            # Matching the quoted value in the JSON text works on SQLite and PostgreSQL alike, and the quotes
            # keep "marketing" from matching "email-marketing".
            return queryset.filter(categories__icontains=f'"{self.value()}"')
        return queryset


class ReviewedBeforeFilter(admin.SimpleListFilter):
    """Entries last reviewed before a date: a preset, or any ?reviewed_before=YYYY-MM-DD."""

    title = _("last reviewed before")
    parameter_name = "reviewed_before"

    def lookups(self, request, model_admin):
        today = datetime.date.today()
        presets = [(90, _("3 months ago")), (180, _("6 months ago")), (365, _("12 months ago"))]
        options = [((today - datetime.timedelta(days=days)).isoformat(), label) for days, label in presets]
        value = self.value()
        if value and value not in dict(options) and parse_date(value):
            options.append((value, value))
        return options

    def queryset(self, request, queryset):
        value = parse_date(self.value() or "") if self.value() else None
        if value:
            return queryset.filter(last_reviewed__lt=value)
        return queryset


class PositionedInline(admin.TabularInline):
    form = CatalogueAdminForm
    extra = 0
    ordering = ["position", "pk"]


class AliasInline(PositionedInline):
    model = ServiceAlias


class DomainInline(PositionedInline):
    model = ServiceDomain
    fields = ["domain", "registrable_domain", "position"]
    readonly_fields = ["registrable_domain"]


class CookieInline(PositionedInline):
    model = ServiceCookie
    fields = [
        "name",
        "match",
        "storage",
        "categories",
        "is_session",
        "duration_seconds",
        "duration_text",
        "purpose",
        "domain",
        "first_party",
        "source",
        "position",
    ]


class VendorRoleInline(PositionedInline):
    model = VendorRole


class SubProcessorInline(PositionedInline):
    model = SubProcessor


class LegalBasisInline(PositionedInline):
    model = LegalBasis


class ChecklistItemInline(PositionedInline):
    model = ChecklistItem


class DpiaConsiderationInline(PositionedInline):
    model = DpiaConsideration


class FaqEntryInline(admin.StackedInline):
    model = FaqEntry
    form = CatalogueAdminForm
    extra = 0


class EuAlternativeInline(PositionedInline):
    model = EuAlternative
    fk_name = "service"
    autocomplete_fields = ["alternative_service"]


@admin.register(Service)
class ServiceAdmin(CatalogueImportExportMixin, SimpleHistoryAdmin):
    form = CatalogueAdminForm
    resource_classes = [ServiceResource]
    formats = IMPORT_EXPORT_FORMATS
    list_display = [
        "name",
        "slug",
        "consent_category",
        "risk_level",
        "transfers_outside_eea",
        "status",
        "version",
        "last_reviewed",
        "public_page",
    ]
    list_filter = [
        CategoryFilter,
        "consent_category",
        "risk_level",
        "transfers_outside_eea",
        "dpf_certified",
        "status",
        ReviewedBeforeFilter,
    ]
    search_fields = ["name", "slug", "aliases__name", "domains__domain", "cookies__name", "vendor_legal_entity"]
    search_help_text = _("Search by name, alias, domain (for example cdn.mypurecloud.com) or cookie name.")
    readonly_fields = ["version", "content_hash", "source_file_hash", "created_at", "updated_at", "public_page"]
    filter_horizontal = ["related_services"]
    list_per_page = 50
    inlines = [
        AliasInline,
        DomainInline,
        CookieInline,
        VendorRoleInline,
        SubProcessorInline,
        LegalBasisInline,
        ChecklistItemInline,
        DpiaConsiderationInline,
        FaqEntryInline,
        EuAlternativeInline,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "version", "last_reviewed", "public_page"]}),
        (
            _("Vendor"),
            {
                "fields": [
                    "vendor_legal_entity",
                    "vendor_city",
                    "vendor_country",
                    "website",
                    "privacy_policy_url",
                    "dpa_url",
                    "subprocessors_url",
                ]
            },
        ),
        (_("Classification"), {"fields": ["categories", "consent_category", "risk_level", "risk_rationale"]}),
        (
            _("Texts"),
            {
                "fields": [
                    "summary",
                    "description",
                    "personal_data_text",
                    "gdpr_implications",
                    "eprivacy_implications",
                    "ai_act_implications",
                    "transfers_text",
                    "consent_advice",
                    "tracking_method",
                    "server_location",
                ]
            },
        ),
        (_("Processing facts"), {"fields": ["personal_data_categories", "data_subject_categories", "regulations"]}),
        (
            _("Transfers"),
            {
                "fields": [
                    "transfers_outside_eea",
                    "transfer_destinations",
                    "transfer_safeguards",
                    "dpf_certified",
                    "eu_regions",
                    "transfer_notes",
                ]
            },
        ),
        (
            _("DPIA screening hints"),
            {
                "fields": [
                    "screening_ai_or_automated_decisions",
                    "screening_special_category_data",
                    "screening_systematic_monitoring",
                    "screening_large_scale",
                    "screening_innovative_technology",
                    "screening_transfers_outside_eea",
                ]
            },
        ),
        (
            _("Consent, security and retention"),
            {
                "fields": [
                    "consent_text",
                    "security_measures",
                    "certifications",
                    "data_retention",
                ]
            },
        ),
        (_("Provenance and links"), {"fields": ["sources", "related_services"]}),
        (
            _("Technical"),
            {
                "classes": ["collapse"],
                "fields": [
                    "content_hash",
                    "source_file_hash",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        parents = host_and_parents(term) if "." in term and " " not in term else []
        if parents:
            queryset |= self.model.objects.filter(Q(domains__domain__in=parents))
            may_have_duplicates = True
        return queryset, may_have_duplicates

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if obj.pk is None:
            return "-"
        label = _("View") if obj.is_published else _("Preview (draft)")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(pk=form.instance.pk)
        service_refresh_version(service=service, reason="Edited in the admin")


@admin.register(ServiceCookie)
class ServiceCookieAdmin(CatalogueImportExportMixin, SimpleHistoryAdmin):
    form = CatalogueAdminForm
    resource_classes = [ServiceCookieResource]
    formats = IMPORT_EXPORT_FORMATS
    list_display = ["name", "match", "storage", "service", "duration_text", "domain", "source"]
    list_filter = ["match", "storage", "source", "first_party", "is_session"]
    search_fields = ["name", "service__name", "domain"]
    list_select_related = ["service"]
    autocomplete_fields = ["service"]
    list_per_page = 100

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(pk=obj.service_id)
        service_refresh_version(service=service, reason=f"Cookie {obj.name} edited in the admin")

    def delete_model(self, request, obj):
        service_id = obj.service_id
        super().delete_model(request, obj)
        service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(pk=service_id)
        service_refresh_version(service=service, reason=f"Cookie {obj.name} deleted in the admin")
