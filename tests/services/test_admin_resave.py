"""Saving a catalogue entry in the admin without changing anything changes nothing."""

from io import StringIO

import pytest
from django import forms
from django.core.management import call_command
from django.urls import reverse

from services.models import Service
from tests.factories import UserFactory


def _browser_value(bound_field):
    """Return what a browser submits for `bound_field` as rendered, with textarea line breaks as CRLF."""
    value = bound_field.value()
    # The admin wraps relation widgets (RelatedFieldWidgetWrapper); the rendered control is the inner one.
    widget = getattr(bound_field.field.widget, "widget", bound_field.field.widget)
    if getattr(widget, "allow_multiple_selected", False):
        return [str(getattr(item, "pk", item)) for item in value or []]
    if isinstance(bound_field.field, forms.JSONField) and not isinstance(value, str):
        value = bound_field.field.prepare_value(value)
    if value is None:
        return ""
    text = str(value)
    if isinstance(widget, forms.Textarea):
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _resubmitted_data(page):
    """Return the POST data of the admin change page `page`, every field left as rendered."""
    forms_on_page = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms_on_page.append(inline.formset.management_form)
        forms_on_page.extend(inline.formset.forms)
    data = {"_save": "Save"}
    for form in forms_on_page:
        for bound_field in form:
            if isinstance(bound_field.field.widget, forms.CheckboxInput):
                if bound_field.value():
                    data[bound_field.html_name] = "on"
                continue
            data[bound_field.html_name] = _browser_value(bound_field)
    return data


@pytest.fixture
def shipped_catalogue(db):
    call_command("load_catalogue", stdout=StringIO(), stderr=StringIO())


def test_unchanged_admin_save_keeps_version(shipped_catalogue, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    service = Service.objects.get(slug="genesys-cloud")
    related_before = sorted(service.related_services.values_list("slug", flat=True))
    url = reverse("admin:services_service_change", args=[service.pk])

    response = client.post(url, _resubmitted_data(client.get(url)))

    saved = Service.objects.get(pk=service.pk)
    assert response.status_code == 302
    assert saved.version == service.version
    assert saved.content_hash == service.content_hash
    assert "\r" not in saved.description
    assert sorted(saved.related_services.values_list("slug", flat=True)) == related_before


def test_admin_save_stores_unix_line_breaks(shipped_catalogue, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    service = Service.objects.get(slug="genesys-cloud")
    url = reverse("admin:services_service_change", args=[service.pk])
    data = _resubmitted_data(client.get(url))
    data["description"] = "First paragraph.\r\n\r\nSecond paragraph."

    client.post(url, data)

    saved = Service.objects.get(pk=service.pk)
    assert saved.description == "First paragraph.\n\nSecond paragraph."
    assert saved.version == service.version + 1
