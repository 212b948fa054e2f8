"""The "ropa" report kind: the record of processing activities as a PDF, rendered by the report pipeline."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from reports.kinds import ReportKind, register_kind
from reports.rendering.document import context_fingerprint

from .completeness import missing_item_labels, organisation_missing_items
from .exports.rows import activity_row, dpo_text, or_none_recorded
from .models import ProcessingActivity, ProcessorActivity
from .selectors import activities_for_export

MAX_ACTIVITIES = 2000


def ropa_context(organisation, parameters):
    """Controller details, one section per processing activity, and the Art. 30(2) records when kept."""
    ROPA.check_count("activities", ProcessingActivity.objects.for_organisation(organisation).count())

    organisation_missing = organisation_missing_items(organisation)
    sections = []
    for activity in activities_for_export(organisation=organisation):
        row = activity_row(activity, organisation, organisation_missing)
        sections.append({"id": f"activity-{activity.pk}", "row": row, "missing_count": activity.missing_count})
    sections.sort(key=lambda section: section["row"]["name"].casefold())
    processor_records = list(
        ProcessorActivity.objects.for_organisation(organisation)
        .order_by("controller_name", "pk")
        .values(
            "controller_name",
            "controller_contact",
            "controller_representative",
            "controller_dpo",
            "processing_categories",
            "sub_processors",
            "transfers",
            "transfer_documentation",
            "security_measures",
        )
    )
    latest = ProcessingActivity.objects.for_organisation(organisation).aggregate(latest=Max("updated_at"))["latest"]
    return {
        # Art. 30(1)(a) items that exist only where appointed: "None recorded" instead of a blank.
        "controller_representative": or_none_recorded(organisation.eu_representative),
        "controller_dpo": dpo_text(organisation),
        "sections": sections,
        "processor_records": processor_records,
        "organisation_missing": [str(label) for label in missing_item_labels(organisation_missing)],
        "data_timestamp": max(filter(None, [latest, organisation.updated_at])),
        "data_version": context_fingerprint(
            {"sections": [section["row"] for section in sections], "processor_records": processor_records}
        ),
    }


ROPA = register_kind(
    ReportKind(
        name="ropa",
        label=_("Record of processing activities"),
        description=_(
            "The Art. 30 GDPR record: controller details and one section per processing activity, with the "
            "records kept as a processor when there are any."
        ),
        build_context=ropa_context,
        template_name="records/pdf/ropa.html",
        orientation="portrait",
        max_items={"activities": MAX_ACTIVITIES},
    )
)
