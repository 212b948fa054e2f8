from .alternative import EuAlternative
from .cookie import ServiceCookie
from .domain import ServiceDomain
from .guidance import ChecklistItem, DpiaConsideration, FaqEntry
from .processing import LegalBasis, SubProcessor, VendorRole
from .service import Service, ServiceAlias

__all__ = [
    "ChecklistItem",
    "DpiaConsideration",
    "EuAlternative",
    "FaqEntry",
    "LegalBasis",
    "Service",
    "ServiceAlias",
    "ServiceCookie",
    "ServiceDomain",
    "SubProcessor",
    "VendorRole",
]
