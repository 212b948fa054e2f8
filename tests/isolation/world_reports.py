"""Organisation-owned rows of the reports app for the isolation world: a succeeded job whose file contains the
sentinel, and a failed job whose error message contains it."""

from reports.actions import report_job_claim, report_job_complete, report_job_fail
from reports.models import ReportJob


def populate(world, organisation, user):
    job = ReportJob.objects.create(
        organisation=organisation, kind="organisation_summary", parameters={"language": "en"}, requested_by=user
    )
    worker = f"isolation-{world.sentinel}"
    report_job_claim(job_id=job.pk, worker=worker)
    content = f"%PDF-1.7\n% report of {world.sentinel}\n%%EOF\n".encode()
    world["report_job"] = report_job_complete(job_id=job.pk, worker=worker, content=content, page_count=1)

    failed = ReportJob.objects.create(organisation=organisation, kind="organisation_summary", requested_by=user)
    report_job_claim(job_id=failed.pk, worker=worker)
    world["failed_report_job"] = report_job_fail(
        job_id=failed.pk, worker=worker, error=f"Rendering failed for {world.sentinel}."
    )
