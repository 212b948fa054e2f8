"""Organisation API routes under /api/v1/o/<org_slug>/."""

urlpatterns = []
