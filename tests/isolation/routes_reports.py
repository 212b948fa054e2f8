"""Isolation classification of the reports app's routes."""

from .registry import Route


def _job(world):
    return {"pk": world["report_job"].pk}


ROUTES = {
    "reports:job_list": Route(),
    "reports:job_request": Route(),
    "reports:job_detail": Route(kwargs=_job),
    "reports:job_status": Route(kwargs=_job),
    "reports:job_download": Route(kwargs=_job),
    "reports_api:reportjob-list": Route(),
    "reports_api:reportjob-detail": Route(kwargs=_job),
    "reports_api:reportjob-download": Route(kwargs=_job),
}
