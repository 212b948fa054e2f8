"""The form include renders each widget type with its Bootstrap class and marks invalid fields."""

from django import forms
from django.template.loader import render_to_string


class SampleForm(forms.Form):
    name = forms.CharField()
    notes = forms.CharField(widget=forms.Textarea, required=False, help_text="Free text.")
    country = forms.ChoiceField(choices=[("FR", "France"), ("BE", "Belgium")])
    role = forms.ChoiceField(choices=[("viewer", "Viewer"), ("editor", "Editor")], widget=forms.RadioSelect)
    consent = forms.BooleanField(required=False)


def _render(form):
    return render_to_string("includes/form.html", {"form": form})


def test_widget_classes():
    html = _render(SampleForm())

    assert 'class="form-control" required id="id_name"' in html
    assert 'class="form-control" id="id_notes"' in html
    assert 'class="form-select" id="id_country"' in html
    assert 'class="form-check-input" id="id_consent"' in html
    assert 'id="id_role_0" class="form-check-input"' in html
    assert 'id="id_role_1" class="form-check-input"' in html
    assert "is-invalid" not in html


def test_invalid_fields_marked():
    form = SampleForm(data={"name": "", "country": "XX", "role": "owner"})
    form.is_valid()

    html = _render(form)

    assert 'class="form-control is-invalid" required id="id_name"' in html
    assert 'class="form-select is-invalid" id="id_country"' in html
    assert 'id="id_role_0" class="form-check-input is-invalid"' in html
    assert 'class="form-control" id="id_notes"' in html
    assert html.count('class="invalid-feedback d-block"') == 3
    assert html.count('aria-invalid="true"') == 2
    assert "This field is required." in html


def test_radio_choice_keeps_selection():
    form = SampleForm(data={"name": "x", "country": "FR", "role": "editor"})
    form.is_valid()

    html = _render(form)

    assert 'value="editor" id="id_role_1" checked' in html
    assert 'value="viewer" id="id_role_0" class' in html


def test_help_text_linked_to_field():
    html = _render(SampleForm())

    assert 'id="id_notes_help"' in html
    assert 'aria-describedby="id_notes_help"' in html
