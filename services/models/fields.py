"""A JSON list of choice values, used where a short list of enum values is the natural shape."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON array whose items must be values of `choices_enum`, without duplicates."""

    def __init__(self, *args, choices_enum=None, **kwargs):
        self.choices_enum = choices_enum
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_enum"] = self.choices_enum
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Enter a list of values."), code="invalid")
        allowed = set(self.choices_enum.values) if self.choices_enum else None
        unknown = [item for item in value if allowed is not None and item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown values: %(values)s. Allowed values: %(allowed)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown)), "allowed": ", ".join(sorted(allowed))},
            )
        if len(set(map(str, value))) != len(value):
            raise ValidationError(_("Each value may appear only once."), code="duplicate")

    def formfield(self, **kwargs):
        if self.choices_enum is None:
            return super().formfield(**kwargs)
        from django import forms

        return forms.TypedMultipleChoiceField(
            choices=self.choices_enum.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, value):
        """Return the translated labels of the stored values, in stored order."""
        mapping = dict(self.choices_enum.choices) if self.choices_enum else {}
        return [mapping.get(item, item) for item in value or []]


class StringListField(models.JSONField):
    """A JSON array of free-text strings (sources, certifications, measures)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise ValidationError(_("Enter a list of non-empty texts."), code="invalid")
