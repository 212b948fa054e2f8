from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DpiaConfig(AppConfig):
    name = "dpia"
    verbose_name = _("Data protection impact assessments")
