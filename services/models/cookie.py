"""Cookies and similar storage (local storage, pixels...) that a service sets."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from services import choices

from .fields import ChoiceListField
from .service import Service


class ServiceCookie(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cookies", verbose_name=_("service"))
    name = models.CharField(
        _("name"),
        max_length=200,
        db_index=True,
        help_text=_("The exact name, or for a prefix rule the fixed start of the name (for example _ga_)."),
    )
    match = models.CharField(
        _("match"), max_length=10, choices=choices.CookieMatch.choices, default=choices.CookieMatch.EXACT
    )
    storage = models.CharField(
        _("storage"), max_length=20, choices=choices.StorageKind.choices, default=choices.StorageKind.COOKIE
    )
    categories = ChoiceListField(_("consent categories"), choices_enum=choices.ConsentCategory)
    is_session = models.BooleanField(_("session"), default=False, help_text=_("Deleted when the browser closes."))
    duration_seconds = models.PositiveBigIntegerField(
        _("duration in seconds"), null=True, blank=True, help_text=_("Empty for session storage or when unknown.")
    )
    duration_text = models.CharField(_("duration as displayed"), max_length=100)
    purpose = models.TextField(_("purpose"))
    domain = models.CharField(
        _("setting domain"),
        max_length=253,
        blank=True,
        help_text=_("The domain that sets it. Empty when it is set on the website's own domain."),
    )
    first_party = models.BooleanField(
        _("first party"), default=False, help_text=_("The vendor's script sets it on the website's own domain.")
    )
    source = models.CharField(
        _("source"), max_length=30, choices=choices.CookieSource.choices, default=choices.CookieSource.STAFF
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("cookie")
        verbose_name_plural = _("cookies")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "name", "match", "storage", "domain"], name="services_cookie_unique_per_service"
            ),
            models.CheckConstraint(
                condition=~models.Q(is_session=True, duration_seconds__isnull=False),
                name="services_cookie_session_has_no_duration",
            ),
        ]
        indexes = [models.Index(fields=["match", "name"], name="services_cookie_match_name")]

    def __str__(self):
        return f"{self.name}*" if self.match == choices.CookieMatch.PREFIX else self.name

    def clean(self):
        errors = {}
        if self.is_session and self.duration_seconds is not None:
            errors["duration_seconds"] = _("Leave the duration empty for a session cookie.")
        if not self.categories:
            errors["categories"] = _("Choose at least one consent category.")
        if self.domain:
            from services.matching.domains import normalise_host

            self.domain = normalise_host(self.domain)
        if errors:
            raise ValidationError(errors)

    def category_labels(self):
        return self._meta.get_field("categories").labels(self.categories)
