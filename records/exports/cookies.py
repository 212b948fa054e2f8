"""Cookie declaration of the organisation's websites and the vendors' sample consent texts."""

from django.utils.translation import gettext_lazy as _

from services.models import ServiceCookie

from ..choices import VendorUseStatus
from ..models import VendorUse

# Consent categories from the least to the most intrusive. A cookie with several categories is declared under
# the most intrusive one, because the visitor's consent must cover its widest use.
CATEGORY_ORDER = ("strictly-necessary", "functional", "analytics", "marketing")
CATEGORY_LABELS = {
    "strictly-necessary": _("Strictly necessary"),
    "functional": _("Functional"),
    "analytics": _("Analytics"),
    "marketing": _("Marketing"),
}


def declaration_category(categories):
    """Return the most intrusive of a cookie's consent categories."""
    ranked = [category for category in CATEGORY_ORDER if category in (categories or [])]
    return ranked[-1] if ranked else "functional"


def cookie_declaration(organisation):
    """Return [(category label, [cookie rows])] for the cookies of the organisation's active catalogue vendors."""
    service_ids = (
        VendorUse.objects.for_organisation(organisation)
        .filter(status=VendorUseStatus.ACTIVE, service__isnull=False)
        .values("service_id")
    )
    groups = {category: [] for category in CATEGORY_ORDER}
    cookies = (
        ServiceCookie.objects.filter(service__in=service_ids)
        .select_related("service")
        .order_by("service__name", "position", "pk")
    )
    for cookie in cookies:
        groups[declaration_category(cookie.categories)].append(
            {
                "name": str(cookie),
                "provider": cookie.service.name,
                "duration": cookie.duration_text,
                "purpose": cookie.purpose,
                "storage": cookie.get_storage_display(),
                "first_party": cookie.first_party,
            }
        )
    return [(CATEGORY_LABELS[category], rows) for category, rows in groups.items() if rows]


def fill_consent_text(template, *, organisation):
    """Return a catalogue consent text with {organisation} and {privacy_contact} filled in.

    Plain replacement, not str.format, so other braces in the text cannot reach Python formatting.
    """
    contact = organisation.privacy_contact or str(_("our privacy contact"))
    return template.replace("{organisation}", organisation.controller_name).replace("{privacy_contact}", contact)


def consent_texts(organisation):
    """Return (vendor name, consent category, filled text) for each current catalogue vendor."""
    vendor_uses = (
        VendorUse.objects.for_organisation(organisation)
        .current()
        .filter(service__isnull=False)
        .select_related("service")
        .order_by("vendor_name")
    )
    return [
        (
            vendor_use.vendor_name,
            vendor_use.service.get_consent_category_display(),
            fill_consent_text(vendor_use.service.consent_text, organisation=organisation),
        )
        for vendor_use in vendor_uses
    ]
