"""Export an organisation's record of processing activities from the shell."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from organisations.models import Organisation
from records.exports.register_json import register_json
from records.exports.spreadsheet import ropa_csv, ropa_xlsx

FORMATS = ("pdf", "xlsx", "csv", "json")


class Command(BaseCommand):
    help = (
        "Write the record of processing activities of one organisation to a file. The PDF goes through the "
        "report pipeline: eagerly without REDIS_URL, by a Celery worker when a broker is configured."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Slug of the organisation.")
        parser.add_argument("--format", required=True, choices=FORMATS, help="Output format.")
        parser.add_argument("--output", required=True, help="Path of the file to write.")
        parser.add_argument(
            "--timeout", type=int, default=300, help="Seconds to wait for the PDF to be rendered (default 300)."
        )

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation has the slug {options['org']!r}. Check the slug in /o/<slug>/.")
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist. Create it or choose another --output.")

        export_format = options["format"]
        if export_format == "pdf":
            content = self._render_pdf(organisation, options["timeout"])
        elif export_format == "xlsx":
            content = ropa_xlsx(organisation)
        elif export_format == "csv":
            content = ropa_csv(organisation).encode("utf-8")
        else:
            content = json.dumps(register_json(organisation), ensure_ascii=False, indent=2).encode("utf-8")

        output.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(content)} bytes to {output} ({export_format})."))

    def _render_pdf(self, organisation, timeout):
        from reports.actions import report_request
        from reports.models import ReportJob
        from reports.waiting import ReportJobTimeout, report_job_wait

        try:
            job = report_request(organisation=organisation, actor=None, kind="ropa")
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Report job {job.pk} queued.")
        try:
            job = report_job_wait(job_id=job.pk, timeout_seconds=timeout)
        except ReportJobTimeout as error:
            raise CommandError(str(error)) from error
        if job.status != ReportJob.Status.SUCCEEDED:
            raise CommandError(f"Report job {job.pk} failed: {job.error}")
        with job.file.open("rb") as handle:
            return handle.read()
