"""Render a DPIA as a PDF through the report pipeline and save it to a file."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dpia.models import Dpia
from organisations.models import Membership, Organisation
from records.models import ProcessingActivity
from reports.actions import report_request
from reports.waiting import ReportJobTimeout, report_job_wait


class Command(BaseCommand):
    help = (
        "Render the latest DPIA of a processing activity as a PDF through the report pipeline (eager without "
        "REDIS_URL, a Celery worker otherwise) and write it to --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Slug of the organisation.")
        parser.add_argument("--activity", required=True, help="Name or id of the processing activity.")
        parser.add_argument("--output", required=True, help="Path of the PDF file to write.")
        parser.add_argument("--timeout", type=int, default=300, help="Seconds to wait for the worker (default 300).")

    def handle(self, *args, org, activity, output, timeout, **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"Organisation '{org}' not found. Use its slug, as in /o/<slug>/.")

        activities = ProcessingActivity.objects.for_organisation(organisation)
        match = activities.filter(pk=int(activity)).first() if activity.isdigit() else None
        if match is None:
            candidates = list(activities.filter(name__iexact=activity)[:2])
            if len(candidates) > 1:
                raise CommandError(f"Several activities are called '{activity}'. Pass the activity's id instead.")
            match = candidates[0] if candidates else None
        if match is None:
            raise CommandError(f"Processing activity '{activity}' not found in organisation '{org}'.")

        dpia = Dpia.objects.for_organisation(organisation).filter(activity=match).order_by("-updated_at").first()
        if dpia is None:
            raise CommandError(f"Activity '{match.name}' has no DPIA yet. Draft one in the DPIA screening page first.")

        owner = Membership.objects.for_organisation(organisation).owners().select_related("user").first()
        requester = owner.user if owner else None
        try:
            with transaction.atomic():
                job = report_request(
                    organisation=organisation, actor=requester, kind="dpia", parameters={"dpia_id": dpia.pk}
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None

        self.stdout.write(f"Report job {job.pk} queued for DPIA {dpia.pk} (version {dpia.version}).")
        try:
            job = report_job_wait(job_id=job.pk, timeout_seconds=timeout)
        except ReportJobTimeout as error:
            raise CommandError(str(error)) from None
        if job.status != job.Status.SUCCEEDED:
            raise CommandError(f"Report job {job.pk} failed: {job.error}")

        path = Path(output)
        with job.file.open("rb") as source:
            path.write_bytes(source.read())
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({job.size} bytes, SHA-256 {job.sha256})."))
