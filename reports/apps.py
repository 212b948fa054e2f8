from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Register the kinds this app provides; other apps register theirs from their own ready().
        from . import kinds_builtin  # noqa: F401
