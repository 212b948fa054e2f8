"""Choice lists of the DPIA: screening criteria (EDPB/WP29 WP248 rev.01, Art. 35(3) GDPR) and the CNIL PIA scales."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """Four-level scale of the CNIL PIA method, used for both severity and likelihood."""

    NEGLIGIBLE = 1, _("Negligible")
    LIMITED = 2, _("Limited")
    SIGNIFICANT = 3, _("Significant")
    MAXIMUM = 4, _("Maximum")


class FearedEvent(models.TextChoices):
    """The three feared events of the CNIL PIA method, one per security property."""

    ILLEGITIMATE_ACCESS = "illegitimate_access", _("Illegitimate access to data")
    UNWANTED_MODIFICATION = "unwanted_modification", _("Unwanted modification of data")
    DISAPPEARANCE = "disappearance", _("Disappearance of data")
    CUSTOM = "custom", _("Other risk")


class Criterion(models.TextChoices):
    """Screening criteria: the nine WP248 criteria, then the three cases named by Art. 35(3) GDPR."""

    EVALUATION_SCORING = "evaluation_scoring", _("Evaluation or scoring, including profiling and prediction")
    AUTOMATED_DECISION = "automated_decision", _("Automated decision-making with legal or similarly significant effect")
    SYSTEMATIC_MONITORING = "systematic_monitoring", _("Systematic monitoring of data subjects")
    SENSITIVE_DATA = "sensitive_data", _("Sensitive data or data of a highly personal nature")
    LARGE_SCALE = "large_scale", _("Data processed on a large scale")
    MATCHING_DATASETS = "matching_datasets", _("Matching or combining data sets")
    VULNERABLE_SUBJECTS = "vulnerable_subjects", _("Data concerning vulnerable data subjects")
    INNOVATIVE_TECHNOLOGY = (
        "innovative_technology",
        _("Innovative use or new technological or organisational solutions"),
    )
    PREVENTS_RIGHT = (
        "prevents_right",
        _("Processing that prevents data subjects from exercising a right or using a service"),
    )
    ART35_3A = (
        "art35_3a",
        _("Art. 35(3)(a): systematic and extensive automated evaluation with legal or similar effects"),
    )
    ART35_3B = "art35_3b", _("Art. 35(3)(b): large-scale processing of special-category or criminal-offence data")
    ART35_3C = "art35_3c", _("Art. 35(3)(c): large-scale systematic monitoring of a publicly accessible area")


WP248_CRITERIA = [
    Criterion.EVALUATION_SCORING,
    Criterion.AUTOMATED_DECISION,
    Criterion.SYSTEMATIC_MONITORING,
    Criterion.SENSITIVE_DATA,
    Criterion.LARGE_SCALE,
    Criterion.MATCHING_DATASETS,
    Criterion.VULNERABLE_SUBJECTS,
    Criterion.INNOVATIVE_TECHNOLOGY,
    Criterion.PREVENTS_RIGHT,
]
ARTICLE_35_3_CASES = [Criterion.ART35_3A, Criterion.ART35_3B, Criterion.ART35_3C]


class ScreeningOutcome(models.TextChoices):
    REQUIRED = "required", _("DPIA required")
    RECOMMENDED = "recommended", _("DPIA recommended")
    NOT_REQUIRED = "not_required", _("DPIA not required")


class Principle(models.TextChoices):
    """Fundamental principles assessed in part 2 of the CNIL PIA method."""

    PURPOSES = "purposes", _("Purposes: specified, explicit and legitimate")
    LEGAL_BASIS = "legal_basis", _("Legal basis")
    MINIMISATION = "minimisation", _("Data minimisation")
    ACCURACY = "accuracy", _("Accuracy of the data")
    RETENTION = "retention", _("Retention periods")
    INFORMATION = "information", _("Information of data subjects")
    CONSENT = "consent", _("Obtaining consent, where applicable")
    ACCESS_PORTABILITY = "access_portability", _("Rights of access and to data portability")
    RECTIFICATION_ERASURE = "rectification_erasure", _("Rights to rectification and erasure")
    RESTRICTION_OBJECTION = "restriction_objection", _("Rights to restriction and to object")
    PROCESSORS = "processors", _("Processors' obligations (Art. 28)")
    TRANSFERS = "transfers", _("Transfers outside the EEA (Chapter V)")


class DpiaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Processing accepted: residual risks are acceptable")
    ACCEPTED_WITH_ACTIONS = "accepted_with_actions", _("Accepted once the action plan is carried out")
    PRIOR_CONSULTATION = "prior_consultation", _("Prior consultation of the supervisory authority (Art. 36)")
    REJECTED = "rejected", _("Processing not accepted")


# Processing types for which the CNIL requires a DPIA (its Art. 35(4) list, Délibération n° 2018-327 of
# 11 October 2018), offered as suggestions; an organisation under another authority types its own case.
CNIL_REQUIRED_LIST = [
    _("Health data processed by health or medico-social establishments for patient care"),
    _("Genetic data of vulnerable persons"),
    _("Profiling of people for human-resources management"),
    _("Constant monitoring of employees' activity"),
    _("Management of alerts and reports in social and health matters"),
    _("Management of professional alerts (whistleblowing)"),
    _("Health data used to build a data warehouse or a register"),
    _("Profiling that may lead to exclusion from, suspension or termination of a contract"),
    _("Pooled files of contractual breaches that may lead to exclusion or suspension"),
    _("Profiling using data from external sources"),
    _("Biometric data to recognise vulnerable persons"),
    _("Applications for and management of social housing"),
    _("Social or medico-social support of persons"),
    _("Large-scale location data"),
]
