"""Demo data of the records app: a retailer's vendor register with its RoPA auto-filled and some checklist progress.

Called by `manage.py seed_demo`. Safe to run repeatedly: a vendor already in the register is left as it is.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from services.models import Service

from . import actions
from .choices import ChecklistStatus, VendorUseStatus
from .models import ChecklistTask, VendorUse

logger = logging.getLogger(__name__)

# Catalogue entries a mid-sized online retailer typically uses, with the department that owns each.
DEMO_VENDORS = (
    ("genesys-cloud", "Customer service"),
    ("google-analytics", "Marketing"),
    ("google-tag-manager", "Marketing"),
    ("hubspot", "Sales"),
    ("mailchimp", "Marketing"),
    ("hotjar", "Product"),
    ("cloudflare", "IT"),
    ("amazon-web-services", "IT"),
    ("stripe", "Finance"),
    ("zendesk", "Customer service"),
    ("youtube", "Marketing"),
    ("personio", "Human resources"),
)
# Vendors still being evaluated; the others are active.
EVALUATING = {"personio"}


def _progress_checklist(vendor_use, index, today):
    """Close some tasks and give the others due dates, a few of them past, so the checklist shows real progress."""
    tasks = list(ChecklistTask.objects.filter(organisation=vendor_use.organisation, vendor_use=vendor_use))
    for position, task in enumerate(tasks):
        if position == 0 and index % 2 == 0:
            task.status = ChecklistStatus.DONE
            task.completed_at = timezone.now()
            task.evidence_note = "Signed copy filed with the contract."
        elif position == 1 and index % 3 == 0:
            task.status = ChecklistStatus.IN_PROGRESS
            task.due_date = today - datetime.timedelta(days=7)
        elif position == len(tasks) - 1 and index % 4 == 0:
            task.status = ChecklistStatus.NOT_APPLICABLE
            task.not_applicable_reason = "The feature this task covers is switched off for our account."
        else:
            task.due_date = today + datetime.timedelta(days=14 * (position + 1))
        task.save()


@transaction.atomic
def seed(*, organisation, user):
    """Add the demo vendors to `organisation`'s register and fill its records; return lines to print."""
    services = {
        service.slug: service
        for service in Service.objects.published().filter(slug__in=[slug for slug, _department in DEMO_VENDORS])
    }
    existing = set(
        VendorUse.objects.for_organisation(organisation)
        .filter(service__in=services.values())
        .values_list("service__slug", flat=True)
    )
    today = timezone.localdate()
    added = []
    missing = []
    for index, (slug, department) in enumerate(DEMO_VENDORS):
        service = services.get(slug)
        if service is None:
            missing.append(slug)
            continue
        if slug in existing:
            continue
        status = VendorUseStatus.EVALUATING if slug in EVALUATING else VendorUseStatus.ACTIVE
        vendor_use = actions.vendor_use_create_from_service(
            organisation=organisation,
            service=service,
            actor=user,
            status=status,
            departments=department,
            dpa_signed_on=today - datetime.timedelta(days=30 * (index + 1)) if index % 3 != 2 else None,
            review_date=today + datetime.timedelta(days=180 + 10 * index),
        )
        actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=user)
        _progress_checklist(vendor_use, index, today)
        added.append(service.name)

    lines = []
    if added:
        lines.append(f"Added {len(added)} vendors to the register of '{organisation.slug}': {', '.join(added)}.")
    else:
        lines.append(f"Kept the vendor register of '{organisation.slug}'.")
    if missing:
        lines.append(
            f"Not in the loaded catalogue, skipped: {', '.join(missing)}. Run `manage.py load_catalogue` first."
        )
    logger.info("Demo register of organisation %s: %d vendors added", organisation.pk, len(added))
    return lines
