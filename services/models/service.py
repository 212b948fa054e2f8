"""A catalogue entry: one third-party service with everything a DPO needs to know about it.

Catalogue rows are shared reference data, read by every organisation and curated by staff, so they carry no
organisation.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from services import choices

from .fields import ChoiceListField, StringListField


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """Entries visible to the public."""
        return self.filter(status=choices.Status.PUBLISHED)

    def visible_to(self, user):
        """Published entries, plus drafts for staff."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()


class Service(models.Model):
    # Identity
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    vendor_legal_entity = models.CharField(_("vendor legal entity"), max_length=200)
    vendor_city = models.CharField(_("vendor headquarters city"), max_length=100)
    vendor_country = CountryField(_("vendor headquarters country"))
    website = models.URLField(_("website"), max_length=500)
    privacy_policy_url = models.URLField(_("privacy policy URL"), max_length=500, blank=True)
    dpa_url = models.URLField(_("data processing agreement URL"), max_length=500, blank=True)
    subprocessors_url = models.URLField(_("sub-processor list URL"), max_length=500, blank=True)

    # Classification
    categories = ChoiceListField(_("categories"), choices_enum=choices.ServiceCategory)
    consent_category = models.CharField(
        _("consent category"), max_length=20, choices=choices.ConsentCategory.choices, db_index=True
    )
    risk_level = models.CharField(_("risk level"), max_length=10, choices=choices.RiskLevel.choices, db_index=True)
    risk_rationale = models.TextField(_("risk rationale"))

    # Texts
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    personal_data_text = models.TextField(_("personal data collected"))
    gdpr_implications = models.TextField(_("GDPR implications"))
    eprivacy_implications = models.TextField(_("ePrivacy implications"))
    ai_act_implications = models.TextField(_("AI Act implications"), blank=True)
    transfers_text = models.TextField(_("data transfers and EU residency"))
    consent_advice = models.TextField(_("consent management advice"))
    tracking_method = models.TextField(_("tracking method"))
    server_location = models.TextField(_("server location"))

    # Structured processing facts
    personal_data_categories = ChoiceListField(
        _("categories of personal data"), choices_enum=choices.PersonalDataCategory
    )
    data_subject_categories = ChoiceListField(
        _("categories of data subjects"), choices_enum=choices.DataSubjectCategory
    )
    regulations = ChoiceListField(_("regulations"), choices_enum=choices.Regulation)

    # Transfers (Chapter V GDPR)
    transfers_outside_eea = models.BooleanField(_("transfers outside the EEA"), default=False, db_index=True)
    transfer_destinations = ChoiceListField(_("destination countries"), help_text=_("ISO 3166-1 alpha-2 codes."))
    transfer_safeguards = ChoiceListField(_("transfer safeguards"), choices_enum=choices.Safeguard)
    dpf_certified = models.BooleanField(
        _("EU-US DPF certified"),
        default=False,
        help_text=_("The US entity appears as active on the EU-US Data Privacy Framework list."),
    )
    eu_regions = StringListField(_("EU data-residency regions"))
    transfer_notes = models.TextField(_("transfer notes"), blank=True)

    # DPIA screening hints (Art. 35 GDPR and the EDPB criteria)
    screening_ai_or_automated_decisions = models.BooleanField(_("AI or automated decisions"), default=False)
    screening_special_category_data = models.BooleanField(_("possible special-category data"), default=False)
    screening_systematic_monitoring = models.BooleanField(_("systematic monitoring"), default=False)
    screening_large_scale = models.BooleanField(_("large-scale processing"), default=False)
    screening_innovative_technology = models.BooleanField(_("innovative technology"), default=False)
    screening_transfers_outside_eea = models.BooleanField(_("transfers outside the EEA"), default=False)

    consent_text = models.TextField(
        _("sample consent text"),
        help_text=_("May use the placeholders {organisation} and {privacy_contact}."),
    )
    security_measures = StringListField(_("security measures"))
    certifications = StringListField(_("certifications"))
    data_retention = models.TextField(_("data retention"), blank=True)

    # Provenance and lifecycle
    sources = StringListField(_("sources"), help_text=_("URLs that support the facts of this entry."))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty for a draft that nobody has reviewed yet (for example one created by a cookie import)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=choices.Status.choices, default=choices.Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Increases whenever a published entry changes.")
    )
    content_hash = models.CharField(
        _("content fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the entry's content, used to detect real changes."),
    )
    source_file_hash = models.CharField(
        _("data file fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the data file content when it was last loaded."),
    )
    related_services = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="related_from", verbose_name=_("related services")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["content_hash", "source_file_hash", "updated_at"])

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("catalogue service")
        verbose_name_plural = _("catalogue services")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:service_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == choices.Status.PUBLISHED

    def category_labels(self):
        return self._meta.get_field("categories").labels(self.categories)

    def personal_data_category_labels(self):
        return self._meta.get_field("personal_data_categories").labels(self.personal_data_categories)

    def data_subject_category_labels(self):
        return self._meta.get_field("data_subject_categories").labels(self.data_subject_categories)

    def regulation_labels(self):
        return self._meta.get_field("regulations").labels(self.regulations)

    def safeguard_labels(self):
        return self._meta.get_field("transfer_safeguards").labels(self.transfer_safeguards)

    def screening_hints(self):
        """Return (label, value) pairs of the DPIA screening hints."""
        names = [
            "screening_ai_or_automated_decisions",
            "screening_special_category_data",
            "screening_systematic_monitoring",
            "screening_large_scale",
            "screening_innovative_technology",
            "screening_transfers_outside_eea",
        ]
        return [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in names]


class ServiceAlias(models.Model):
    """Another name of a service (a former or product name), used for search and matching."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("service"))
    name = models.CharField(_("alias"), max_length=120, db_index=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="services_alias_unique_per_service")]

    def __str__(self):
        return self.name
