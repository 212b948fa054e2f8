"""Catalogue proposals for a processing activity's own fields: data subjects, security measures, the DPIA flag.

Like activity_catalogue_diff, nothing here writes or queries. The activity's `provenance` records which fields a
user edited after they were filled. An edited field is shown as kept and never offered, and nothing the
catalogue no longer lists is taken out of these fields, because their values mix the user's and the catalogue's.
"""

import hashlib
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import autofill
from .labels import data_subject_label
from .screening import screen_service

ADD = "add"
CHANGE = "change"
KEPT = "kept"

FIELD_LABELS = {
    "data_subject_categories": gettext_lazy("Categories of data subjects"),
    "security_measures": gettext_lazy("Technical and organisational security measures"),
    "dpia_required": gettext_lazy("DPIA required"),
}


@dataclass(frozen=True)
class FieldProposal:
    """A value the catalogue proposes for one field of the activity, or a kept one the user edited.

    `value` is what applying writes: a data subject key, the security measures paragraph or the DPIA reason.
    `choice` is a digest of the activity's current value and the proposal, empty for kept proposals.
    """

    activity_id: int
    field: str
    action: str
    current: str
    proposed: str
    value: str
    choice: str = ""
    kept_action: str = ""

    @property
    def selectable(self):
        return self.action != KEPT

    @property
    def label(self):
        return str(FIELD_LABELS[self.field])


def _edited(provenance, field, slug):
    return any(entry.get("service") == slug and entry.get("edited") for entry in (provenance or {}).get(field, []))


def _proposal(activity, field, action, current, proposed, value, edited):
    if edited:
        return FieldProposal(activity.pk, field, KEPT, current, proposed, value, kept_action=action)
    payload = [activity.pk, field, action, current, proposed, value]
    digest = hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()[:20]
    return FieldProposal(
        activity.pk, field, action, current, proposed, value, f"{activity.pk}-{field}-{action}-{digest}"
    )


def security_measures_line(text, service):
    """Return the index of the line of `text` that the fill wrote for `service`, or None."""
    prefix = f"{service.name}: "
    for index, line in enumerate(text.splitlines()):
        if line.startswith(prefix):
            return index
    return None


def activity_field_proposals(activity, service):
    """Return FieldProposals for the data subjects, security measures and DPIA flag `service` adds to `activity`."""
    slug = service.slug
    provenance = activity.provenance
    proposals = []

    subjects = list(activity.data_subject_categories or [])
    subjects_edited = _edited(provenance, "data_subject_categories", slug)
    current_subjects = ", ".join(data_subject_label(key) for key in subjects)
    for key in service.data_subject_categories or []:
        if key not in subjects:
            proposals.append(
                _proposal(
                    activity,
                    "data_subject_categories",
                    ADD,
                    current_subjects,
                    data_subject_label(key),
                    key,
                    subjects_edited,
                )
            )

    measures = autofill.security_measures_for(service)
    text = activity.security_measures or ""
    if measures and measures not in text:
        line = security_measures_line(text, service)
        action = ADD if line is None else CHANGE
        current = "" if line is None else text.splitlines()[line]
        edited = _edited(provenance, "security_measures", slug)
        proposals.append(_proposal(activity, "security_measures", action, current, measures, measures, edited))

    screening = screen_service(service)
    if screening.required and not activity.dpia_required:
        reason = _("%(vendor)s: %(reason)s") % {"vendor": service.name, "reason": screening.reason()}
        edited = _edited(provenance, "dpia_required", slug)
        proposals.append(_proposal(activity, "dpia_required", ADD, _("no"), _("yes"), reason, edited))
    return proposals


def apply_field_proposal(activity, proposal, service):
    """Write `proposal` on `activity` (not saved) and return the names of the fields it changed."""
    if proposal.field == "data_subject_categories":
        if proposal.value not in activity.data_subject_categories:
            activity.data_subject_categories = [*activity.data_subject_categories, proposal.value]
        return ["data_subject_categories"]
    if proposal.field == "security_measures":
        lines = (activity.security_measures or "").splitlines()
        index = security_measures_line(activity.security_measures or "", service)
        if index is None:
            lines = [line for line in lines if line.strip()] + [proposal.value]
        else:
            lines[index] = proposal.value
        activity.security_measures = "\n".join(lines)
        return ["security_measures"]
    activity.dpia_required = True
    activity.dpia_reason = "\n".join(filter(None, [activity.dpia_reason.strip(), proposal.value]))
    return ["dpia_required", "dpia_reason"]
