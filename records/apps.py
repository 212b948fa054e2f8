from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Vendor register and records of processing")

    def ready(self):
        # Register the "ropa" report kind with the report pipeline.
        from . import reports  # noqa: F401
