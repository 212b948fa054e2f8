"""Isolation classification of the records app's routes."""

from .registry import Route


def _vendor_use(world):
    return {"pk": world["vendor_use"].pk}


def _activity(world):
    return {"pk": world["activity"].pk}


def _task(world):
    return {"pk": world["checklist_task"].pk}


def _processor_activity(world):
    return {"pk": world["processor_activity"].pk}


ROUTES = {
    "records:dashboard": Route(),
    "records:vendor_list": Route(),
    "records:catalogue_search": Route(),
    "records:vendor_add": Route(kwargs=lambda world: {"service_slug": world["records_service"].slug}),
    "records:vendor_bulk": Route(),
    "records:vendor_create": Route(),
    "records:vendor_detail": Route(kwargs=_vendor_use),
    "records:vendor_edit": Route(kwargs=_vendor_use),
    "records:vendor_delete": Route(kwargs=_vendor_use),
    "records:vendor_dpa_download": Route(kwargs=_vendor_use),
    "records:vendor_proposals": Route(kwargs=_vendor_use),
    "records:vendor_catalogue_update": Route(kwargs=_vendor_use),
    "records:activity_list": Route(),
    "records:activity_create": Route(),
    "records:activity_detail": Route(kwargs=_activity),
    "records:activity_edit": Route(kwargs=_activity),
    "records:activity_delete": Route(kwargs=_activity),
    "records:activity_link_vendor": Route(kwargs=_activity),
    "records:activity_transfer_dpf_check": Route(
        kwargs=lambda world: {"pk": world["activity"].pk, "transfer_pk": world["dpf_transfer"].pk}
    ),
    "records:activity_section_edit": Route(kwargs=lambda world: {"pk": world["activity"].pk, "section": "purposes"}),
    "records:processor_activity_list": Route(),
    "records:processor_activity_create": Route(),
    "records:processor_activity_edit": Route(kwargs=_processor_activity),
    "records:processor_activity_fill": Route(kwargs=_processor_activity),
    "records:processor_activity_detail": Route(kwargs=_processor_activity),
    "records:exports": Route(),
    "records:export_xlsx": Route(),
    "records:export_csv": Route(),
    "records:export_json": Route(),
    "records:export_pdf": Route(),
    "records:cookie_declaration": Route(),
    "records:cookie_snippet": Route(),
    "records:consent_texts": Route(),
    "records:checklist": Route(),
    "records:task_edit": Route(kwargs=_task),
    "records:task_status": Route(kwargs=_task),
    "records:task_evidence_download": Route(kwargs=_task),
    "records_api:vendoruse-list": Route(),
    "records_api:vendoruse-detail": Route(kwargs=_vendor_use),
    "records_api:vendoruse-catalogue-diff": Route(kwargs=_vendor_use),
    "records_api:vendoruse-catalogue-apply": Route(kwargs=_vendor_use),
    "records_api:vendoruse-accept-proposals": Route(kwargs=_vendor_use),
    "records_api:activity-list": Route(),
    "records_api:activity-detail": Route(kwargs=_activity),
    "records_api:checklisttask-list": Route(),
    "records_api:checklisttask-detail": Route(kwargs=_task),
    "records_api:processoractivity-list": Route(),
    "records_api:processoractivity-detail": Route(kwargs=_processor_activity),
}
