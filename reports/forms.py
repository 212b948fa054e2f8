from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .kinds import requestable_kinds
from .rendering.pdf import PDF_VARIANTS


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="en")
    pdf_variant = forms.ChoiceField(
        label=_("PDF format"),
        required=False,
        choices=[("", _("Standard PDF"))] + [(variant, variant.upper()) for variant in PDF_VARIANTS],
        help_text=_("PDF/A is the archival format; PDF/UA adds tags for screen readers."),
    )

    def __init__(self, *args, organisation, role, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        # Only the kinds `role` may request. Another kind posted anyway fails as an invalid choice.
        self.fields["kind"].choices = [(kind.name, kind.label) for kind in requestable_kinds(role)]

    def parameters(self):
        """Return the report parameters chosen in the form."""
        parameters = {"language": self.cleaned_data["language"]}
        if self.cleaned_data.get("pdf_variant"):
            parameters["pdf_variant"] = self.cleaned_data["pdf_variant"]
        return parameters
