from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Service catalogue")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from services.matching.cache import invalidate_index
        from services.models import Service, ServiceCookie, ServiceDomain

        # The matcher's in-memory index depends on these rows only.
        for model in (Service, ServiceCookie, ServiceDomain):
            post_save.connect(invalidate_index, sender=model, dispatch_uid=f"matching-save-{model.__name__}")
            post_delete.connect(invalidate_index, sender=model, dispatch_uid=f"matching-delete-{model.__name__}")
        m2m_changed.connect(invalidate_index, sender=Service.related_services.through, dispatch_uid="matching-related")
