"""Choice lists of the service catalogue.

The values are the ones used in the catalogue data files (services/catalogue/schema.json), so a file value
and a stored value are the same string.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ServiceCategory(models.TextChoices):
    ADVERTISING = "advertising", _("Advertising")
    ANALYTICS = "analytics", _("Analytics")
    MARKETING = "marketing", _("Marketing")
    EMAIL_MARKETING = "email-marketing", _("E-mail marketing")
    CUSTOMER_SUPPORT = "customer-support", _("Customer support")
    CONTACT_CENTRE = "contact-centre", _("Contact centre")
    CHAT = "chat", _("Chat")
    PAYMENTS = "payments", _("Payments")
    CRM = "crm", _("CRM")
    HOSTING_CDN = "hosting-cdn", _("Hosting and CDN")
    VIDEO = "video", _("Video")
    MAPS = "maps", _("Maps")
    FONTS = "fonts", _("Fonts")
    SOCIAL = "social", _("Social media")
    TAG_MANAGEMENT = "tag-management", _("Tag management")
    CONSENT_MANAGEMENT = "consent-management", _("Consent management")
    HR = "hr", _("Human resources")
    SECURITY = "security", _("Security")
    MONITORING = "monitoring", _("Monitoring")
    FORMS_SURVEYS = "forms-surveys", _("Forms and surveys")
    SCHEDULING = "scheduling", _("Scheduling")
    E_COMMERCE = "e-commerce", _("E-commerce")
    COLLABORATION = "collaboration", _("Collaboration")
    AI = "ai", _("Artificial intelligence")
    REVIEWS = "reviews", _("Reviews")
    PERSONALISATION = "personalisation", _("Personalisation")
    SEARCH = "search", _("Search")
    COMMUNICATIONS = "communications", _("Communications")


class ConsentCategory(models.TextChoices):
    """The category under which a consent management platform gates a service or a cookie."""

    STRICTLY_NECESSARY = "strictly-necessary", _("Strictly necessary")
    FUNCTIONAL = "functional", _("Functional")
    ANALYTICS = "analytics", _("Analytics")
    MARKETING = "marketing", _("Marketing")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class PersonalDataCategory(models.TextChoices):
    IDENTIFIERS = "identifiers", _("Identifiers")
    CONTACT_DETAILS = "contact-details", _("Contact details")
    ONLINE_IDENTIFIERS = "online-identifiers", _("Online identifiers")
    DEVICE_FINGERPRINT = "device-fingerprint", _("Device fingerprint")
    USAGE_DATA = "usage-data", _("Usage data")
    COMMUNICATION_CONTENT = "communication-content", _("Communication content")
    VOICE_RECORDINGS = "voice-recordings", _("Voice recordings")
    IMAGES_VIDEO = "images-video", _("Images and video")
    PAYMENT_DATA = "payment-data", _("Payment data")
    FINANCIAL_DATA = "financial-data", _("Financial data")
    LOCATION = "location", _("Location")
    EMPLOYMENT_DATA = "employment-data", _("Employment data")
    # Art. 9 and Art. 10 GDPR.
    SPECIAL_CATEGORIES = "special-categories", _("Special categories of personal data (possible)")
    CRIMINAL_DATA = "criminal-data", _("Criminal convictions and offences")


class DataSubjectCategory(models.TextChoices):
    WEBSITE_VISITORS = "website-visitors", _("Website visitors")
    APP_USERS = "app-users", _("App users")
    CUSTOMERS = "customers", _("Customers")
    PROSPECTS = "prospects", _("Prospects")
    EMPLOYEES = "employees", _("Employees")
    JOB_APPLICANTS = "job-applicants", _("Job applicants")
    CALLERS = "callers", _("Callers")
    CONTRACTORS = "contractors", _("Contractors")
    SUPPLIERS = "suppliers", _("Suppliers")
    MINORS = "minors", _("Minors")


class VendorRoleKind(models.TextChoices):
    PROCESSOR = "processor", _("Processor")
    INDEPENDENT_CONTROLLER = "independent-controller", _("Independent controller")
    JOINT_CONTROLLER = "joint-controller", _("Joint controller")


class LegalBasisKind(models.TextChoices):
    """Legal bases of Art. 6(1)(a) to (f) GDPR, in that order."""

    CONSENT = "consent", _("Consent (Art. 6(1)(a))")
    CONTRACT = "contract", _("Contract (Art. 6(1)(b))")
    LEGAL_OBLIGATION = "legal-obligation", _("Legal obligation (Art. 6(1)(c))")
    VITAL_INTERESTS = "vital-interests", _("Vital interests (Art. 6(1)(d))")
    PUBLIC_TASK = "public-task", _("Public task (Art. 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate-interests", _("Legitimate interests (Art. 6(1)(f))")


class Regulation(models.TextChoices):
    GDPR = "gdpr", _("GDPR")
    EPRIVACY_DIRECTIVE = "eprivacy-directive", _("ePrivacy Directive")
    EPRIVACY_REGULATION_PROPOSAL = "eprivacy-regulation-proposal", _("Proposed ePrivacy Regulation")
    NATIONAL_TELECOMS_LAW = "national-telecoms-law", _("National telecoms law")
    EU_AI_ACT = "eu-ai-act", _("EU AI Act")
    DIGITAL_SERVICES_ACT = "digital-services-act", _("Digital Services Act")
    DIGITAL_MARKETS_ACT = "digital-markets-act", _("Digital Markets Act")
    PSD2 = "psd2", _("PSD2")
    PCI_DSS = "pci-dss", _("PCI DSS")
    NIS2 = "nis2", _("NIS2 Directive")
    DORA = "dora", _("DORA")
    EU_DATA_ACT = "eu-data-act", _("EU Data Act")


class Safeguard(models.TextChoices):
    """Transfer tools of Chapter V GDPR."""

    SCC_2021 = "scc-2021", _("Standard contractual clauses (2021)")
    EU_US_DPF = "eu-us-dpf", _("EU-US Data Privacy Framework")
    ADEQUACY = "adequacy", _("Adequacy decision")
    BCR = "bcr", _("Binding corporate rules")
    DEROGATION = "derogation", _("Derogation (Art. 49)")


class CookieMatch(models.TextChoices):
    EXACT = "exact", _("Exact name")
    PREFIX = "prefix", _("Name prefix")


class StorageKind(models.TextChoices):
    COOKIE = "cookie", _("Cookie")
    LOCAL_STORAGE = "local-storage", _("Local storage")
    SESSION_STORAGE = "session-storage", _("Session storage")
    INDEXEDDB = "indexeddb", _("IndexedDB")
    PIXEL = "pixel", _("Tracking pixel")


class CookieSource(models.TextChoices):
    """Origin of a cookie row. The catalogue loader uses it to replace only the rows it created."""

    CATALOGUE = "catalogue", _("Catalogue data file")
    OPEN_COOKIE_DATABASE = "open-cookie-database", _("Open Cookie Database import")
    STAFF = "staff", _("Entered by staff")


class DpiaConsiderationKind(models.TextChoices):
    RISK_SOURCE = "risk-source", _("Risk source")
    THREAT = "threat", _("Threat")
    MEASURE = "measure", _("Measure")
    PRINCIPLE = "principle", _("Fundamental principle")
