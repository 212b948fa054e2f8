"""A vendor the organisation uses: one catalogue service (or a hand-added vendor) and how it is used."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import VendorRole, VendorUseStatus
from .base import evidence_upload_path

# Fields that auto-fill takes from the catalogue entry; a user's edit of one of them is never overwritten.
CATALOGUE_FILLED_FIELDS = (
    "vendor_name",
    "vendor_legal_entity",
    "vendor_country",
    "vendor_website",
    "vendor_role",
    "dpa_url",
    "purpose_of_use",
    "eu_region",
    "transfer_safeguards",
)


class VendorUseQuerySet(OrganisationQuerySet):
    def active(self):
        """Vendor uses in operation (not evaluating, not retired)."""
        return self.filter(status=VendorUseStatus.ACTIVE)

    def current(self):
        """Vendor uses that are not retired."""
        return self.exclude(status=VendorUseStatus.RETIRED)

    def from_catalogue(self):
        """Vendor uses linked to a catalogue service."""
        return self.filter(service__isnull=False)

    def catalogue_updated(self):
        """Vendor uses filled from an older version of their catalogue entry."""
        return self.filter(service__isnull=False).exclude(catalogue_version=models.F("service__version"))


class VendorUse(OrganisationOwnedModel):
    """A vendor in the organisation's register, with the facts the records of processing need about it."""

    service = models.ForeignKey(
        "services.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("catalogue service"),
        help_text=_("Empty for a vendor added by hand."),
    )
    vendor_name = models.CharField(_("vendor name"), max_length=120)
    vendor_legal_entity = models.CharField(_("vendor legal entity"), max_length=200, blank=True)
    vendor_country = CountryField(_("vendor country"), blank=True)
    vendor_website = models.URLField(_("vendor website"), max_length=500, blank=True)

    purpose_of_use = models.TextField(_("what we use it for"), blank=True)
    departments = models.CharField(
        _("departments"), max_length=300, blank=True, help_text=_("Departments that use the vendor, comma-separated.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=VendorUseStatus.choices, default=VendorUseStatus.EVALUATING
    )
    vendor_role = models.CharField(
        _("vendor role"), max_length=32, choices=VendorRole.choices, default=VendorRole.PROCESSOR
    )
    dpa_signed_on = models.DateField(_("DPA signed on"), null=True, blank=True)
    dpa_url = models.URLField(_("DPA link"), max_length=500, blank=True)
    dpa_file = models.FileField(_("signed DPA"), upload_to=evidence_upload_path, max_length=255, blank=True)
    eu_region = models.CharField(_("EU region chosen"), max_length=120, blank=True)
    transfer_safeguards = models.JSONField(
        _("transfer safeguards relied on"),
        default=list,
        blank=True,
        help_text=_("Values of the transfer safeguard list (adequacy, dpf, scc, bcr, derogation)."),
    )
    dpf_checked_on = models.DateField(
        _("DPF certification checked on"),
        null=True,
        blank=True,
        help_text=_("Date the vendor's entry on the Data Privacy Framework list was last checked."),
    )
    review_date = models.DateField(_("next review"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    catalogue_version = models.PositiveIntegerField(
        _("catalogue version"), null=True, blank=True, help_text=_("Version of the catalogue entry last taken.")
    )
    user_edited_fields = models.JSONField(
        _("fields edited by a user"),
        default=list,
        blank=True,
        help_text=_("Names of catalogue-filled fields a user changed; catalogue updates leave them alone."),
    )
    provenance = models.JSONField(
        _("provenance"),
        default=dict,
        blank=True,
        help_text=_("Per field, the catalogue entry and version its value came from."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = VendorUseQuerySet.as_manager()

    class Meta:
        verbose_name = _("vendor use")
        verbose_name_plural = _("vendor uses")
        ordering = ["vendor_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "service"],
                condition=Q(service__isnull=False),
                name="records_vendoruse_unique_service_per_organisation",
            ),
            models.UniqueConstraint(
                "organisation",
                Lower("vendor_name"),
                condition=Q(service__isnull=True),
                name="records_vendoruse_unique_manual_name_per_organisation",
            ),
        ]

    def __str__(self):
        return self.vendor_name

    def get_absolute_url(self):
        return reverse("records:vendor_detail", kwargs={"org_slug": self.organisation.slug, "pk": self.pk})

    @property
    def is_from_catalogue(self):
        return self.service_id is not None

    @property
    def needs_catalogue_review(self):
        """Whether the catalogue entry changed since the values were taken from it."""
        return (
            self.service_id is not None
            and self.catalogue_version is not None
            and self.service.version != self.catalogue_version
        )

    def department_list(self):
        return [part.strip() for part in self.departments.split(",") if part.strip()]

    def safeguard_labels(self):
        from ..choices import TransferSafeguard

        labels = dict(TransferSafeguard.choices)
        return [labels.get(value, value) for value in self.transfer_safeguards]
