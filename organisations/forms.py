from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .actions import ORGANISATION_EDITABLE_FIELDS
from .models import Organisation
from .roles import ROLE_DESCRIPTIONS, Role
from .scoping import OrganisationScopedFormMixin


class OrganisationCreateForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "slug", "legal_name", "country"]
        help_texts = {
            "slug": _("Used in addresses such as /o/<slug>/. Leave empty to derive it from the name."),
            "legal_name": _("The controller's registered name, as it should appear in your records of processing."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class OrganisationSettingsForm(forms.ModelForm):
    """Controller details shown in records of processing activities (Art. 30(1)(a) GDPR)."""

    class Meta:
        model = Organisation
        fields = list(ORGANISATION_EDITABLE_FIELDS)
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "eu_representative": forms.Textarea(attrs={"rows": 3}),
        }


def _role_choices(allowed_roles):
    return [(role.value, f"{role.label} — {ROLE_DESCRIPTIONS[role]}") for role in allowed_roles]


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, allowed_roles=tuple(Role), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in allowed_roles]


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Only someone who signs in with this address can accept the invitation."),
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect, initial=Role.VIEWER)

    def __init__(self, *args, allowed_roles=tuple(Role), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(allowed_roles)


class TransferOwnershipForm(OrganisationScopedFormMixin, forms.Form):
    new_owner = forms.ModelChoiceField(
        label=_("New owner"),
        queryset=User.objects.order_by("email"),
        help_text=_("This member becomes an owner and you become an admin."),
    )
    confirmation = forms.CharField(label=_("Type the organisation's slug to confirm"))

    def __init__(self, *args, actor=None, **kwargs):
        # The mixin narrows `new_owner` to the organisation's members; the acting owner is left out as well.
        super().__init__(*args, **kwargs)
        if actor is not None:
            self.fields["new_owner"].queryset = self.fields["new_owner"].queryset.exclude(pk=actor.pk)

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip()
        if value != self.organisation.slug:
            raise forms.ValidationError(
                _("Type “%(slug)s” exactly to confirm."), params={"slug": self.organisation.slug}
            )
        return value


class OrganisationDeleteForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type the organisation's slug to confirm"),
        help_text=_("Deletion removes every record, vendor, DPIA, report and membership of the organisation."),
    )
