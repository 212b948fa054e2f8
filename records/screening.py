"""DPIA screening from the catalogue's hints, following the two-criteria rule of the EDPB-endorsed WP248 rev.01.

WP248 presumes a DPIA is needed when processing meets two or more of its nine criteria. The catalogue gives
hints for five of them; data about minors adds the "vulnerable data subjects" criterion. Transfers outside the
EEA are not a WP248 criterion, so they are shown in the transfer rows, not counted here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SCREENING_CRITERIA = (
    ("screening_ai_or_automated_decisions", _("evaluation, scoring or automated decisions")),
    ("screening_special_category_data", _("sensitive or highly personal data")),
    ("screening_systematic_monitoring", _("systematic monitoring")),
    ("screening_large_scale", _("large-scale processing")),
    ("screening_innovative_technology", _("innovative use of technology")),
)
DPIA_CRITERIA_THRESHOLD = 2


@dataclass(frozen=True)
class ScreeningResult:
    criteria: tuple
    required: bool

    def reason(self):
        if not self.criteria:
            return str(_("No WP248 criterion is met according to the catalogue."))
        return str(_("WP248 criteria met: %(criteria)s.")) % {"criteria": ", ".join(str(c) for c in self.criteria)}


def screen_service(service):
    """Return the WP248 criteria the catalogue flags for `service` and whether a DPIA is presumed required."""
    criteria = [label for field, label in SCREENING_CRITERIA if getattr(service, field, False)]
    if "minors" in (service.data_subject_categories or []):
        criteria.append(_("data about vulnerable data subjects (minors)"))
    return ScreeningResult(criteria=tuple(criteria), required=len(criteria) >= DPIA_CRITERIA_THRESHOLD)
