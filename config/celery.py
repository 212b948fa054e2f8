"""Celery application. Its settings are read from Django settings under the CELERY_ prefix."""

import gc
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Celery runs Django's system checks when a worker starts. The URL checks import every view module (the admin,
# the API schema, two-factor sign-in with its cryptography libraries), which workers never use: about 13 MB more
# in every prefork child. Deployments run `manage.py check --deploy` and `migrate`, which run the same checks.
os.environ.setdefault("CELERY_SKIP_CHECKS", "true")

app = Celery("dpo_desk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def freeze_inherited_objects(**kwargs):
    """Move the objects a prefork child inherits from its parent out of the garbage collector's reach.

    The child starts with the parent's whole heap (Django, Celery, every app). Without this, each full
    collection during an allocation-heavy task (a WeasyPrint layout creates millions of objects) walks that
    heap again, which made report renders slower in the worker than in a plain process. Frozen objects are
    never collected, which is fine for modules and settings that live as long as the process.
    """
    gc.freeze()
