"""Standard purposes proposed for a vendor from its catalogue categories.

Several categories lead to the same purpose (chat, contact centre and customer support are all customer
support), so a vendor with several categories gets one proposal per distinct purpose.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """Standard purpose keys: `ProcessingActivity.purpose_key` and the catalogue's legal-basis `purposes`."""

    AUDIENCE_MEASUREMENT = "audience-measurement", _("Audience measurement of websites and apps")
    ADVERTISING = "advertising", _("Advertising and marketing campaigns")
    EMAIL_MARKETING = "email-marketing", _("E-mail marketing and newsletters")
    CUSTOMER_SUPPORT = "customer-support", _("Customer support and contact handling")
    CUSTOMER_MANAGEMENT = "customer-management", _("Customer and prospect management")
    SALES_PAYMENTS = "sales-payments", _("Online sales and payments")
    IT_HOSTING = "it-hosting", _("Hosting, delivery and security of IT services")
    WEBSITE_FEATURES = "website-features", _("Embedded website content and features")
    TAG_CONSENT = "tag-consent", _("Website tag and consent management")
    HUMAN_RESOURCES = "human-resources", _("Human resources management")
    SURVEYS = "surveys", _("Forms and surveys")
    COLLABORATION = "collaboration", _("Internal collaboration and scheduling")
    AI_ASSISTANCE = "ai-assistance", _("AI-assisted processing")


PURPOSES = dict(Purpose.choices)

CATEGORY_PURPOSE = {
    "analytics": "audience-measurement",
    "monitoring": "it-hosting",
    "advertising": "advertising",
    "marketing": "advertising",
    "social": "advertising",
    "personalisation": "advertising",
    "email-marketing": "email-marketing",
    "communications": "customer-support",
    "customer-support": "customer-support",
    "contact-centre": "customer-support",
    "chat": "customer-support",
    "crm": "customer-management",
    "payments": "sales-payments",
    "e-commerce": "sales-payments",
    "hosting-cdn": "it-hosting",
    "security": "it-hosting",
    "video": "website-features",
    "maps": "website-features",
    "fonts": "website-features",
    "search": "website-features",
    "reviews": "website-features",
    "tag-management": "tag-consent",
    "consent-management": "tag-consent",
    "hr": "human-resources",
    "forms-surveys": "surveys",
    "scheduling": "collaboration",
    "collaboration": "collaboration",
    "ai": "ai-assistance",
}


def purpose_keys_for_categories(categories):
    """Return the distinct purpose keys of `categories`, in category order.

    AI is usually a feature of another purpose (AI routing in a contact centre), so it becomes a purpose of
    its own only when the service has no other category.
    """
    keys = []
    for category in categories:
        key = CATEGORY_PURPOSE.get(category)
        if key and key not in keys:
            keys.append(key)
    if len(keys) > 1 and "ai-assistance" in keys:
        keys.remove("ai-assistance")
    return keys


def purpose_label(key):
    return str(PURPOSES.get(key, key))
