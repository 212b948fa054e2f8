from .activity import (
    ActivityDataCategory,
    ActivityPurpose,
    ActivityRecipient,
    ActivityTransfer,
    ProcessingActivity,
    RetentionPeriod,
)
from .checklist import ChecklistTask
from .processor_activity import ProcessorActivity
from .vendor_use import VendorUse

__all__ = [
    "ActivityDataCategory",
    "ActivityPurpose",
    "ActivityRecipient",
    "ActivityTransfer",
    "ChecklistTask",
    "ProcessingActivity",
    "ProcessorActivity",
    "RetentionPeriod",
    "VendorUse",
]
