"""Request a report through the pipeline, wait for it and write the PDF to a file."""

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from organisations.models import Membership, Organisation
from organisations.roles import Role
from reports.actions import report_request
from reports.kinds import registered_kinds
from reports.models import ReportJob


class Command(BaseCommand):
    help = (
        "Render a report of one organisation through the report pipeline (a Celery worker when REDIS_URL is set, "
        "in this process otherwise), wait until it finishes and write the PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="Slug of the organisation, e.g. demo.")
        parser.add_argument(
            "--kind",
            default="organisation_summary",
            help="Report kind. Registered kinds: " + ", ".join(kind.name for kind in registered_kinds()),
        )
        parser.add_argument("--language", default="en", help="Language of the document (en, fr, de, es).")
        parser.add_argument("--pdf-variant", default="", help="Optional archival variant, e.g. pdf/a-2b.")
        parser.add_argument("--output", "-o", help="File to write; default: the report's own file name.")
        parser.add_argument("--timeout", type=int, default=600, help="Seconds to wait for the worker (default 600).")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation has the slug {options['organisation']!r}.")
        owner = Membership.objects.for_organisation(organisation).filter(role=Role.OWNER).select_related("user").first()

        parameters = {"language": options["language"]}
        if options["pdf_variant"]:
            parameters["pdf_variant"] = options["pdf_variant"]
        try:
            job = report_request(
                organisation=organisation,
                actor=owner.user if owner else None,
                kind=options["kind"],
                parameters=parameters,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Requested report job {job.pk} ({job.kind}) for {organisation.slug}.")

        deadline = time.monotonic() + options["timeout"]
        last_progress = None
        while not job.is_finished:
            if time.monotonic() > deadline:
                raise CommandError(
                    f"Report job {job.pk} is still {job.status} after {options['timeout']} s. "
                    "Is a Celery worker running (make worker)?"
                )
            time.sleep(0.5)
            job.refresh_from_db()
            if job.progress != last_progress:
                self.stdout.write(f"  {job.get_status_display()}: {job.progress} %")
                last_progress = job.progress

        if job.status == ReportJob.Status.FAILED:
            raise CommandError(f"Report job {job.pk} failed: {job.error}")
        output = Path(options["output"] or job.file_name)
        with job.file.open("rb") as source:
            output.write_bytes(source.read())
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {output} ({job.page_count} pages, {job.size} bytes, SHA-256 {job.sha256}).")
        )
