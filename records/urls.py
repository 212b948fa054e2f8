"""Pages under /o/<org_slug>/records/."""

app_name = "records"

urlpatterns = []
