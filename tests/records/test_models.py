import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from records import actions
from records.choices import ChecklistStatus
from records.models import ActivityRecipient, ChecklistTask, VendorUse
from tests.records.factories import ProcessingActivityFactory, VendorUseFactory, us_service

pytestmark = pytest.mark.django_db


def test_same_service_twice_violates_constraint(organisation):
    service = us_service()
    VendorUse.objects.create(organisation=organisation, service=service, vendor_name="A")

    with pytest.raises(IntegrityError), transaction.atomic():
        VendorUse.objects.create(organisation=organisation, service=service, vendor_name="B")


def test_same_service_in_two_organisations_allowed(organisation, other_organisation):
    service = us_service()
    VendorUse.objects.create(organisation=organisation, service=service, vendor_name="A")

    VendorUse.objects.create(organisation=other_organisation, service=service, vendor_name="A")

    assert VendorUse.objects.filter(service=service).count() == 2


def test_child_row_of_other_organisation_rejected(organisation, other_organisation):
    activity = ProcessingActivityFactory(organisation=organisation)

    with pytest.raises(ValidationError):
        ActivityRecipient.objects.create(organisation=other_organisation, activity=activity, name="Leak")

    assert ActivityRecipient.objects.count() == 0


def test_recipient_linking_foreign_vendor_rejected(organisation, other_organisation):
    activity = ProcessingActivityFactory(organisation=organisation)
    foreign = VendorUseFactory(organisation=other_organisation)

    with pytest.raises(ValidationError):
        ActivityRecipient.objects.create(organisation=organisation, activity=activity, name="X", vendor_use=foreign)


def test_history_recorded(organisation, editor):
    vendor_use = actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name="Printer")

    actions.vendor_use_update(organisation=organisation, vendor_use=vendor_use, actor=editor, changes={"notes": "x"})

    assert vendor_use.history.count() == 2
    assert vendor_use.history.first().history_user == editor


def test_not_applicable_needs_reason(organisation, editor):
    vendor_use = VendorUseFactory(organisation=organisation)
    task = ChecklistTask.objects.create(organisation=organisation, vendor_use=vendor_use, title="T")

    with pytest.raises(ValidationError, match="reason"):
        actions.checklist_task_update(
            organisation=organisation, task=task, actor=editor, changes={"status": ChecklistStatus.NOT_APPLICABLE}
        )

    task.refresh_from_db()
    assert task.status == ChecklistStatus.TODO


def test_done_sets_completed_at(organisation, editor):
    vendor_use = VendorUseFactory(organisation=organisation)
    task = ChecklistTask.objects.create(organisation=organisation, vendor_use=vendor_use, title="T")

    actions.checklist_task_update(organisation=organisation, task=task, actor=editor, changes={"status": "done"})

    assert task.completed_at is not None


def test_overdue_tasks(organisation):
    import datetime

    vendor_use = VendorUseFactory(organisation=organisation)
    ChecklistTask.objects.create(
        organisation=organisation, vendor_use=vendor_use, title="Late", due_date=datetime.date(2020, 1, 1)
    )
    ChecklistTask.objects.create(
        organisation=organisation,
        vendor_use=vendor_use,
        title="Done late",
        due_date=datetime.date(2020, 1, 1),
        status=ChecklistStatus.DONE,
    )

    overdue = ChecklistTask.objects.for_organisation(organisation).overdue()

    assert [task.title for task in overdue] == ["Late"]
