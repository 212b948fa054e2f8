"""Serializers of the catalogue API.

A service's detail is its catalogue document: the same shape as a data file under services/catalogue/data/,
with every optional key present, plus its version and links. Writes take the same document and are validated
against the same JSON schema as the data files.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from records.purposes import Purpose
from services import choices


class CatalogueVendorSerializer(serializers.Serializer):
    legal_entity = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))


class CatalogueRiskSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=choices.RiskLevel.choices)
    rationale = serializers.CharField()


class CatalogueTextsSerializer(serializers.Serializer):
    personal_data = serializers.CharField()
    gdpr_implications = serializers.CharField()
    eprivacy_implications = serializers.CharField()
    ai_act_implications = serializers.CharField(allow_blank=True)
    transfers = serializers.CharField()
    consent_advice = serializers.CharField()
    tracking_method = serializers.CharField()
    server_location = serializers.CharField()


class CatalogueVendorRoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=choices.VendorRoleKind.choices)
    scope = serializers.CharField()


class CatalogueSubProcessorSerializer(serializers.Serializer):
    name = serializers.CharField()
    purpose = serializers.CharField()
    country = serializers.CharField()
    condition = serializers.CharField(allow_blank=True)


class CatalogueLegalBasisSerializer(serializers.Serializer):
    basis = serializers.ChoiceField(choices=choices.LegalBasisKind.choices, help_text=_("Art. 6(1)(a) to (f) GDPR."))
    covers = serializers.CharField()
    purposes = serializers.ListField(
        child=serializers.ChoiceField(choices=Purpose.choices),
        required=False,
        help_text=_("Standard purposes this legal basis belongs to; empty when it applies to every purpose."),
    )


class CatalogueTransfersSerializer(serializers.Serializer):
    outside_eea = serializers.BooleanField()
    destinations = serializers.ListField(child=serializers.CharField())
    safeguards = serializers.ListField(child=serializers.ChoiceField(choices=choices.Safeguard.choices))
    dpf_certified = serializers.BooleanField()
    eu_regions = serializers.ListField(child=serializers.CharField())
    notes = serializers.CharField(allow_blank=True)


class CatalogueDurationSerializer(serializers.Serializer):
    session = serializers.BooleanField()
    seconds = serializers.IntegerField(allow_null=True, min_value=0)
    text = serializers.CharField()


class CatalogueCookieSerializer(serializers.Serializer):
    name = serializers.CharField()
    match = serializers.ChoiceField(choices=choices.CookieMatch.choices)
    storage = serializers.ChoiceField(choices=choices.StorageKind.choices)
    categories = serializers.ListField(child=serializers.ChoiceField(choices=choices.ConsentCategory.choices))
    duration = CatalogueDurationSerializer()
    purpose = serializers.CharField()
    domain = serializers.CharField(allow_blank=True)
    first_party = serializers.BooleanField()


class CatalogueChecklistItemSerializer(serializers.Serializer):
    title = serializers.CharField()
    detail = serializers.CharField(allow_blank=True)


class CatalogueDpiaConsiderationSerializer(serializers.Serializer):
    title = serializers.CharField()
    detail = serializers.CharField()
    kind = serializers.ChoiceField(choices=choices.DpiaConsiderationKind.choices)


class CatalogueScreeningSerializer(serializers.Serializer):
    ai_or_automated_decisions = serializers.BooleanField()
    special_category_data = serializers.BooleanField()
    systematic_monitoring = serializers.BooleanField()
    large_scale = serializers.BooleanField()
    innovative_technology = serializers.BooleanField()
    transfers_outside_eea = serializers.BooleanField()


class CatalogueDpiaSerializer(serializers.Serializer):
    considerations = CatalogueDpiaConsiderationSerializer(many=True)
    screening = CatalogueScreeningSerializer()


class CatalogueFaqSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()


class CatalogueEuAlternativeSerializer(serializers.Serializer):
    service = serializers.CharField(allow_null=True, help_text=_("Slug of the catalogue entry, when there is one."))
    name = serializers.CharField()
    country = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)


class CatalogueProvenanceSerializer(serializers.Serializer):
    sources = serializers.ListField(child=serializers.URLField())
    last_reviewed = serializers.DateField()


class ServiceDocumentSerializer(serializers.Serializer):
    """Every section of a catalogue entry, in the shape of its data file."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=choices.Status.choices)
    aliases = serializers.ListField(child=serializers.CharField())
    vendor = CatalogueVendorSerializer()
    website = serializers.URLField()
    privacy_policy_url = serializers.CharField(allow_blank=True)
    dpa_url = serializers.CharField(allow_blank=True)
    subprocessors_url = serializers.CharField(allow_blank=True)
    categories = serializers.ListField(child=serializers.ChoiceField(choices=choices.ServiceCategory.choices))
    consent_category = serializers.ChoiceField(choices=choices.ConsentCategory.choices)
    risk = CatalogueRiskSerializer()
    summary = serializers.CharField()
    description = serializers.CharField()
    texts = CatalogueTextsSerializer()
    personal_data_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=choices.PersonalDataCategory.choices)
    )
    data_subject_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=choices.DataSubjectCategory.choices)
    )
    vendor_roles = CatalogueVendorRoleSerializer(many=True)
    subprocessors = CatalogueSubProcessorSerializer(many=True)
    legal_bases = CatalogueLegalBasisSerializer(many=True)
    regulations = serializers.ListField(child=serializers.ChoiceField(choices=choices.Regulation.choices))
    transfers = CatalogueTransfersSerializer()
    domains = serializers.ListField(child=serializers.CharField())
    cookies = CatalogueCookieSerializer(many=True)
    checklist = CatalogueChecklistItemSerializer(many=True)
    dpia = CatalogueDpiaSerializer()
    security_measures = serializers.ListField(child=serializers.CharField())
    certifications = serializers.ListField(child=serializers.CharField())
    data_retention = serializers.CharField(allow_blank=True)
    consent_text = serializers.CharField()
    faq = CatalogueFaqSerializer(many=True)
    eu_alternatives = CatalogueEuAlternativeSerializer(many=True)
    related_services = serializers.ListField(child=serializers.SlugField())
    provenance = CatalogueProvenanceSerializer()


