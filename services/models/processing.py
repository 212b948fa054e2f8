"""Processing facts of a service: the vendor's roles, its sub-processors and the legal bases."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from records.purposes import Purpose
from services import choices

from .fields import ChoiceListField
from .service import Service


class VendorRole(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="vendor_roles", verbose_name=_("service")
    )
    role = models.CharField(_("role"), max_length=30, choices=choices.VendorRoleKind.choices)
    scope = models.TextField(_("scope"), help_text=_("The processing for which the vendor has this role."))
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("vendor role")
        verbose_name_plural = _("vendor roles")

    def __str__(self):
        return self.get_role_display()


class SubProcessor(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="subprocessors", verbose_name=_("service")
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"))
    country = CountryField(_("country"))
    condition = models.CharField(
        _("condition"),
        max_length=300,
        blank=True,
        help_text=_("When the sub-processor is involved, if not always (for example when AI features are enabled)."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("sub-processor")
        verbose_name_plural = _("sub-processors")

    def __str__(self):
        return self.name


class LegalBasis(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="legal_bases", verbose_name=_("service")
    )
    basis = models.CharField(_("legal basis"), max_length=30, choices=choices.LegalBasisKind.choices)
    covers = models.TextField(_("covers"), help_text=_("The purposes or processing this legal basis covers."))
    purposes = ChoiceListField(
        _("activity purposes"),
        choices_enum=Purpose,
        help_text=_(
            "The standard purposes of processing activities this legal basis belongs to. Leave empty when it "
            "applies to every purpose of the service."
        ),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self):
        return self.get_basis_display()

    @property
    def purpose_labels(self):
        """Translated labels of the purposes this legal basis belongs to; empty when it applies to every purpose."""
        return self._meta.get_field("purposes").labels(self.purposes)
