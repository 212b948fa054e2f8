"""EU alternatives to a service: catalogue entries or named products with their country."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from .service import Service


class EuAlternative(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="eu_alternatives", verbose_name=_("service")
    )
    alternative_service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alternative_to",
        verbose_name=_("catalogue entry"),
        help_text=_("The catalogue entry of the alternative, when it is in the catalogue."),
    )
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("EU alternative")
        verbose_name_plural = _("EU alternatives")

    def __str__(self):
        return self.name
