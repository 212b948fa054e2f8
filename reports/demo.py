"""Demo data of the reports app: one organisation summary, rendered through the pipeline."""

from .actions import report_request
from .models import ReportJob


def seed(*, organisation, user):
    if ReportJob.objects.for_organisation(organisation).exists():
        return ["Kept the demo reports."]
    job = report_request(organisation=organisation, actor=user, kind="organisation_summary")
    return [
        f"Requested demo report {job.pk} (organisation summary). A Celery worker renders it when REDIS_URL is set; "
        "without REDIS_URL it renders in this process once the demo data is saved."
    ]
