"""The whole register as JSON: controller, vendors, processing activities, checklists and Art. 30(2) records."""

from django.db.models import Prefetch
from django.utils import timezone

from ..models import ChecklistTask, ProcessorActivity, VendorUse
from ..selectors import activities_for_export

FORMAT_VERSION = 1


def _date(value):
    return value.isoformat() if value else None


def _source(source):
    return dict(source) if source else None


def register_json(organisation):
    """Return the organisation's register as a JSON-serialisable dict, with a fixed query count."""
    vendor_uses = (
        VendorUse.objects.for_organisation(organisation)
        .select_related("service", "owner")
        .prefetch_related(
            Prefetch("tasks", queryset=ChecklistTask.objects.select_related("assignee").order_by("position", "pk"))
        )
        .order_by("vendor_name", "pk")
    )
    vendors = []
    for vendor_use in vendor_uses:
        vendors.append(
            {
                "id": vendor_use.pk,
                "catalogue_service": vendor_use.service.slug if vendor_use.service_id else None,
                "catalogue_version": vendor_use.catalogue_version,
                "name": vendor_use.vendor_name,
                "legal_entity": vendor_use.vendor_legal_entity,
                "country": str(vendor_use.vendor_country or ""),
                "website": vendor_use.vendor_website,
                "purpose_of_use": vendor_use.purpose_of_use,
                "departments": vendor_use.department_list(),
                "owner": vendor_use.owner.email if vendor_use.owner_id else None,
                "status": vendor_use.status,
                "vendor_role": vendor_use.vendor_role,
                "dpa_signed_on": _date(vendor_use.dpa_signed_on),
                "dpa_url": vendor_use.dpa_url,
                "dpa_file_uploaded": bool(vendor_use.dpa_file),
                "eu_region": vendor_use.eu_region,
                "transfer_safeguards": list(vendor_use.transfer_safeguards),
                "dpf_checked_on": _date(vendor_use.dpf_checked_on),
                "review_date": _date(vendor_use.review_date),
                "notes": vendor_use.notes,
                "user_edited_fields": list(vendor_use.user_edited_fields),
                "provenance": vendor_use.provenance,
                "checklist": [
                    {
                        "id": task.pk,
                        "title": task.title,
                        "detail": task.detail,
                        "status": task.status,
                        "not_applicable_reason": task.not_applicable_reason,
                        "assignee": task.assignee.email if task.assignee_id else None,
                        "due_date": _date(task.due_date),
                        "evidence_note": task.evidence_note,
                        "evidence_url": task.evidence_url,
                        "evidence_file_uploaded": bool(task.evidence_file),
                        "completed_at": task.completed_at.isoformat() if task.completed_at else None,
                    }
                    for task in vendor_use.tasks.all()
                ],
            }
        )

    activities = []
    for activity in activities_for_export(organisation=organisation):
        activities.append(
            {
                "id": activity.pk,
                "name": activity.name,
                "purpose_key": activity.purpose_key,
                "description": activity.description,
                "status": activity.status,
                "owner": activity.owner.email if activity.owner_id else None,
                "joint_controller": activity.joint_controller,
                "purposes": [
                    {
                        "purpose": row.purpose,
                        "legal_basis": row.legal_basis,
                        "legal_basis_note": row.legal_basis_note,
                        "source": _source(row.source),
                    }
                    for row in activity.purposes.all()
                ],
                "data_subject_categories": list(activity.data_subject_categories),
                "personal_data_categories": [
                    {
                        "category": row.name,
                        "special_category": row.special_category or None,
                        "source": _source(row.source),
                    }
                    for row in activity.data_categories.all()
                ],
                "recipients": [
                    {
                        "name": row.name,
                        "kind": row.kind,
                        "country": str(row.country or ""),
                        "note": row.note,
                        "vendor_id": row.vendor_use_id,
                        "source": _source(row.source),
                    }
                    for row in activity.recipients.all()
                ],
                "transfers": [
                    {
                        "country": str(row.country),
                        "recipient": row.recipient,
                        "safeguard": row.safeguard or None,
                        "scc_module": row.scc_module or None,
                        "basis": row.basis_note,
                        "documentation_url": row.documentation_url,
                        "tia_required": row.tia_required,
                        "dpf_checked_on": _date(row.dpf_checked_on),
                        "vendor_id": row.vendor_use_id,
                        "source": _source(row.source),
                    }
                    for row in activity.transfers.all()
                ],
                "retention_periods": [
                    {
                        "data_category": row.data_category,
                        "applies_to": row.applies_to,
                        "period": row.period,
                        "max_seconds": row.max_seconds,
                        "source": _source(row.source),
                    }
                    for row in activity.retention_periods.all()
                ],
                "security_measures": activity.security_measures,
                "dpia_required": activity.dpia_required,
                "dpia_reason": activity.dpia_reason,
                "dpia_link": activity.dpia_link,
                "next_review_date": _date(activity.next_review_date),
                "missing_items": list(activity.missing_items),
                "provenance": activity.provenance,
                "updated_at": activity.updated_at.isoformat(),
            }
        )

    processor_records = [
        {
            "id": record.pk,
            "controller": record.controller_name,
            "controller_contact": record.controller_contact,
            "controller_representative": record.controller_representative,
            "controller_dpo": record.controller_dpo,
            "processing_categories": record.processing_categories,
            "sub_processors": record.sub_processors,
            "transfers": record.transfers,
            "transfer_documentation": record.transfer_documentation,
            "security_measures": record.security_measures,
            "status": record.status,
            "next_review_date": _date(record.next_review_date),
        }
        for record in ProcessorActivity.objects.for_organisation(organisation).order_by("controller_name", "pk")
    ]

    return {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "controller": {
            "name": organisation.controller_name,
            "address": organisation.address,
            "country": str(organisation.country or ""),
            "registration_number": organisation.registration_number,
            "contact_email": organisation.contact_email,
            "eu_representative": organisation.eu_representative,
            "dpo_name": organisation.dpo_name,
            "dpo_contact": organisation.dpo_contact,
            "acts_as_processor": organisation.acts_as_processor,
        },
        "vendors": vendors,
        "processing_activities": activities,
        "processor_records": processor_records,
    }
