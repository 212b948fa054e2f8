from django import forms
from django.utils.translation import gettext_lazy as _

from services import choices


class ServiceFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("Name, domain or cookie name")}),
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *choices.ServiceCategory.choices]
    )
    risk = forms.ChoiceField(label=_("Risk"), required=False, choices=[("", _("Any risk")), *choices.RiskLevel.choices])
    consent = forms.ChoiceField(
        label=_("Consent category"),
        required=False,
        choices=[("", _("Any consent category")), *choices.ConsentCategory.choices],
    )
