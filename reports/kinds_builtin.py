"""Report kinds that belong to the reports app itself: the organisation summary and the report register."""

from django.utils.translation import gettext_lazy as _

from organisations.models import Membership

from .kinds import ReportKind, register_kind
from .rendering.document import context_fingerprint


def organisation_summary_context(organisation, parameters):
    """Controller details (Art. 30(1)(a) GDPR), the data protection officer and the members with their role."""
    ORGANISATION_SUMMARY.check_count("members", Membership.objects.for_organisation(organisation).count())

    rows = list(
        Membership.objects.for_organisation(organisation)
        .order_by("user__email", "pk")
        .values("role", "created_at", "user__email", "user__full_name")
    )
    role_labels = dict(Membership._meta.get_field("role").choices)
    members = [
        {
            "email": row["user__email"],
            "full_name": row["user__full_name"],
            "role": str(role_labels.get(row["role"], row["role"])),
            "joined": row["created_at"],
        }
        for row in rows
    ]
    controller_fields = [
        "name", "legal_name", "address", "country", "registration_number", "contact_email",
        "eu_representative", "dpo_name", "dpo_contact", "acts_as_processor",
    ]  # fmt: skip
    controller_data = {name: str(getattr(organisation, name)) for name in controller_fields}
    return {
        "controller": organisation,
        "members": members,
        # The newest change among the rows shown: the PDF states it as the data's timestamp.
        "data_timestamp": max([organisation.updated_at] + [row["created_at"] for row in rows]),
        "data_version": context_fingerprint({"controller": controller_data, "members": members}),
    }


def report_register_context(organisation, parameters):
    """Reports rendered for the organisation, with the SHA-256 of each file so a copy can be checked later."""
    from .models import ReportJob

    jobs = ReportJob.objects.for_organisation(organisation).filter(status=ReportJob.Status.SUCCEEDED)
    REPORT_REGISTER.check_count("reports", jobs.count())
    rows = list(
        jobs.order_by("finished_at", "pk").values(
            "pk", "kind", "requested_by__email", "created_at", "finished_at", "page_count", "size", "sha256"
        )
    )
    from .kinds import kind_label

    entries = [{**row, "kind_label": str(kind_label(row["kind"]))} for row in rows]
    return {
        "entries": entries,
        "data_timestamp": rows[-1]["finished_at"] if rows else organisation.created_at,
        "data_version": context_fingerprint(entries),
    }


ORGANISATION_SUMMARY = register_kind(
    ReportKind(
        name="organisation_summary",
        label=_("Organisation summary"),
        description=_("Controller details, data protection officer and the members of the organisation."),
        build_context=organisation_summary_context,
        template_name="reports/pdf/organisation_summary.html",
        orientation="portrait",
        max_items={"members": 5000},
    )
)

REPORT_REGISTER = register_kind(
    ReportKind(
        name="report_register",
        label=_("Report register"),
        description=_(
            "Every report rendered for the organisation, with its SHA-256 checksum, to prove which document "
            "was issued when."
        ),
        build_context=report_register_context,
        template_name="reports/pdf/report_register.html",
        orientation="landscape",
        max_items={"reports": 20000},
    )
)
