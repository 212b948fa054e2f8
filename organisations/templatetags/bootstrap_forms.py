"""Render Django form widgets with Bootstrap 5 classes, so every form looks and reports errors the same way."""

from django import forms, template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _widget_class(widget):
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, (forms.Select, forms.SelectMultiple)) and not isinstance(
        widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)
    ):
        return "form-select"
    if getattr(widget, "input_type", None) == "range":
        return "form-range"
    if getattr(widget, "input_type", None) == "color":
        return "form-control form-control-color"
    return "form-control"


def _field_attrs(bound_field, css_class):
    widget = bound_field.field.widget
    classes = [widget.attrs.get("class", ""), css_class]
    attrs = {}
    if bound_field.errors:
        classes.append("is-invalid")
        attrs["aria-invalid"] = "true"
    if bound_field.help_text or bound_field.errors:
        attrs["aria-describedby"] = f"{bound_field.auto_id}_help"
    attrs["class"] = " ".join(c for c in classes if c)
    return attrs


@register.filter
def is_choice_list(bound_field):
    """Return whether the field renders as a list of radio buttons or checkboxes."""
    return isinstance(bound_field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))


@register.filter
def is_checkbox(bound_field):
    """Return whether the field renders as one checkbox."""
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def bootstrap_widget(bound_field):
    """Render the field's widget with the Bootstrap class for its type, plus `is-invalid` when it has errors."""
    widget = bound_field.field.widget
    if is_choice_list(bound_field):
        return _render_choice_list(bound_field)
    return bound_field.as_widget(attrs=_field_attrs(bound_field, _widget_class(widget)))


def _render_choice_list(bound_field):
    invalid = " is-invalid" if bound_field.errors else ""
    options = []
    for option in bound_field.subwidgets:
        data = option.data
        attrs = dict(data["attrs"])
        options.append(
            (
                data["type"],
                data["name"],
                data["value"] if data["value"] is not None else "",
                attrs.get("id", ""),
                " checked" if data.get("selected") else "",
                invalid,
                attrs.get("id", ""),
                option.choice_label,
            )
        )
    return format_html(
        '<div id="{}">{}</div>',
        bound_field.auto_id,
        format_html_join(
            "",
            '<div class="form-check"><input type="{}" name="{}" value="{}" id="{}"{} '
            'class="form-check-input{}"><label class="form-check-label" for="{}">{}</label></div>',
            options,
        ),
    )
