"""Screening rules: which criteria an activity's data and vendors suggest, and the outcome they lead to.

Rules (EDPB/WP29 guidelines WP248 rev.01): two or more of the nine criteria, a case of Art. 35(3) GDPR or a
case on the national Art. 35(4) list make a DPIA required; one criterion makes it recommended.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .choices import ARTICLE_35_3_CASES, WP248_CRITERIA, Criterion, ScreeningOutcome

# Data categories that WP248 counts as "highly personal" even outside Art. 9.
HIGHLY_PERSONAL_CATEGORIES = {"location", "financial-data", "communication-content", "voice-recordings"}
VULNERABLE_SUBJECT_CATEGORIES = {"employees", "job-applicants", "minors"}


@dataclass
class VendorHints:
    """Screening hints of one vendor of the activity, from its catalogue entry."""

    name: str
    ai_or_automated_decisions: bool = False
    special_category_data: bool = False
    systematic_monitoring: bool = False
    large_scale: bool = False
    innovative_technology: bool = False
    transfers_outside_eea: bool = False
    transfer_destinations: list = field(default_factory=list)


@dataclass
class ActivityFacts:
    """Facts of the activity's record that bear on the screening."""

    special_categories: bool = False
    personal_data_categories: set = field(default_factory=set)
    data_subject_categories: set = field(default_factory=set)


@dataclass
class Suggestions:
    reasons: dict = field(default_factory=dict)  # criterion -> list of reasons
    factors: list = field(default_factory=list)  # aggravating factors that are not criteria

    def add(self, criterion, reason):
        self.reasons.setdefault(criterion, [])
        if reason not in self.reasons[criterion]:
            self.reasons[criterion].append(reason)


def suggest_criteria(*, vendors, facts):
    """Return the criteria suggested by the vendors' hints and the activity's facts, each with its reasons."""
    suggestions = Suggestions()

    for vendor in vendors:
        if vendor.ai_or_automated_decisions:
            suggestions.add(
                Criterion.EVALUATION_SCORING,
                _("%(vendor)s offers AI features or automated decisions (such as sentiment analysis or scoring).")
                % {"vendor": vendor.name},
            )
        if vendor.special_category_data:
            suggestions.add(
                Criterion.SENSITIVE_DATA,
                _("%(vendor)s may process special-category data (for example in recordings or free text).")
                % {"vendor": vendor.name},
            )
        if vendor.systematic_monitoring:
            suggestions.add(
                Criterion.SYSTEMATIC_MONITORING,
                _("%(vendor)s monitors people's behaviour systematically.") % {"vendor": vendor.name},
            )
        if vendor.large_scale:
            suggestions.add(
                Criterion.LARGE_SCALE,
                _("%(vendor)s is typically used to process data of many people.") % {"vendor": vendor.name},
            )
        if vendor.innovative_technology:
            suggestions.add(
                Criterion.INNOVATIVE_TECHNOLOGY,
                _("%(vendor)s relies on innovative technology (such as AI or biometrics).") % {"vendor": vendor.name},
            )
        if vendor.special_category_data and vendor.large_scale:
            suggestions.add(
                Criterion.ART35_3B,
                _("%(vendor)s: possible special-category data processed on a large scale.") % {"vendor": vendor.name},
            )
        if vendor.transfers_outside_eea:
            destinations = ", ".join(vendor.transfer_destinations) or _("third countries")
            suggestions.factors.append(
                _("%(vendor)s transfers data outside the EEA (%(destinations)s).")
                % {"vendor": vendor.name, "destinations": destinations}
            )

    if facts.special_categories:
        suggestions.add(
            Criterion.SENSITIVE_DATA, _("The record lists special-category or criminal-offence data (Art. 9 or 10).")
        )
    highly_personal = sorted(facts.personal_data_categories & HIGHLY_PERSONAL_CATEGORIES)
    if highly_personal:
        suggestions.add(
            Criterion.SENSITIVE_DATA,
            _("The record lists data of a highly personal nature: %(categories)s.")
            % {"categories": ", ".join(highly_personal)},
        )
    vulnerable = sorted(facts.data_subject_categories & VULNERABLE_SUBJECT_CATEGORIES)
    if vulnerable:
        suggestions.add(
            Criterion.VULNERABLE_SUBJECTS,
            _("The record lists vulnerable data subjects: %(categories)s.") % {"categories": ", ".join(vulnerable)},
        )
    return suggestions


def screening_outcome(*, met_criteria, national_list_case=""):
    """Return the ScreeningOutcome for the set of criteria met."""
    met = set(met_criteria)
    if national_list_case or met & set(ARTICLE_35_3_CASES):
        return ScreeningOutcome.REQUIRED
    count = len(met & set(WP248_CRITERIA))
    if count >= 2:
        return ScreeningOutcome.REQUIRED
    if count == 1:
        return ScreeningOutcome.RECOMMENDED
    return ScreeningOutcome.NOT_REQUIRED
