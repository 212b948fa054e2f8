from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import ActionStatus, Decision, DpiaStatus, FearedEvent, Level, Principle


class DpiaQuerySet(OrganisationQuerySet):
    def signed(self):
        """DPIAs whose current version is signed."""
        return self.filter(status=DpiaStatus.SIGNED)


class Dpia(OrganisationOwnedModel):
    """A data protection impact assessment (Art. 35 GDPR) of one processing activity.

    `version` counts signed versions: a signed DPIA is frozen as a DpiaVersion, and the first edit after
    signing starts the next version. `lock_version` increases on every save and detects concurrent edits.
    """

    activity = models.ForeignKey(
        "records.ProcessingActivity",
        on_delete=models.PROTECT,
        related_name="dpias",
        verbose_name=_("processing activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=16, choices=DpiaStatus.choices, default=DpiaStatus.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    validator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validator"),
        help_text=_("The person responsible for the processing, who signs the DPIA."),
    )

    # 1. Context
    description = models.TextField(_("description of the processing"), blank=True)
    purposes = models.TextField(_("purposes"), blank=True)
    stakeholders = models.TextField(_("controller and processors"), blank=True)
    standards = models.TextField(_("applicable standards"), blank=True)
    data_lifecycle = models.TextField(_("data and its life cycle"), blank=True)
    supporting_assets = models.TextField(_("supporting assets"), blank=True)
    ai_act_notes = models.TextField(
        _("AI features and the EU AI Act"),
        blank=True,
        help_text=_("AI features or automated decisions of the vendors, and how the AI Act classifies them."),
    )

    # 5. Opinions and validation
    dpo_opinion = models.TextField(_("DPO's opinion"), blank=True)
    data_subjects_views = models.TextField(_("data subjects' views"), blank=True)
    data_subjects_not_consulted_reason = models.TextField(_("why data subjects' views were not sought"), blank=True)
    decision = models.CharField(_("decision"), max_length=32, choices=Decision.choices, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)

    # Where drafted values came from: field name -> description of the source.
    sources = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = DpiaQuerySet.as_manager()

    class Meta:
        verbose_name = _("DPIA")
        verbose_name_plural = _("DPIAs")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class PrincipleAssessment(OrganisationOwnedModel):
    """Assessment of one fundamental principle (part 2 of the CNIL PIA method)."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="principles")
    principle = models.CharField(_("principle"), max_length=32, choices=Principle.choices)
    assessment = models.TextField(_("assessment"), blank=True)
    corrective_measures = models.TextField(_("planned corrective measures"), blank=True)
    source = models.CharField(_("drafted from"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("principle assessment")
        verbose_name_plural = _("principle assessments")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "dpia", "principle"], name="principle_unique_per_dpia"),
        ]


class Risk(OrganisationOwnedModel):
    """A privacy risk: a feared event (or the organisation's own risk) scored before and after measures."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="risks")
    feared_event = models.CharField(_("feared event"), max_length=32, choices=FearedEvent.choices)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Required for other risks."))
    risk_sources = models.TextField(_("risk sources"), blank=True)
    threats = models.TextField(_("threats"), blank=True)
    impacts = models.TextField(_("potential impacts"), blank=True)
    measures = models.TextField(_("existing or planned measures"), blank=True)
    severity_before = models.PositiveSmallIntegerField(
        _("severity before measures"), choices=Level.choices, null=True, blank=True
    )
    likelihood_before = models.PositiveSmallIntegerField(
        _("likelihood before measures"), choices=Level.choices, null=True, blank=True
    )
    severity_after = models.PositiveSmallIntegerField(
        _("residual severity"), choices=Level.choices, null=True, blank=True
    )
    likelihood_after = models.PositiveSmallIntegerField(
        _("residual likelihood"), choices=Level.choices, null=True, blank=True
    )
    sources = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dpia", "feared_event"],
                condition=~models.Q(feared_event="custom"),
                name="risk_unique_feared_event_per_dpia",
            ),
        ]

    def __str__(self):
        return self.title or self.get_feared_event_display()

    @property
    def label(self):
        return str(self)

    @property
    def source_summary(self):
        """The distinct sources of the drafted fields, in order, as one line."""
        seen = []
        for origins in (self.sources or {}).values():
            for origin in origins:
                if origin not in seen:
                    seen.append(origin)
        return "; ".join(seen)

    @property
    def is_scored(self):
        return None not in (self.severity_before, self.likelihood_before, self.severity_after, self.likelihood_after)


class Action(OrganisationOwnedModel):
    """A measure of the action plan (part 4), with its owner, due date and status."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="actions")
    measure = models.TextField(_("measure"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    source = models.CharField(_("drafted from"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "pk"]


class DpiaVersion(OrganisationOwnedModel):
    """A signed DPIA frozen as a snapshot, the evidence kept for the supervisory authority."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("signed by")
    )
    signed_at = models.DateTimeField(_("signed"))

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("DPIA version")
        verbose_name_plural = _("DPIA versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "dpia", "number"], name="dpia_version_unique_number"),
        ]
