"""Guidance attached to a service: compliance checklist, DPIA considerations and FAQ, each ordered."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from services import choices

from .service import Service


class ChecklistItem(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="checklist_items", verbose_name=_("service")
    )
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return self.title


class DpiaConsideration(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="dpia_considerations", verbose_name=_("service")
    )
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=choices.DpiaConsiderationKind.choices,
        help_text=_("Where a DPIA draft puts it."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("DPIA consideration")
        verbose_name_plural = _("DPIA considerations")

    def __str__(self):
        return self.title


class FaqEntry(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="faq_entries", verbose_name=_("service")
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "position", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self):
        return self.question
