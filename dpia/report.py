"""The "dpia" report kind: a DPIA as a PDF through the report pipeline."""

from django.utils.translation import gettext_lazy as _

from reports.kinds import ReportInputError, ReportKind, register_kind
from reports.rendering.document import context_fingerprint

from .document import dpia_to_document
from .models import Dpia
from .risk_map import AXIS_TITLES, build_risk_map
from .selectors import dpia_get
from .steps import STEPS


def _clean_dpia_id(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ReportInputError(_("dpia_id must be the number of a DPIA, not “%(value)s”.") % {"value": value}) from None
    if number <= 0:
        raise ReportInputError(_("dpia_id must be a positive number."))
    return number


def dpia_report_context(organisation, parameters):
    """Everything the DPIA PDF shows; only `organisation`'s DPIA can be read."""
    if not Dpia.objects.for_organisation(organisation).filter(pk=parameters.get("dpia_id")).exists():
        raise ReportInputError(_("DPIA %(id)s was not found in this organisation.") % {"id": parameters.get("dpia_id")})
    dpia = dpia_get(organisation=organisation, pk=parameters["dpia_id"])
    risks = list(dpia.risks.all())
    DPIA_KIND.check_count("risks", len(risks))
    DPIA_KIND.check_count("actions", len(dpia.actions.all()))
    document = dpia_to_document(dpia)
    return {
        "dpia": dpia,
        "principles": list(dpia.principles.all()),
        "risks": risks,
        "actions": list(dpia.actions.all()),
        "versions": list(dpia.versions.select_related("signed_by").order_by("number")),
        "risk_map": build_risk_map(risks),
        "axis_titles": AXIS_TITLES,
        "steps": STEPS,
        "title": dpia.title,
        "data_timestamp": dpia.updated_at,
        "data_version": f"v{dpia.version}-{context_fingerprint(document)}",
    }


DPIA_KIND = register_kind(
    ReportKind(
        name="dpia",
        label=_("Data protection impact assessment"),
        description=_("A DPIA with its context, principles, risks and risk map, action plan, opinions and sign-off."),
        build_context=dpia_report_context,
        template_name="dpia/pdf/dpia.html",
        orientation="portrait",
        max_items={"risks": 200, "actions": 1000},
        parameters={"dpia_id": _clean_dpia_id},
    )
)
