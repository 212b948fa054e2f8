"""Import and export of catalogue services and cookies in the admin (CSV, XLSX, JSON).

Rows are validated with the models' own validation before anything is written, so the admin's preview lists
row errors; nothing is saved until staff confirm an import without errors.
"""

from import_export import fields, resources, widgets

from services import choices
from services.actions import SERVICE_PREFETCH, service_refresh_version
from services.models import Service, ServiceCookie


class ChoiceListWidget(widgets.Widget):
    """A list of choice values written as one cell, separated by commas ("analytics, marketing")."""

    def __init__(self, choices_enum=None, **kwargs):
        self.choices_enum = choices_enum
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return []
        if isinstance(value, list):
            items = [str(item).strip() for item in value]
        else:
            items = [item.strip() for item in str(value).split(",")]
        items = [item for item in items if item]
        if self.choices_enum is not None:
            allowed = set(self.choices_enum.values)
            unknown = [item for item in items if item not in allowed]
            if unknown:
                raise ValueError(f"unknown value(s) {', '.join(unknown)}; allowed values: {', '.join(sorted(allowed))}")
        return items

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or [])


class _VersionedResource(resources.ModelResource):
    """Raises the version of each published service an import really changed."""

    def service_ids_of(self, result):
        raise NotImplementedError

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        service_ids = self.service_ids_of(result)
        for service in Service.objects.filter(pk__in=service_ids).prefetch_related(*SERVICE_PREFETCH):
            service_refresh_version(service=service, reason="Changed by an admin import")


def _row_object_ids(result):
    return [row.object_id for row in result.rows if row.object_id is not None]


class ServiceResource(_VersionedResource):
    categories = fields.Field(
        attribute="categories", column_name="categories", widget=ChoiceListWidget(choices.ServiceCategory)
    )
    personal_data_categories = fields.Field(
        attribute="personal_data_categories",
        column_name="personal_data_categories",
        widget=ChoiceListWidget(choices.PersonalDataCategory),
    )
    data_subject_categories = fields.Field(
        attribute="data_subject_categories",
        column_name="data_subject_categories",
        widget=ChoiceListWidget(choices.DataSubjectCategory),
    )
    regulations = fields.Field(
        attribute="regulations", column_name="regulations", widget=ChoiceListWidget(choices.Regulation)
    )
    transfer_destinations = fields.Field(
        attribute="transfer_destinations", column_name="transfer_destinations", widget=ChoiceListWidget()
    )
    transfer_safeguards = fields.Field(
        attribute="transfer_safeguards", column_name="transfer_safeguards", widget=ChoiceListWidget(choices.Safeguard)
    )

    class Meta:
        model = Service
        import_id_fields = ("slug",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        fields = (
            "slug",
            "name",
            "status",
            "vendor_legal_entity",
            "vendor_city",
            "vendor_country",
            "website",
            "privacy_policy_url",
            "dpa_url",
            "subprocessors_url",
            "categories",
            "consent_category",
            "risk_level",
            "risk_rationale",
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
            "personal_data_categories",
            "data_subject_categories",
            "regulations",
            "transfers_outside_eea",
            "transfer_destinations",
            "transfer_safeguards",
            "dpf_certified",
            "transfer_notes",
            "consent_text",
            "data_retention",
            "last_reviewed",
            "version",
        )
        export_order = fields
        # The version is shown on export but only the catalogue itself raises it.
        readonly_fields = ("version",)

    def service_ids_of(self, result):
        return _row_object_ids(result)


class ServiceCookieResource(_VersionedResource):
    service = fields.Field(
        attribute="service", column_name="service", widget=widgets.ForeignKeyWidget(Service, field="slug")
    )
    categories = fields.Field(
        attribute="categories", column_name="categories", widget=ChoiceListWidget(choices.ConsentCategory)
    )

    class Meta:
        model = ServiceCookie
        import_id_fields = ("service", "name", "match", "storage", "domain")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        fields = (
            "service",
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
        )
        export_order = fields

    DEFAULTS = (("match", "exact"), ("storage", "cookie"), ("domain", ""), ("source", "staff"))

    def before_import(self, dataset, **kwargs):
        # A file typed by staff may leave out the columns that usually keep their default value.
        for key, default in self.DEFAULTS:
            if key not in (dataset.headers or []):
                dataset.append_col([default] * len(dataset), header=key)
        super().before_import(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        for key, default in self.DEFAULTS:
            if not row.get(key):
                row[key] = default

    def service_ids_of(self, result):
        return list(ServiceCookie.objects.filter(pk__in=_row_object_ids(result)).values_list("service_id", flat=True))
