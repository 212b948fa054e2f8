"""Writes of the DPIA app: screening, drafting, saving wizard steps, signing, versions and import."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from records.actions import activity_refresh_completeness

from .choices import Criterion, DpiaStatus, FearedEvent, Principle
from .document import dpia_to_document
from .drafting import draft_dpia
from .importing import apply_dpia_document
from .models import Action, Dpia, DpiaVersion, PrincipleAssessment, Risk, Screening, ScreeningAnswer
from .screening import screening_outcome, suggest_criteria
from .selectors import dpia_get, screening_inputs, vendor_uses_for_activity
from .steps import STEPS, step_problems

logger = logging.getLogger(__name__)


class ConcurrentEditError(Exception):
    """Someone else saved the DPIA after the editor loaded it."""


@transaction.atomic
def screening_record(*, organisation, actor, activity, answers, national_list_case="", notes=""):
    """Record a screening of `activity`.

    `answers` maps each Criterion to {"met": bool, "justification": str}. An answer that differs from the
    suggestion needs a justification. Updates the activity's DPIA flag and returns the Screening.
    """
    hints, facts = screening_inputs(organisation=organisation, activity=activity)
    suggestions = suggest_criteria(vendors=hints, facts=facts)

    errors = {}
    for criterion in Criterion:
        answer = answers.get(criterion, {"met": False, "justification": ""})
        suggested = criterion in suggestions.reasons
        if answer["met"] != suggested and not answer.get("justification", "").strip():
            errors[criterion.value] = _("Give a justification for changing the suggested answer.")
    if errors:
        raise ValidationError(errors)

    met = {criterion for criterion in Criterion if answers.get(criterion, {}).get("met")}
    outcome = screening_outcome(met_criteria=met, national_list_case=national_list_case.strip())
    factor_notes = "\n".join(suggestions.factors)
    screening = Screening.objects.create(
        organisation=organisation,
        activity=activity,
        outcome=outcome,
        national_list_case=national_list_case.strip(),
        notes="\n".join(part for part in (notes.strip(), factor_notes) if part),
        decided_by=actor,
    )
    for criterion in Criterion:
        answer = answers.get(criterion, {"met": False, "justification": ""})
        ScreeningAnswer.objects.create(
            organisation=organisation,
            screening=screening,
            criterion=criterion,
            met=answer["met"],
            suggested=criterion in suggestions.reasons,
            reason="\n".join(suggestions.reasons.get(criterion, [])),
            justification=answer.get("justification", "").strip(),
        )

    activity.dpia_required = outcome == "required"
    activity.dpia_reason = _("Screening of %(date)s: %(outcome)s") % {
        "date": timezone.localdate().isoformat(),
        "outcome": screening.get_outcome_display(),
    }
    activity.save(update_fields=["dpia_required", "dpia_reason", "updated_at"])

    logger.info("Screening %s of activity %s recorded: %s.", screening.pk, activity.pk, outcome)
    return screening


@transaction.atomic
def dpia_create(*, organisation, actor, activity):
    """Create a DPIA for `activity`, drafted from its record and its vendors' catalogue entries."""
    vendor_uses = vendor_uses_for_activity(organisation=organisation, activity=activity)
    draft = draft_dpia(activity=activity, vendor_uses=vendor_uses)

    dpia = Dpia(organisation=organisation, activity=activity, created_by=actor, sources=draft.sources)
    for name, value in draft.fields.items():
        setattr(dpia, name, value)
    dpia.validator = activity.owner
    dpia.save()

    for principle in Principle:
        entry = draft.principles[principle]
        PrincipleAssessment.objects.create(organisation=organisation, dpia=dpia, principle=principle, **entry)
    for position, (event, entry) in enumerate(draft.risks.items()):
        Risk.objects.create(organisation=organisation, dpia=dpia, feared_event=event, position=position, **entry)
    for entry in draft.actions:
        Action.objects.create(organisation=organisation, dpia=dpia, measure=entry["measure"], source=entry["source"])

    # Steps whose required questions the draft fills in count as complete, as after saving them in the wizard.
    for step in STEPS:
        _mark_step(dpia, step.number)
    dpia.save(update_fields=["completed_steps"])
    # The activity no longer lacks its DPIA.
    activity_refresh_completeness(activity=activity)
    logger.info("DPIA %s drafted for activity %s from %s vendors.", dpia.pk, activity.pk, len(vendor_uses))
    return dpia


def _claim_edit(dpia, lock_version):
    """Increase the lock version if it still equals `lock_version`; raise ConcurrentEditError otherwise.

    A signed DPIA being edited starts its next version, so the signed one stays frozen in DpiaVersion.
    """
    updated = Dpia.objects.filter(pk=dpia.pk, lock_version=lock_version).update(lock_version=F("lock_version") + 1)
    if not updated:
        raise ConcurrentEditError
    dpia.lock_version = lock_version + 1
    if dpia.status == DpiaStatus.SIGNED:
        dpia.status = DpiaStatus.DRAFT
        dpia.version += 1
        dpia.signed_by = None
        dpia.signed_at = None
        dpia.decision = ""


