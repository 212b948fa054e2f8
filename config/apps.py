import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger(__name__)


class ProjectConfig(AppConfig):
    """Project-wide start-up checks that belong to no single app."""

    name = "config"
    label = "project"
    verbose_name = "DPO Desk"

    def ready(self):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            logger.warning(
                "REDIS_URL is not set: Celery tasks run eagerly in the web process. "
                "Set REDIS_URL and start a worker for the production setup."
            )
        else:
            logger.info("Celery tasks are sent to the broker at %s.", settings.CELERY_BROKER_URL_REDACTED)
