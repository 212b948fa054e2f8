"""Third-party host names of a service. A domain rule matches the host itself and its subdomains."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .service import Service

# The host-name pattern of the catalogue schema (services/catalogue/schema.json, "domains").
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


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

    def clean(self):
        from services.matching.domains import normalise_host

        host = normalise_host(self.domain)
        if not _HOST.match(host):
            raise ValidationError(
                {"domain": _("Enter a host name such as cdn.example.com, without scheme, path or port.")}
            )
        self.domain = host
