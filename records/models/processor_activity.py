"""A record kept by the organisation as a processor for another controller (Art. 30(2) GDPR)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import ActivityStatus


class ProcessorActivity(OrganisationOwnedModel):
    """Processing carried out on behalf of one controller.

    Art. 30(2) requires fewer items than Art. 30(1): no purposes, data subjects, recipients or retention.
    """

    controller_name = models.CharField(_("controller"), max_length=200)
    controller_contact = models.TextField(_("controller contact details"), blank=True)
    controller_representative = models.TextField(_("controller's EU representative"), blank=True)
    controller_dpo = models.CharField(_("controller's DPO"), max_length=254, blank=True)
    processing_categories = models.TextField(_("categories of processing"))
    sub_processors = models.TextField(_("sub-processors engaged"), blank=True)
    transfers = models.TextField(
        _("transfers to third countries"),
        blank=True,
        help_text=_("Destination countries or international organisations, one per line, with the safeguard."),
    )
    transfer_documentation = models.TextField(
        _("documentation of safeguards"),
        blank=True,
        help_text=_("Needed for transfers under the second subparagraph of Art. 49(1)."),
    )
    security_measures = models.TextField(_("technical and organisational security measures"), blank=True)
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("processing on behalf of a controller")
        verbose_name_plural = _("processing on behalf of controllers")
        ordering = ["controller_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "controller_name", "processing_categories"],
                name="records_processoractivity_unique_per_organisation",
            ),
        ]

    def __str__(self):
        return self.controller_name

    def get_absolute_url(self):
        return reverse("records:processor_activity_detail", kwargs={"org_slug": self.organisation.slug, "pk": self.pk})

    def missing_items(self):
        """Return the labels of the Art. 30(2) items still empty."""
        missing = []
        if not self.controller_contact.strip():
            missing.append(_("Art. 30(2)(a): controller contact details"))
        if not self.processing_categories.strip():
            missing.append(_("Art. 30(2)(b): categories of processing"))
        if not self.security_measures.strip():
            missing.append(_("Art. 30(2)(d): security measures"))
        return missing
