"""Reads on report jobs."""

from organisations.access import owned_object_get_or_404

from .models import ReportJob


def report_job_list(*, organisation, status=None, kind=None):
    """Return the organisation's report jobs, newest first, with the requesting user loaded."""
    jobs = (
        ReportJob.objects.for_organisation(organisation).select_related("requested_by").order_by("-created_at", "-pk")
    )
    if status:
        jobs = jobs.filter(status=status)
    if kind:
        jobs = jobs.filter(kind=kind)
    return jobs


def report_job_get(*, organisation, pk):
    """Return the organisation's report job `pk`, or raise Http404 (also for another organisation's job)."""
    return owned_object_get_or_404(ReportJob.objects.select_related("requested_by"), organisation=organisation, pk=pk)


def report_job_file_response(job):
    """Return a FileResponse sending the job's PDF as an attachment, or raise Http404 when there is none."""
    from django.http import FileResponse, Http404

    if job.status != ReportJob.Status.SUCCEEDED or not job.file:
        raise Http404
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=job.file_name, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
