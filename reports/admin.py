from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(SimpleHistoryAdmin):
    """Read-only view for staff: jobs are created by members and changed by workers only."""

    list_display = ["pk", "organisation", "kind", "status", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    search_fields = ["organisation__slug", "organisation__name"]
    list_select_related = ["organisation"]
    readonly_fields = [field.name for field in ReportJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
