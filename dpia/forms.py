from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from organisations.scoping import OrganisationScopedFormMixin

from .choices import Criterion, FearedEvent
from .models import Action, Dpia, PrincipleAssessment, Risk

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ScreeningForm(forms.Form):
    """One checkbox and one justification per criterion, plus the national list case and notes."""

    national_list_case = forms.CharField(
        label=_("Case on the national list of processing requiring a DPIA"),
        required=False,
        max_length=300,
        help_text=_("For example a type of processing on the CNIL's Art. 35(4) list. Any case makes a DPIA required."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXTAREA)

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        for criterion in Criterion:
            suggested = criterion in suggestions.reasons
            self.fields[f"met_{criterion.value}"] = forms.BooleanField(
                label=criterion.label, required=False, initial=suggested
            )
            self.fields[f"justification_{criterion.value}"] = forms.CharField(
                label=_("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def clean(self):
        cleaned = super().clean()
        for criterion in Criterion:
            suggested = criterion in self.suggestions.reasons
            met = cleaned.get(f"met_{criterion.value}", False)
            justification = (cleaned.get(f"justification_{criterion.value}") or "").strip()
            if met != suggested and not justification:
                self.add_error(
                    f"justification_{criterion.value}",
                    _("You changed the suggested answer: explain why (for example what the record does not show)."),
                )
        return cleaned

    def answers(self):
        """Return {Criterion: {"met", "justification"}} from the cleaned data."""
        return {
            criterion: {
                "met": self.cleaned_data.get(f"met_{criterion.value}", False),
                "justification": self.cleaned_data.get(f"justification_{criterion.value}", ""),
            }
            for criterion in Criterion
        }

    def criterion_rows(self):
        """Yield (criterion, suggestion reasons, checkbox field, justification field) for the template."""
        for criterion in Criterion:
            yield (
                criterion,
                self.suggestions.reasons.get(criterion, []),
                self[f"met_{criterion.value}"],
                self[f"justification_{criterion.value}"],
            )


class DpiaContextForm(OrganisationScopedFormMixin, forms.ModelForm):
    class Meta:
        model = Dpia
        fields = [
            "title",
            "description",
            "purposes",
            "stakeholders",
            "standards",
            "data_lifecycle",
            "supporting_assets",
            "ai_act_notes",
            "validator",
        ]
        widgets = {name: TEXTAREA for name in fields if name not in ("title", "validator")}


class PrincipleAssessmentForm(forms.ModelForm):
    class Meta:
        model = PrincipleAssessment
        fields = ["assessment", "corrective_measures"]
        widgets = {"assessment": TEXTAREA, "corrective_measures": TEXTAREA}


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = [
            "title",
            "risk_sources",
            "threats",
            "impacts",
            "measures",
            "severity_before",
            "likelihood_before",
            "severity_after",
            "likelihood_after",
        ]
        widgets = dict.fromkeys(("risk_sources", "threats", "impacts", "measures"), TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.feared_event != FearedEvent.CUSTOM:
            # The three feared events are named by the method; only the organisation's own risks need a title.
            del self.fields["title"]

    def clean_title(self):
        title = self.cleaned_data.get("title", "").strip()
        if self.instance.feared_event == FearedEvent.CUSTOM and not title:
            raise forms.ValidationError(_("A risk other than the three feared events needs a title."))
        return title


class ActionForm(OrganisationScopedFormMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = ["measure", "owner", "due_date", "status"]
        widgets = {"measure": forms.Textarea(attrs={"rows": 2}), "due_date": forms.DateInput(attrs={"type": "date"})}


class DpiaValidationForm(forms.ModelForm):
    class Meta:
        model = Dpia
        fields = ["dpo_opinion", "data_subjects_views", "data_subjects_not_consulted_reason", "decision"]
        widgets = {
            "dpo_opinion": TEXTAREA,
            "data_subjects_views": TEXTAREA,
            "data_subjects_not_consulted_reason": TEXTAREA,
        }


class CustomRiskForm(forms.Form):
    title = forms.CharField(label=_("Title of the risk"), max_length=200)


class DpiaImportForm(forms.Form):
    file = forms.FileField(
        label=_("DPIA JSON file"), help_text=_("A file exported from DPO Desk. It replaces the content of this draft.")
    )


PrincipleFormSet = modelformset_factory(PrincipleAssessment, form=PrincipleAssessmentForm, extra=0)
RiskFormSet = modelformset_factory(Risk, form=RiskForm, extra=0)
ActionFormSet = modelformset_factory(Action, form=ActionForm, extra=1, can_delete=True)
