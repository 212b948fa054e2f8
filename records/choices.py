"""Choice lists of the vendor register and the records of processing activities."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VendorUseStatus(models.TextChoices):
    EVALUATING = "evaluating", _("Evaluating")
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class VendorRole(models.TextChoices):
    """The vendor's role for this use (Art. 4(7), 4(8) and 26 GDPR)."""

    PROCESSOR = "processor", _("Processor")
    INDEPENDENT_CONTROLLER = "independent-controller", _("Independent controller")
    JOINT_CONTROLLER = "joint-controller", _("Joint controller")


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class LegalBasis(models.TextChoices):
    """Legal bases of Art. 6(1)(a) to (f) GDPR, in that order."""

    CONSENT = "consent", _("Consent (Art. 6(1)(a))")
    CONTRACT = "contract", _("Contract (Art. 6(1)(b))")
    LEGAL_OBLIGATION = "legal-obligation", _("Legal obligation (Art. 6(1)(c))")
    VITAL_INTERESTS = "vital-interests", _("Vital interests (Art. 6(1)(d))")
    PUBLIC_TASK = "public-task", _("Public task (Art. 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate-interests", _("Legitimate interests (Art. 6(1)(f))")


class RetentionSubject(models.TextChoices):
    """Subject of a retention period: records of personal data, or identifiers stored on a device."""

    PERSONAL_DATA = "personal-data", _("Personal data")
    COOKIES = "cookies", _("Cookies and similar identifiers")


class SpecialCategory(models.TextChoices):
    NONE = "", _("No")
    ART_9 = "art9", _("Special category (Art. 9)")
    ART_10 = "art10", _("Criminal convictions and offences (Art. 10)")


class RecipientKind(models.TextChoices):
    """Recipient types of the CNIL register model: internal, external bodies, processors."""

    PROCESSOR = "processor", _("Processor")
    SUB_PROCESSOR = "sub-processor", _("Sub-processor")
    INTERNAL = "internal", _("Internal department")
    EXTERNAL = "external", _("External recipient (partner, authority, controller)")


class TransferSafeguard(models.TextChoices):
    """Transfer tools of Chapter V GDPR."""

    ADEQUACY = "adequacy", _("Adequacy decision (Art. 45)")
    DPF = "dpf", _("EU-US Data Privacy Framework (adequacy for certified organisations)")
    SCC = "scc", _("Standard contractual clauses (Art. 46(2)(c))")
    BCR = "bcr", _("Binding corporate rules (Art. 47)")
    DEROGATION = "derogation", _("Derogation for specific situations (Art. 49)")
    NONE = "", _("Not identified yet")


class SccModule(models.TextChoices):
    """Modules of the 2021 standard contractual clauses (Commission Implementing Decision (EU) 2021/914)."""

    NONE = "", _("Not applicable")
    MODULE_1 = "1", _("Module 1: controller to controller")
    MODULE_2 = "2", _("Module 2: controller to processor")
    MODULE_3 = "3", _("Module 3: processor to processor")
    MODULE_4 = "4", _("Module 4: processor to controller")


class ChecklistStatus(models.TextChoices):
    TODO = "todo", _("To do")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not-applicable", _("Not applicable")


# Transfer safeguards a vendor use can rely on, as offered in the vendor form.
VENDOR_SAFEGUARD_CHOICES = [
    (TransferSafeguard.ADEQUACY.value, TransferSafeguard.ADEQUACY.label),
    (TransferSafeguard.DPF.value, TransferSafeguard.DPF.label),
    (TransferSafeguard.SCC.value, TransferSafeguard.SCC.label),
    (TransferSafeguard.BCR.value, TransferSafeguard.BCR.label),
    (TransferSafeguard.DEROGATION.value, TransferSafeguard.DEROGATION.label),
]
