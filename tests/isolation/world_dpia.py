"""Organisation-owned rows of the DPIA app for the isolation world."""

from django.utils import timezone

from dpia.actions import dpia_create, screening_record
from dpia.choices import Criterion
from dpia.document import dpia_to_document
from dpia.models import DpiaVersion
from dpia.selectors import dpia_get


def populate(world, organisation, user):
    sentinel = world.sentinel
    activity = world["activity"]

    answers = {criterion: {"met": True, "justification": f"Because {sentinel}"} for criterion in Criterion}
    world["screening"] = screening_record(
        organisation=organisation, actor=user, activity=activity, answers=answers, notes=f"Notes {sentinel}"
    )

    dpia = dpia_create(organisation=organisation, actor=user, activity=activity)
    dpia.description = f"Description {sentinel}"
    dpia.save()
    world["dpia"] = dpia
    world["dpia_risk"] = dpia.risks.first()
    world["dpia_risk"].threats = f"Threat {sentinel}"
    world["dpia_risk"].save()
    custom = dpia.risks.create(
        organisation=organisation, feared_event="custom", title=f"Own risk {sentinel}", position=9
    )
    world["dpia_custom_risk"] = custom
    world["dpia_principle"] = dpia.principles.first()
    world["dpia_action"] = dpia.actions.create(organisation=organisation, measure=f"Measure {sentinel}")
    world["dpia_version"] = DpiaVersion.objects.create(
        organisation=organisation,
        dpia=dpia,
        number=1,
        snapshot=dpia_to_document(dpia_get(organisation=organisation, pk=dpia.pk)),
        signed_by=user,
        signed_at=timezone.now(),
    )
