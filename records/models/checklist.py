"""Compliance tasks of a vendor use, created from the catalogue entry's checklist."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import ChecklistStatus
from .base import check_same_organisation, evidence_upload_path

OPEN_STATUSES = (ChecklistStatus.TODO, ChecklistStatus.IN_PROGRESS)


class ChecklistTaskQuerySet(OrganisationQuerySet):
    def open(self):
        """Tasks still to do or in progress."""
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open tasks whose due date has passed."""
        return self.open().filter(due_date__lt=today or timezone.localdate())


class ChecklistTask(OrganisationOwnedModel):
    """One compliance task for one vendor use."""

    vendor_use = models.ForeignKey(
        "records.VendorUse", on_delete=models.CASCADE, related_name="tasks", verbose_name=_("vendor")
    )
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    status = models.CharField(_("status"), max_length=16, choices=ChecklistStatus.choices, default=ChecklistStatus.TODO)
    not_applicable_reason = models.TextField(_("why it does not apply"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    evidence_note = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=evidence_upload_path, max_length=255, blank=True)
    source = models.JSONField(
        _("source"), default=dict, blank=True, help_text=_("Catalogue entry and version this task came from.")
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = ChecklistTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklist task")
        verbose_name_plural = _("checklist tasks")
        ordering = ["vendor_use", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "vendor_use", "title"], name="records_checklisttask_unique_title_per_vendor"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.status == ChecklistStatus.NOT_APPLICABLE and not self.not_applicable_reason.strip():
            raise ValidationError({"not_applicable_reason": _("Give the reason why this task does not apply.")})
        check_same_organisation(self, self.vendor_use if self.vendor_use_id else None)

    def save(self, *args, **kwargs):
        check_same_organisation(self, self.vendor_use)
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None):
        return self.is_open and self.due_date is not None and self.due_date < (today or timezone.localdate())
