"""A processing activity of the controller's record (Art. 30(1) GDPR) and its child rows."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import (
    ActivityStatus,
    LegalBasis,
    RecipientKind,
    RetentionSubject,
    SccModule,
    SpecialCategory,
    TransferSafeguard,
)
from .base import check_same_organisation


class ProcessingActivityQuerySet(OrganisationQuerySet):
    def incomplete_first(self):
        """Records with the most missing Art. 30 items first, then by name."""
        return self.order_by("-missing_count", "name", "pk")

    def incomplete(self):
        """Records with at least one missing Art. 30 item."""
        return self.filter(missing_count__gt=0)

    def dpia_missing(self):
        """Records that need a DPIA (Art. 35) but have none: no DPIA in the DPIA app and no link to one elsewhere."""
        return self.filter(dpia_required=True, dpia_link="", dpias__isnull=True).distinct()

    def current(self):
        """Records that are not retired."""
        return self.exclude(status=ActivityStatus.RETIRED)


class ProcessingActivity(OrganisationOwnedModel):
    """One entry of the controller's record of processing activities.

    The controller, its representative and its DPO (Art. 30(1)(a)) come from the organisation's details;
    the other items are held here and in the child rows.
    """

    name = models.CharField(_("name"), max_length=200)
    purpose_key = models.CharField(
        _("purpose key"),
        max_length=64,
        blank=True,
        help_text=_("Standard purpose this activity was proposed for, so later vendors link to it."),
    )
    description = models.TextField(_("description"), blank=True)
    joint_controller = models.TextField(
        _("joint controller"), blank=True, help_text=_("Name and contact details, if the purposes are decided jointly.")
    )
    data_subject_categories = models.JSONField(_("categories of data subjects"), default=list, blank=True)
    security_measures = models.TextField(_("technical and organisational security measures"), blank=True)
    dpia_required = models.BooleanField(_("DPIA required"), default=False)
    dpia_reason = models.TextField(_("why a DPIA is (not) required"), blank=True)
    dpia_link = models.URLField(_("link to the DPIA"), max_length=500, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(_("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.DRAFT)
    next_review_date = models.DateField(_("next review"), null=True, blank=True)

    provenance = models.JSONField(
        _("provenance"),
        default=dict,
        blank=True,
        help_text=_("Per field, the catalogue entries and versions its value came from."),
    )
    # Kept up to date by the actions, so lists can order and filter by completeness without loading child rows.
    missing_items = models.JSONField(_("missing Art. 30 items"), default=list, blank=True, editable=False)
    missing_count = models.PositiveSmallIntegerField(_("missing items"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["missing_items", "missing_count"])
    objects = ProcessingActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("processing activity")
        verbose_name_plural = _("processing activities")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="records_activity_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("records:activity_detail", kwargs={"org_slug": self.organisation.slug, "pk": self.pk})

    @property
    def is_complete(self):
        return self.missing_count == 0


class ActivityChild(OrganisationOwnedModel):
    """Base of the rows that belong to one processing activity; subclasses declare the `activity` FK."""

    source = models.JSONField(
        _("source"), default=dict, blank=True, help_text=_("Catalogue entry and version this row was filled from.")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        check_same_organisation(self, self.activity if self.activity_id else None)

    def save(self, *args, **kwargs):
        check_same_organisation(self, self.activity)
        super().save(*args, **kwargs)


class ActivityPurpose(ActivityChild):
    """One purpose of the activity (Art. 30(1)(b)) and the legal basis it relies on (Art. 6(1))."""

    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.CASCADE, related_name="purposes", verbose_name=_("processing activity")
    )
    purpose = models.CharField(_("purpose"), max_length=500)
    legal_basis = models.CharField(_("legal basis"), max_length=32, choices=LegalBasis.choices, blank=True)
    legal_basis_note = models.TextField(
        _("legal basis details"),
        blank=True,
        help_text=_("For legitimate interests, the interest pursued and where the balancing test is kept."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("purpose")
        verbose_name_plural = _("purposes")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "activity", "purpose"], name="records_purpose_unique_per_activity"
            ),
        ]

    def __str__(self):
        return self.purpose


class ActivityDataCategory(ActivityChild):
    """A category of personal data (Art. 30(1)(c)), flagged when special (Art. 9) or criminal (Art. 10)."""

    activity = models.ForeignKey(
        ProcessingActivity,
        on_delete=models.CASCADE,
        related_name="data_categories",
        verbose_name=_("processing activity"),
    )
    name = models.CharField(_("category of personal data"), max_length=200)
    special_category = models.CharField(
        _("special category"), max_length=8, choices=SpecialCategory.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category of personal data")
        verbose_name_plural = _("categories of personal data")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "activity", "name"], name="records_datacategory_unique_per_activity"
            ),
        ]

    def __str__(self):
        return self.name


class ActivityRecipient(ActivityChild):
    """A recipient or category of recipients (Art. 30(1)(d)): a vendor acting as processor, or another body."""

    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("processing activity")
    )
    kind = models.CharField(_("type"), max_length=16, choices=RecipientKind.choices, default=RecipientKind.PROCESSOR)
    vendor_use = models.ForeignKey(
        "records.VendorUse",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="recipient_rows",
        verbose_name=_("vendor"),
    )
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["kind", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "activity", "kind", "name"], name="records_recipient_unique_per_activity"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_same_organisation(self, self.vendor_use if self.vendor_use_id else None)

    def save(self, *args, **kwargs):
        check_same_organisation(self, self.vendor_use)
        super().save(*args, **kwargs)


class ActivityTransfer(ActivityChild):
    """A transfer to a third country (Art. 30(1)(e)) and the safeguard it relies on (Chapter V GDPR)."""

    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("processing activity")
    )
    vendor_use = models.ForeignKey(
        "records.VendorUse",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transfer_rows",
        verbose_name=_("vendor"),
    )
    country = CountryField(_("destination country"))
    recipient = models.CharField(_("recipient"), max_length=200)
    safeguard = models.CharField(_("safeguard"), max_length=16, choices=TransferSafeguard.choices, blank=True)
    scc_module = models.CharField(_("SCC module"), max_length=2, choices=SccModule.choices, blank=True)
    basis_note = models.CharField(_("decision or basis"), max_length=300, blank=True)
    documentation_url = models.URLField(_("documentation link"), max_length=500, blank=True)
    tia_required = models.BooleanField(_("transfer impact assessment needed"), default=False)
    dpf_checked_on = models.DateField(_("DPF certification checked on"), null=True, blank=True)
    dpf_certified_entity = models.CharField(
        _("DPF certification relied on"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a transfer under the Data Privacy Framework: the organisation whose certification it relies on. "
            "Empty means the recipient itself; a vendor's name means the vendor passes the data on under its own "
            "certification."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["country", "recipient", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "activity", "country", "recipient"], name="records_transfer_unique_per_activity"
            ),
        ]

    def __str__(self):
        return f"{self.recipient} ({self.country})"

    def clean(self):
        super().clean()
        check_same_organisation(self, self.vendor_use if self.vendor_use_id else None)

    def save(self, *args, **kwargs):
        check_same_organisation(self, self.vendor_use)
        super().save(*args, **kwargs)


class RetentionPeriod(ActivityChild):
    """The envisaged time limit for erasure of one category of data (Art. 30(1)(f))."""

    activity = models.ForeignKey(
        ProcessingActivity,
        on_delete=models.CASCADE,
        related_name="retention_periods",
        verbose_name=_("processing activity"),
    )
    data_category = models.CharField(_("category of data"), max_length=200)
    applies_to = models.CharField(
        _("applies to"),
        max_length=16,
        choices=RetentionSubject.choices,
        default=RetentionSubject.PERSONAL_DATA,
        help_text=_(
            "Personal data: how long the records themselves are kept. Cookies and similar identifiers: how long "
            "they stay on the visitor's device, which says nothing about how long the data is kept."
        ),
    )
    period = models.CharField(_("retention period"), max_length=500)
    max_seconds = models.PositiveBigIntegerField(
        _("longest duration (seconds)"), null=True, blank=True, help_text=_("Empty when the period is a criterion.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "activity", "data_category"], name="records_retention_unique_per_activity"
            ),
        ]

    def __str__(self):
        return f"{self.data_category}: {self.period}"
