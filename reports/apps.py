import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # WeasyPrint logs every rendering step and every laid-out page at INFO on this logger. Keep those lines
        # away from the project's log handlers (see reports.rendering.progress); set here, before the first
        # import of WeasyPrint, which logs while parsing its built-in stylesheets.
        logging.getLogger("weasyprint.progress").propagate = False

        # Register the kinds this app provides; other apps register theirs from their own ready().
        from . import kinds_builtin  # noqa: F401
