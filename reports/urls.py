"""Pages under /o/<org_slug>/reports/."""

app_name = "reports"

urlpatterns = []
