"""The five wizard steps, in the order of the CNIL PIA method, and the required answers of each."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import FearedEvent


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str


STEPS = [
    Step(1, "context", gettext_lazy("Context")),
    Step(2, "principles", gettext_lazy("Fundamental principles")),
    Step(3, "risks", gettext_lazy("Risks")),
    Step(4, "action-plan", gettext_lazy("Action plan")),
    Step(5, "validation", gettext_lazy("Opinions and validation")),
]


def step_by_number(number):
    """Return the Step with `number`, or None."""
    return next((step for step in STEPS if step.number == number), None)


def step_problems(dpia, number):
    """Return the required answers still missing in step `number` of `dpia`, as messages."""
    problems = []
    if number == 1:
        if not dpia.description.strip():
            problems.append(_("Describe the processing."))
        if not dpia.purposes.strip():
            problems.append(_("List the purposes of the processing."))
        if not dpia.stakeholders.strip():
            problems.append(_("Name the controller and the processors."))
        if dpia.validator_id is None:
            problems.append(_("Choose the validator who will sign the DPIA."))
    elif number == 2:
        for principle in dpia.principles.all():
            if not principle.assessment.strip():
                problems.append(
                    _("Assess the principle “%(principle)s”.") % {"principle": principle.get_principle_display()}
                )
    elif number == 3:
        events = {risk.feared_event for risk in dpia.risks.all()}
        for event in (FearedEvent.ILLEGITIMATE_ACCESS, FearedEvent.UNWANTED_MODIFICATION, FearedEvent.DISAPPEARANCE):
            if event not in events:
                problems.append(_("The risk “%(risk)s” is missing.") % {"risk": event.label})
        for risk in dpia.risks.all():
            if not risk.is_scored:
                problems.append(
                    _("Score the severity and likelihood of “%(risk)s” before and after the measures.")
                    % {"risk": risk.label}
                )
            if not risk.measures.strip():
                problems.append(_("List the existing or planned measures for “%(risk)s”.") % {"risk": risk.label})
    elif number == 4:
        for action in dpia.actions.all():
            if action.status != "done" and action.due_date is None:
                problems.append(_("Give a due date to the measure “%(measure)s”.") % {"measure": action.measure[:80]})
    elif number == 5:
        if not dpia.dpo_opinion.strip():
            problems.append(_("Record the DPO's opinion."))
        if not dpia.data_subjects_views.strip() and not dpia.data_subjects_not_consulted_reason.strip():
            problems.append(_("Record the data subjects' views, or why they were not sought."))
        if not dpia.decision:
            problems.append(_("Record the decision."))
    return problems
