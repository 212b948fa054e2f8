from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class OrganisationCreateForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "slug", "legal_name", "country"]
        help_texts = {"slug": _("Leave empty to derive it from the name.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
