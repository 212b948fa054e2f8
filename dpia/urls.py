"""Pages under /o/<org_slug>/dpia/."""

app_name = "dpia"

urlpatterns = []
