"""Writes of the records app. Each concept lives in its own module; this module gathers their entry points."""

from .activity_actions import (
    activity_create,
    activity_fill_from_vendor_use,
    activity_refresh_completeness,
    activity_update,
    vendor_use_accept_proposals,
    vendor_use_activity_proposals,
)
from .catalogue_update import vendor_use_catalogue_apply, vendor_use_catalogue_diff
from .checklist_actions import checklist_create_for_vendor_use, checklist_task_update
from .vendor_actions import (
    vendor_use_create_from_service,
    vendor_use_create_manual,
    vendor_use_delete,
    vendor_use_update,
)

__all__ = [
    "activity_create",
    "activity_fill_from_vendor_use",
    "activity_refresh_completeness",
    "activity_update",
    "checklist_create_for_vendor_use",
    "checklist_task_update",
    "vendor_use_accept_proposals",
    "vendor_use_activity_proposals",
    "vendor_use_catalogue_apply",
    "vendor_use_catalogue_diff",
    "vendor_use_create_from_service",
    "vendor_use_create_manual",
    "vendor_use_delete",
    "vendor_use_update",
]
