"""Pages under /o/<org_slug>/reports/."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportJobListView.as_view(), name="job_list"),
    path("new/", views.ReportRequestView.as_view(), name="job_request"),
    path("<int:pk>/", views.ReportJobDetailView.as_view(), name="job_detail"),
    path("<int:pk>/status/", views.ReportJobStatusView.as_view(), name="job_status"),
    path("<int:pk>/download/", views.ReportJobDownloadView.as_view(), name="job_download"),
]
