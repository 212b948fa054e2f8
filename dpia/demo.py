"""Demo data of the DPIA app: a screening and a drafted DPIA for the demo contact-centre activity."""

from dpia.actions import dpia_create, screening_record
from dpia.choices import Criterion
from dpia.models import Dpia, Screening
from dpia.screening import suggest_criteria
from dpia.selectors import screening_inputs
from records.models import ProcessingActivity

DEMO_VENDOR_SLUG = "genesys-cloud"


def seed(*, organisation, user):
    """Screen the activity that uses Genesys Cloud and draft its DPIA, unless that was done already."""
    activity = (
        ProcessingActivity.objects.for_organisation(organisation)
        .filter(recipients__vendor_use__service__slug=DEMO_VENDOR_SLUG)
        .order_by("pk")
        .first()
    )
    if activity is None:
        return ["No demo activity uses Genesys Cloud, so no DPIA was drafted."]

    messages = []
    if not Screening.objects.for_organisation(organisation).filter(activity=activity).exists():
        hints, facts = screening_inputs(organisation=organisation, activity=activity)
        suggestions = suggest_criteria(vendors=hints, facts=facts)
        answers = {criterion: {"met": criterion in suggestions.reasons, "justification": ""} for criterion in Criterion}
        screening = screening_record(organisation=organisation, actor=user, activity=activity, answers=answers)
        messages.append(f"Screened '{activity.name}': {screening.get_outcome_display()}.")

    if not Dpia.objects.for_organisation(organisation).filter(activity=activity).exists():
        dpia = dpia_create(organisation=organisation, actor=user, activity=activity)
        messages.append(f"Drafted DPIA {dpia.pk} for '{activity.name}'.")
    return messages
