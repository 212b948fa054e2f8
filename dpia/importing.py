"""Import of a DPIA JSON document into an existing draft DPIA: validated as a whole, applied all or nothing."""

import json

from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import serializers

from .choices import ActionStatus, Decision, FearedEvent, Level, Principle
from .document import FORMAT, FORMAT_VERSION
from .models import Action, PrincipleAssessment, Risk

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


class DpiaImportError(Exception):
    """The document cannot be imported; `errors` lists (path, message) pairs."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{path}: {message}" for path, message in errors))
        self.errors = errors


class _PrincipleSerializer(serializers.Serializer):
    principle = serializers.ChoiceField(choices=Principle.choices)
    assessment = serializers.CharField(allow_blank=True)
    corrective_measures = serializers.CharField(allow_blank=True)
    source = serializers.CharField(allow_blank=True, max_length=300)


class _RiskSerializer(serializers.Serializer):
    feared_event = serializers.ChoiceField(choices=FearedEvent.choices)
    title = serializers.CharField(allow_blank=True, max_length=200)
    risk_sources = serializers.CharField(allow_blank=True)
    threats = serializers.CharField(allow_blank=True)
    impacts = serializers.CharField(allow_blank=True)
    measures = serializers.CharField(allow_blank=True)
    severity_before = serializers.ChoiceField(choices=Level.choices, allow_null=True)
    likelihood_before = serializers.ChoiceField(choices=Level.choices, allow_null=True)
    severity_after = serializers.ChoiceField(choices=Level.choices, allow_null=True)
    likelihood_after = serializers.ChoiceField(choices=Level.choices, allow_null=True)
    sources = serializers.DictField(child=serializers.ListField(child=serializers.CharField(allow_blank=True)))
    position = serializers.IntegerField(min_value=0, max_value=32767)

    def validate(self, attrs):
        if attrs["feared_event"] == FearedEvent.CUSTOM and not attrs["title"].strip():
            raise serializers.ValidationError({"title": _("A risk other than the three feared events needs a title.")})
        return attrs


class _ActionSerializer(serializers.Serializer):
    measure = serializers.CharField()
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    source = serializers.CharField(allow_blank=True, max_length=300)
    owner = serializers.EmailField(allow_null=True)
    due_date = serializers.DateField(allow_null=True)


class DpiaDocumentSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=[(FORMAT, FORMAT)])
    format_version = serializers.ChoiceField(choices=[(FORMAT_VERSION, str(FORMAT_VERSION))])
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(allow_blank=True)
    purposes = serializers.CharField(allow_blank=True)
    stakeholders = serializers.CharField(allow_blank=True)
    standards = serializers.CharField(allow_blank=True)
    data_lifecycle = serializers.CharField(allow_blank=True)
    supporting_assets = serializers.CharField(allow_blank=True)
    ai_act_notes = serializers.CharField(allow_blank=True)
    dpo_opinion = serializers.CharField(allow_blank=True)
    data_subjects_views = serializers.CharField(allow_blank=True)
    data_subjects_not_consulted_reason = serializers.CharField(allow_blank=True)
    decision = serializers.ChoiceField(choices=[("", "")] + list(Decision.choices), allow_blank=True)
    validator = serializers.EmailField(allow_null=True)
    sources = serializers.DictField(child=serializers.CharField(allow_blank=True))
    completed_steps = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=5))
    principles = _PrincipleSerializer(many=True)
    risks = _RiskSerializer(many=True)
    actions = _ActionSerializer(many=True)

    def validate_principles(self, value):
        seen = set()
        for entry in value:
            if entry["principle"] in seen:
                raise serializers.ValidationError(
                    _("The principle “%(principle)s” appears twice.") % {"principle": entry["principle"]}
                )
            seen.add(entry["principle"])
        return value

    def validate_risks(self, value):
        seen = set()
        for entry in value:
            event = entry["feared_event"]
            if event != FearedEvent.CUSTOM and event in seen:
                raise serializers.ValidationError(_("The feared event “%(event)s” appears twice.") % {"event": event})
            seen.add(event)
        return value


def _flatten_errors(errors, prefix=""):
    flat = []
    if isinstance(errors, dict):
        for key, value in errors.items():
            if isinstance(key, int) or str(key).isdigit():
                path = f"{prefix}[{key}]"
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            flat.extend(_flatten_errors(value, path))
    elif isinstance(errors, list):
        if all(isinstance(item, str) for item in errors):
            flat.extend((prefix or "document", str(item)) for item in errors)
        else:
            for index, item in enumerate(errors):
                if item:
                    flat.extend(_flatten_errors(item, f"{prefix}[{index}]"))
    else:
        flat.append((prefix or "document", str(errors)))
    return flat


def parse_dpia_document(raw_bytes, *, members_by_email):
    """Parse and validate a DPIA document; return validated data or raise DpiaImportError with every error.

    `members_by_email` maps the organisation's members' e-mail addresses to users.
    """
    if len(raw_bytes) > MAX_DOCUMENT_BYTES:
        raise DpiaImportError([("document", _("The file is larger than 2 MB."))])
    try:
        payload = json.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        raise DpiaImportError([("document", _("The file is not UTF-8 text."))]) from None
    except json.JSONDecodeError as error:
        raise DpiaImportError(
            [
                (
                    "document",
                    _("Invalid JSON at line %(line)s, column %(column)s: %(message)s")
                    % {"line": error.lineno, "column": error.colno, "message": error.msg},
                )
            ]
        ) from None
    if not isinstance(payload, dict):
        raise DpiaImportError([("document", _("The file must contain a JSON object."))])

    serializer = DpiaDocumentSerializer(data=payload)
    if not serializer.is_valid():
        raise DpiaImportError(_flatten_errors(serializer.errors))
    data = serializer.validated_data

    errors = []
    if data["validator"] and data["validator"].lower() not in members_by_email:
        errors.append(
            ("validator", _("%(email)s is not a member of this organisation.") % {"email": data["validator"]})
        )
    for index, action in enumerate(data["actions"]):
        if action["owner"] and action["owner"].lower() not in members_by_email:
            errors.append(
                (
                    f"actions[{index}].owner",
                    _("%(email)s is not a member of this organisation.") % {"email": action["owner"]},
                )
            )
    if errors:
        raise DpiaImportError(errors)
    return data


@transaction.atomic
def apply_dpia_document(dpia, data, *, members_by_email):
    """Replace the content of draft `dpia` with validated document `data` (one transaction)."""
    organisation = dpia.organisation
    for name in [
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
    ]:
        setattr(dpia, name, data[name])
    dpia.validator = members_by_email.get((data["validator"] or "").lower())
    dpia.sources = data["sources"]
    dpia.completed_steps = data["completed_steps"]

    dpia.principles.all().delete()
    dpia.risks.all().delete()
    dpia.actions.all().delete()
    # Rows are created one by one so each gets its own history entry (bulk_create would skip them).
    for entry in data["principles"]:
        PrincipleAssessment.objects.create(organisation=organisation, dpia=dpia, **entry)
    for entry in data["risks"]:
        Risk.objects.create(organisation=organisation, dpia=dpia, **entry)
    for entry in data["actions"]:
        Action.objects.create(
            organisation=organisation,
            dpia=dpia,
            measure=entry["measure"],
            status=entry["status"],
            source=entry["source"],
            owner=members_by_email.get((entry["owner"] or "").lower()),
            due_date=entry["due_date"],
        )
    return dpia
