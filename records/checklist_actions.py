"""Writes on checklist tasks."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import ChecklistStatus
from .members import is_member
from .models import ChecklistTask
from .provenance import catalogue_source

logger = logging.getLogger(__name__)

TASK_EDITABLE_FIELDS = (
    "title",
    "detail",
    "status",
    "not_applicable_reason",
    "assignee",
    "due_date",
    "evidence_note",
    "evidence_url",
    "evidence_file",
)


@transaction.atomic
def checklist_create_for_vendor_use(*, organisation, vendor_use, actor=None):
    """Create a task for each catalogue checklist item the vendor use has no task for yet; return the new tasks.

    Safe to run again: items whose title already has a task are skipped.
    """
    if vendor_use.organisation_id != organisation.pk:
        raise ValidationError(_("This vendor belongs to another organisation."))
    if vendor_use.service_id is None:
        return []

    service = vendor_use.service
    existing = set(
        ChecklistTask.objects.for_organisation(organisation)
        .filter(vendor_use=vendor_use)
        .values_list("title", flat=True)
    )
    source = catalogue_source(service)
    created = []
    for item in service.checklist_items.all():
        if item.title in existing:
            continue
        created.append(
            ChecklistTask(
                organisation=organisation,
                vendor_use=vendor_use,
                title=item.title,
                detail=item.detail,
                position=item.position,
                source=source,
            )
        )
    for task in created:
        task.save()
    logger.info(
        "Created %d checklist tasks for vendor use %s of organisation %s", len(created), vendor_use.pk, organisation.pk
    )
    return created


@transaction.atomic
def checklist_task_update(*, organisation, task, actor, changes):
    """Apply `changes` (field name to value) to `task`; a task marked not applicable needs a reason."""
    if task.organisation_id != organisation.pk:
        raise ValidationError(_("This task belongs to another organisation."))
    unknown = set(changes) - set(TASK_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    assignee = changes.get("assignee")
    if assignee is not None and not is_member(organisation, assignee):
        raise ValidationError({"assignee": _("The assignee must be a member of this organisation.")})

    for field, value in changes.items():
        setattr(task, field, value)
    if task.status == ChecklistStatus.NOT_APPLICABLE and not task.not_applicable_reason.strip():
        raise ValidationError({"not_applicable_reason": _("Give the reason why this task does not apply.")})
    if task.status == ChecklistStatus.DONE and task.completed_at is None:
        task.completed_at = timezone.now()
    elif task.status != ChecklistStatus.DONE:
        task.completed_at = None

    task._history_user = actor
    task.save()
    return task