def _mark_step(dpia, step):
    problems = step_problems(dpia, step)
    completed = set(dpia.completed_steps or [])
    if problems:
        completed.discard(step)
    else:
        completed.add(step)
    dpia.completed_steps = sorted(completed)
    return problems


@transaction.atomic
def dpia_save_step(*, organisation, actor, dpia, step, lock_version, forms):
    """Save the valid `forms` of wizard `step` and return the list of required answers still missing.

    Raises ConcurrentEditError, saving nothing, when the DPIA changed since `lock_version` was read.
    """
    if dpia.organisation_id != organisation.id:
        raise PermissionDenied
    _claim_edit(dpia, lock_version)

    for form in forms:
        saved = form.save(commit=False)
        if isinstance(saved, list):
            for row in saved:
                row.organisation = organisation
                row.dpia = dpia
                row.save()
            for row in getattr(form, "deleted_objects", []):
                row.delete()
        elif saved is not dpia:
            saved.organisation = organisation
            saved.dpia = dpia
            saved.save()

    dpia.save()

    fresh = dpia_get(organisation=organisation, pk=dpia.pk)
    problems = _mark_step(fresh, step)
    fresh.save(update_fields=["completed_steps", "updated_at"])

    logger.info("DPIA %s step %s saved by user %s.", dpia.pk, step, actor.pk)
    return fresh, problems


@transaction.atomic
def risk_add_custom(*, organisation, actor, dpia, title, lock_version):
    """Add an organisation-specific risk to `dpia`, scored like the feared events."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the risk a title.")})
    _claim_edit(dpia, lock_version)
    position = (dpia.risks.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    risk = Risk.objects.create(
        organisation=organisation, dpia=dpia, feared_event=FearedEvent.CUSTOM, title=title[:200], position=position
    )
    _mark_step(dpia, 3)
    dpia.save()
    return risk


@transaction.atomic
def risk_delete(*, organisation, actor, dpia, risk, lock_version):
    """Delete an organisation-specific risk; the three feared events cannot be deleted."""
    if risk.feared_event != FearedEvent.CUSTOM:
        raise ValidationError(_("The three feared events are part of every DPIA and cannot be deleted."))
    _claim_edit(dpia, lock_version)
    risk.delete()
    dpia.save()


@transaction.atomic
def action_delete(*, organisation, actor, dpia, action, lock_version):
    """Remove a measure from the action plan."""
    _claim_edit(dpia, lock_version)
    action.delete()
    dpia.save()


@transaction.atomic
def dpia_sign(*, organisation, actor, dpia, lock_version):
    """Sign `dpia` as its designated validator and freeze it as a DpiaVersion."""
    if dpia.validator_id != actor.pk:
        raise PermissionDenied(_("Only the designated validator can sign this DPIA."))
    if dpia.status == DpiaStatus.SIGNED:
        raise ValidationError(_("This version is already signed."))
    missing = [str(step.title) for step in STEPS if step_problems(dpia, step.number)]
    if missing:
        raise ValidationError(_("Complete these steps before signing: %(steps)s.") % {"steps": ", ".join(missing)})
    updated = Dpia.objects.filter(pk=dpia.pk, lock_version=lock_version).update(lock_version=F("lock_version") + 1)
    if not updated:
        raise ConcurrentEditError
    dpia.lock_version = lock_version + 1

    dpia.status = DpiaStatus.SIGNED
    dpia.signed_by = actor
    dpia.signed_at = timezone.now()
    dpia.save()
    fresh = dpia_get(organisation=organisation, pk=dpia.pk)
    DpiaVersion.objects.create(
        organisation=organisation,
        dpia=dpia,
        number=dpia.version,
        snapshot=dpia_to_document(fresh),
        signed_by=actor,
        signed_at=dpia.signed_at,
    )

    activity = dpia.activity
    activity.dpia_required = True
    activity.save(update_fields=["dpia_required", "updated_at"])
    logger.info("DPIA %s version %s signed by user %s.", dpia.pk, dpia.version, actor.pk)
    return dpia


@transaction.atomic
def dpia_import(*, organisation, actor, dpia, data, members_by_email, lock_version):
    """Replace the content of `dpia` with an imported document (validated beforehand), all or nothing."""
    _claim_edit(dpia, lock_version)
    apply_dpia_document(dpia, data, members_by_email=members_by_email)
    dpia.save()
    logger.info("DPIA %s replaced by an imported document by user %s.", dpia.pk, actor.pk)
    return dpia
