from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = _("Data protection impact assessments")

    def ready(self):
        # Register the "dpia" report kind with the report pipeline.
        from . import report  # noqa: F401
