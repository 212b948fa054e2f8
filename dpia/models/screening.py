from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.tenancy import OrganisationOwnedModel, OrganisationQuerySet

from ..choices import Criterion, ScreeningOutcome


class Screening(OrganisationOwnedModel):
    """The recorded decision whether a processing activity needs a DPIA, with its reasons."""

    activity = models.ForeignKey(
        "records.ProcessingActivity",
        on_delete=models.CASCADE,
        related_name="dpia_screenings",
        verbose_name=_("processing activity"),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=ScreeningOutcome.choices)
    national_list_case = models.CharField(
        _("case on a national list"),
        max_length=300,
        blank=True,
        help_text=_("A processing type on the supervisory authority's Art. 35(4) list, if one applies."),
    )
    notes = models.TextField(_("notes"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("DPIA screening")
        verbose_name_plural = _("DPIA screenings")
        ordering = ["-decided_at", "-pk"]


class ScreeningAnswer(OrganisationOwnedModel):
    """One criterion of a screening: whether it is met, what suggested it and, if overridden, why."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="answers")
    criterion = models.CharField(_("criterion"), max_length=32, choices=Criterion.choices)
    met = models.BooleanField(_("met"), default=False)
    suggested = models.BooleanField(
        _("suggested"), default=False, help_text=_("Whether the catalogue or the activity's data suggested it.")
    )
    reason = models.TextField(_("reason"), blank=True)
    justification = models.TextField(
        _("justification"), blank=True, help_text=_("Required when the answer differs from the suggestion.")
    )

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("screening answer")
        verbose_name_plural = _("screening answers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "screening", "criterion"], name="screening_answer_unique_criterion"
            ),
        ]
