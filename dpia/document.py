"""The DPIA as a plain JSON document: used for signed versions, comparisons, export and import.

Every field a user can edit is in the document, so export followed by import reproduces the DPIA exactly.
People are referenced by e-mail address; on import they must be members of the organisation.
"""

from django.utils.translation import gettext as _

FORMAT = "dpo-desk.dpia"
FORMAT_VERSION = 1

DPIA_TEXT_FIELDS = [
    "title",
    "description",
    "purposes",
    "stakeholders",
    "standards",
    "data_lifecycle",
    "supporting_assets",
    "ai_act_notes",
    "dpo_opinion",
    "data_subjects_views",
    "data_subjects_not_consulted_reason",
    "decision",
]
PRINCIPLE_FIELDS = ["principle", "assessment", "corrective_measures", "source"]
RISK_FIELDS = [
    "feared_event",
    "title",
    "risk_sources",
    "threats",
    "impacts",
    "measures",
    "severity_before",
    "likelihood_before",
    "severity_after",
    "likelihood_after",
    "sources",
    "position",
]
ACTION_FIELDS = ["measure", "status", "source"]


def _email(user):
    return user.email if user is not None else None


def dpia_to_document(dpia):
    """Return the JSON-serialisable document of `dpia` (prefetch principles, risks and actions for speed)."""
    document = {"format": FORMAT, "format_version": FORMAT_VERSION}
    for name in DPIA_TEXT_FIELDS:
        document[name] = getattr(dpia, name)
    document["version"] = dpia.version
    document["status"] = dpia.status
    document["validator"] = _email(dpia.validator)
    document["signed_by"] = _email(dpia.signed_by)
    document["signed_at"] = dpia.signed_at.isoformat() if dpia.signed_at else None
    document["sources"] = dict(dpia.sources or {})
    document["completed_steps"] = list(dpia.completed_steps or [])
    document["activity"] = {"id": dpia.activity_id, "name": str(dpia.activity)}
    document["principles"] = [
        {name: getattr(principle, name) for name in PRINCIPLE_FIELDS}
        for principle in sorted(dpia.principles.all(), key=lambda p: p.pk)
    ]
    document["risks"] = [
        {name: getattr(risk, name) for name in RISK_FIELDS}
        for risk in sorted(dpia.risks.all(), key=lambda r: (r.position, r.pk))
    ]
    document["actions"] = [
        {
            **{name: getattr(action, name) for name in ACTION_FIELDS},
            "owner": _email(action.owner),
            "due_date": action.due_date.isoformat() if action.due_date else None,
        }
        for action in sorted(dpia.actions.all(), key=lambda a: a.pk)
    ]
    return document


def flatten(document, prefix=""):
    """Return {dotted.path: value} for every leaf of `document`, for field-by-field comparisons."""
    flat = {}
    if isinstance(document, dict):
        for key, value in document.items():
            flat.update(flatten(value, f"{prefix}{key}."))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            flat.update(flatten(value, f"{prefix}{index}."))
    else:
        flat[prefix.rstrip(".")] = document
    return flat


IGNORED_IN_COMPARISON = {"format", "format_version", "completed_steps"}


def compare_documents(old, new):
    """Return [(path, old value, new value)] for every leaf that differs, in path order."""
    old_flat = {k: v for k, v in flatten(old).items() if k.split(".")[0] not in IGNORED_IN_COMPARISON}
    new_flat = {k: v for k, v in flatten(new).items() if k.split(".")[0] not in IGNORED_IN_COMPARISON}
    changes = []
    for path in sorted(old_flat.keys() | new_flat.keys()):
        before = old_flat.get(path)
        after = new_flat.get(path)
        if before != after:
            changes.append((path, before, after))
    return changes


def describe_change(path, before, after):
    """Return (label, before, after) of one comparison row in words a DPO reads, not document keys."""
    from .choices import Decision, DpiaStatus, FearedEvent, Level, Principle
    from .models import Action, Dpia, PrincipleAssessment, Risk

    sections = {
        "principles": (PrincipleAssessment, _("Principle")),
        "risks": (Risk, _("Risk")),
        "actions": (Action, _("Measure")),
    }
    value_labels = {
        "decision": dict(Decision.choices),
        "status": dict(DpiaStatus.choices),
        "principle": dict(Principle.choices),
        "feared_event": dict(FearedEvent.choices),
        "severity_before": dict(Level.choices),
        "likelihood_before": dict(Level.choices),
        "severity_after": dict(Level.choices),
        "likelihood_after": dict(Level.choices),
    }

    parts = path.split(".")
    field_name = parts[-1]
    if parts[0] in sections and len(parts) >= 3 and parts[1].isdigit():
        model, noun = sections[parts[0]]
        label = f"{noun} {int(parts[1]) + 1} · {_field_label(model, parts[2])}"
    else:
        label = _field_label(Dpia, parts[0])
        if len(parts) > 1:
            label = f"{label} · {parts[-1]}"

    labels = value_labels.get(field_name, {})
    return label, labels.get(before, before), labels.get(after, after)


def _field_label(model, name):
    from django.core.exceptions import FieldDoesNotExist

    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:
        return name.replace("_", " ").capitalize()