class ServiceDetailSerializer(ServiceDocumentSerializer):
    version = serializers.IntegerField(read_only=True)
    url = serializers.CharField(read_only=True, help_text=_("The public catalogue page."))
    updated_at = serializers.DateTimeField(read_only=True)


class ServiceListSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=choices.Status.choices)
    summary = serializers.CharField()
    vendor_legal_entity = serializers.CharField()
    vendor_country = serializers.CharField(source="vendor_country.code")
    categories = serializers.ListField(child=serializers.CharField())
    consent_category = serializers.CharField()
    risk_level = serializers.CharField()
    transfers_outside_eea = serializers.BooleanField()
    dpf_certified = serializers.BooleanField()
    last_reviewed = serializers.DateField()
    version = serializers.IntegerField()
    url = serializers.CharField(source="get_absolute_url")


class MatchItemSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[("host", _("Host name")), ("url", _("URL")), ("cookie", _("Cookie name"))])
    value = serializers.CharField(max_length=2048, trim_whitespace=True)
    domain = serializers.CharField(
        max_length=253,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("For a cookie: the domain that set it, when known."),
    )


class MatchRequestSerializer(serializers.Serializer):
    site = serializers.CharField(
        max_length=253,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The website's own host name, so that its first-party cookies are recognised."),
    )
    items = MatchItemSerializer(many=True, allow_empty=False, max_length=1000)


class CatalogueEvidenceSerializer(serializers.Serializer):
    rule = serializers.ChoiceField(choices=["domain", "cookie-exact", "cookie-prefix", "cookie-domain"])
    pattern = serializers.CharField()
    matched = serializers.CharField()
    note = serializers.CharField(required=False)


class MatchedServiceSerializer(serializers.Serializer):
    service = serializers.SlugField()
    name = serializers.CharField()
    confidence = serializers.ChoiceField(choices=["high", "medium", "low"])
    evidence = CatalogueEvidenceSerializer(many=True)
    cookie_categories = serializers.ListField(child=serializers.CharField(), required=False)


class MatchItemResultSerializer(serializers.Serializer):
    kind = serializers.CharField()
    value = serializers.CharField()
    domain = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=["matched", "unknown"])
    matches = MatchedServiceSerializer(many=True)


class MatchResponseSerializer(serializers.Serializer):
    results = MatchItemResultSerializer(many=True)
