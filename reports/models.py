"""Report jobs: one row per requested PDF, the source of truth for its state (not the broker)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet


def _new_file_token():
    return secrets.token_urlsafe(24)


def report_file_path(job, filename):
    """Storage path of a rendered file: a random token per job, so no path can be guessed from ids or names."""
    return f"reports/{job.file_token}/{filename}"


class ReportJobQuerySet(OrganisationQuerySet):
    def unfinished(self):
        """Jobs still queued or running."""
        return self.filter(status__in=[ReportJob.Status.QUEUED, ReportJob.Status.RUNNING])

    def lease_expired(self, now=None):
        """Running jobs whose worker stopped renewing its lease (the worker died or was killed)."""
        return self.filter(status=ReportJob.Status.RUNNING, lease_expires_at__lt=now or timezone.now())

    def stale_queued(self, cutoff):
        """Jobs queued before `cutoff` that no worker has claimed since (their message may be lost)."""
        return self.filter(status=ReportJob.Status.QUEUED, queued_at__lt=cutoff)

    def with_file_older_than(self, cutoff):
        """Succeeded jobs whose file was rendered before `cutoff`."""
        return self.filter(status=ReportJob.Status.SUCCEEDED, finished_at__lt=cutoff).exclude(file="")


class ReportJob(OrganisationOwnedModel):
    """A requested report of one kind, rendered to a PDF by a Celery worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=64)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file_token = models.CharField(max_length=64, unique=True, default=_new_file_token, editable=False)
    file = models.FileField(_("file"), upload_to=report_file_path, max_length=255, blank=True)
    file_name = models.CharField(_("file name"), max_length=150, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    lease_owner = models.CharField(_("lease owner"), max_length=200, blank=True)
    lease_expires_at = models.DateTimeField(_("lease expires"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file_deleted_at = models.DateTimeField(_("file deleted"), null=True, blank=True)

    # Progress and lease renewals are written with QuerySet.update(), which leaves no history row,
    # so the history holds the state changes only (queued, claimed, rendered, failed, file deleted).
    history = HistoricalRecords(excluded_fields=["file_token"])
    objects = ReportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"], name="reportjob_org_created_idx"),
            models.Index(fields=["status", "lease_expires_at"], name="reportjob_status_lease_idx"),
            models.Index(fields=["status", "queued_at"], name="reportjob_status_queued_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "file_token"], name="reportjob_unique_token_per_org"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="reportjob_progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def kind_label(self):
        from .kinds import kind_label

        return kind_label(self.kind)
