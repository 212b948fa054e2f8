"""API routes about the signed-in user, under /api/v1/."""

urlpatterns = []
