"""Organisation-owned rows of the records app for the isolation world."""

import datetime

from django.core.files.base import ContentFile

from records import actions
from records.choices import ChecklistStatus, TransferSafeguard
from records.models import (
    ActivityDataCategory,
    ActivityTransfer,
    ChecklistTask,
    ProcessorActivity,
    RetentionPeriod,
)
from services.models import Service
from tests.records.factories import us_service


def populate(world, organisation, user):
    sentinel = world.sentinel
    # The catalogue is shared: one service serves both organisations of the world.
    service = Service.objects.filter(slug="isolation-callcentre").first() or us_service(
        slug="isolation-callcentre", name="Isolation Callcentre"
    )
    world["records_service"] = service

    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=user)
    vendor_use.notes = f"Notes {sentinel}"
    vendor_use.departments = f"Support {sentinel}"
    vendor_use.dpa_file.save("dpa.pdf", ContentFile(f"%PDF-1.4 {sentinel}".encode()), save=False)
    vendor_use.save()
    world["vendor_use"] = vendor_use

    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=user)
    activity.description = f"Activity {sentinel}"
    activity.save()
    world["activity"] = activity
    world["dpf_transfer"] = ActivityTransfer.objects.get(
        activity=activity, safeguard=TransferSafeguard.DPF, recipient=vendor_use.vendor_name
    )
    ActivityDataCategory.objects.create(organisation=organisation, activity=activity, name=f"Category {sentinel}")
    ActivityTransfer.objects.create(
        organisation=organisation, activity=activity, country="IN", recipient=f"Recipient {sentinel}"
    )
    RetentionPeriod.objects.create(
        organisation=organisation, activity=activity, data_category=f"Data {sentinel}", period="1 year"
    )

    task = ChecklistTask.objects.filter(organisation=organisation, vendor_use=vendor_use).first()
    task.evidence_note = f"Evidence {sentinel}"
    task.status = ChecklistStatus.IN_PROGRESS
    task.due_date = datetime.date(2026, 1, 1)
    task.evidence_file.save("evidence.txt", ContentFile(sentinel.encode()), save=False)
    task.save()
    world["checklist_task"] = task

    world["manual_vendor_use"] = actions.vendor_use_create_manual(
        organisation=organisation, actor=user, vendor_name=f"Hand vendor {sentinel}"
    )
    world["processor_activity"] = ProcessorActivity.objects.create(
        organisation=organisation,
        controller_name=f"Client {sentinel}",
        processing_categories=f"Payroll {sentinel}",
    )
