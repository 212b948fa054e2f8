"""Third-party host names of a service. A domain rule matches the host itself and its subdomains."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .service import Service


class ServiceDomain(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="domains", verbose_name=_("service"))
    domain = models.CharField(_("domain"), max_length=253, db_index=True)
    registrable_domain = models.CharField(
        _("registrable domain"),
        max_length=253,
        db_index=True,
        editable=False,
        help_text=_("The domain one level below its public suffix, from the Public Suffix List."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        constraints = [
            models.UniqueConstraint(fields=["service", "domain"], name="services_domain_unique_per_service"),
        ]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        from services.matching.domains import normalise_host, registrable_domain

        self.domain = normalise_host(self.domain)
        self.registrable_domain = registrable_domain(self.domain)
        super().save(*args, **kwargs)
