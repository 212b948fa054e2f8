"""Forms of the vendor register, the records of processing activities and the checklists."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from organisations.scoping import OrganisationScopedFormMixin
from services.choices import DataSubjectCategory, PersonalDataCategory

from .activity_catalogue_diff import SECTION_BY_MODEL, row_key
from .choices import VENDOR_SAFEGUARD_CHOICES, TransferSafeguard, VendorRole, VendorUseStatus
from .labels import data_category_label
from .models import (
    ActivityDataCategory,
    ActivityPurpose,
    ActivityRecipient,
    ActivityTransfer,
    ChecklistTask,
    ProcessingActivity,
    ProcessorActivity,
    RetentionPeriod,
    VendorUse,
)
from .provenance import mark_row_edited
from .transfers import DPF_LIST_URL
from .uploads import validate_upload

MAX_BULK_LINES = 200
# A URL with its path and query fits; a longer line is a paste of something else (a whole document).
MAX_BULK_LINE_LENGTH = 500


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VendorUseForm(OrganisationScopedFormMixin, forms.ModelForm):
    transfer_safeguards = forms.MultipleChoiceField(
        label=_("Transfer safeguards relied on"),
        choices=VENDOR_SAFEGUARD_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = VendorUse
        fields = [
            "vendor_name",
            "vendor_legal_entity",
            "vendor_country",
            "vendor_website",
            "purpose_of_use",
            "departments",
            "owner",
            "status",
            "vendor_role",
            "dpa_signed_on",
            "dpa_url",
            "dpa_file",
            "eu_region",
            "transfer_safeguards",
            "dpf_checked_on",
            "review_date",
            "notes",
        ]
        widgets = {
            "purpose_of_use": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "dpa_signed_on": DateInput(),
            "dpf_checked_on": DateInput(),
            "review_date": DateInput(),
        }

    def clean_dpa_file(self):
        upload = self.cleaned_data.get("dpa_file")
        validate_upload(upload)
        return upload

    def clean_vendor_name(self):
        name = self.cleaned_data["vendor_name"].strip()
        if not name:
            raise ValidationError(_("Enter the vendor's name."))
        return name


class BulkPasteForm(forms.Form):
    lines = forms.CharField(
        label=_("Vendor names, domains or URLs"),
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": "genesys.com\nhttps://www.hotjar.com/\nHubSpot"}),
        help_text=_("One per line, up to 200 lines."),
        error_messages={"required": _("Paste at least one vendor name, domain or URL.")},
    )

    def clean_lines(self):
        lines = [line.strip() for line in self.cleaned_data["lines"].splitlines() if line.strip()]
        if not lines:
            raise ValidationError(_("Paste at least one vendor name, domain or URL."))
        if len(lines) > MAX_BULK_LINES:
            raise ValidationError(
                _("You pasted %(count)d lines; paste at most %(max)d at a time."),
                params={"count": len(lines), "max": MAX_BULK_LINES},
            )
        for number, line in enumerate(lines, start=1):
            if len(line) > MAX_BULK_LINE_LENGTH:
                raise ValidationError(
                    _(
                        "Line %(number)d is %(length)d characters long (“%(start)s…”). Put one vendor name, "
                        "domain or URL on each line, at most %(max)d characters."
                    ),
                    params={"number": number, "length": len(line), "start": line[:60], "max": MAX_BULK_LINE_LENGTH},
                )
        return lines


class ActivityForm(OrganisationScopedFormMixin, forms.ModelForm):
    data_subject_categories = forms.MultipleChoiceField(
        label=_("Categories of data subjects"),
        choices=DataSubjectCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_data_subjects = forms.CharField(
        label=_("Other categories of data subjects"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line, for categories not in the list above."),
    )

    class Meta:
        model = ProcessingActivity
        fields = [
            "name",
            "description",
            "joint_controller",
            "data_subject_categories",
            "security_measures",
            "dpia_required",
            "dpia_reason",
            "dpia_link",
            "owner",
            "status",
            "next_review_date",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "joint_controller": forms.Textarea(attrs={"rows": 2}),
            "security_measures": forms.Textarea(attrs={"rows": 5}),
            "dpia_reason": forms.Textarea(attrs={"rows": 2}),
            "next_review_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        known = set(DataSubjectCategory.values)
        if self.instance.pk:
            stored = self.instance.data_subject_categories or []
            self.initial["data_subject_categories"] = [value for value in stored if value in known]
            self.initial["other_data_subjects"] = "\n".join(value for value in stored if value not in known)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = ProcessingActivity.objects.for_organisation(self.organisation).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("A processing activity named “%(name)s” already exists."), params={"name": name})
        return name

    def clean(self):
        cleaned = super().clean()
        others = [line.strip() for line in cleaned.get("other_data_subjects", "").splitlines() if line.strip()]
        cleaned["data_subject_categories"] = list(cleaned.get("data_subject_categories") or []) + [
            value for value in others if value not in (cleaned.get("data_subject_categories") or [])
        ]
        return cleaned


class OrganisationChildForm(OrganisationScopedFormMixin, forms.ModelForm):
    """A child row form; the formset passes `organisation=` so linked vendors are the organisation's only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.organisation_id is None:
            self.instance.organisation = self.organisation


class DataCategoryForm(OrganisationChildForm):
    name = forms.CharField(
        label=_("Category of personal data"),
        max_length=200,
        widget=forms.TextInput(attrs={"list": "personal-data-categories"}),
        help_text=_("Pick a standard category or type your own."),
    )

    class Meta:
        model = ActivityDataCategory
        fields = ["name", "special_category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["name"] = data_category_label(self.instance.name)

    def clean_name(self):
        # A standard category typed by its label is stored under its catalogue key, so labels stay translatable.
        name = self.cleaned_data["name"].strip()
        by_label = {str(label).casefold(): value for value, label in PersonalDataCategory.choices}
        return by_label.get(name.casefold(), name)


class TransferForm(OrganisationChildForm):
    """A transfer row; the DPF check date is the day the recipient was found on the DPF list."""

    class Meta:
        model = ActivityTransfer
        fields = [
            "country",
            "recipient",
            "vendor_use",
            "safeguard",
            "scc_module",
            "basis_note",
            "documentation_url",
            "tia_required",
            "dpf_checked_on",
            "dpf_certified_entity",
        ]
        widgets = {"dpf_checked_on": DateInput()}
        help_texts = {
            "dpf_checked_on": format_lazy(
                _("The day you found the recipient's legal entity active on {url}."), url=DPF_LIST_URL
            ),
        }

    def clean(self):
        cleaned = super().clean()
        checked_on = cleaned.get("dpf_checked_on")
        if checked_on is None:
            return cleaned
        if checked_on > timezone.localdate():
            self.add_error("dpf_checked_on", _("Enter the day of the check, which cannot be in the future."))
        elif cleaned.get("safeguard") != TransferSafeguard.DPF:
            self.add_error(
                "dpf_checked_on",
                _(
                    "Only a transfer relying on the Data Privacy Framework has a DPF check date. Clear the date or "
                    "choose the DPF as safeguard."
                ),
            )
        return cleaned


class UniqueRowsFormSet(BaseInlineFormSet):
    """Reports two rows with the same key as a form error, before the database constraint would reject them."""

    # Not named `unique_fields`: BaseInlineFormSet.__init__ sets that attribute to the parent FK's name, which
    # made every pair of stored rows look like duplicates of the same activity.
    row_key_fields = ()

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        kwargs.setdefault("form_kwargs", {})["organisation"] = organisation
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            data = getattr(form, "cleaned_data", None) or {}
            key = tuple(str(data.get(field) or "").strip().casefold() for field in self.row_key_fields)
            if not any(key):
                continue
            if key in seen:
                raise ValidationError(
                    _("Two rows have the same %(fields)s: “%(value)s”. Merge them or change one."),
                    params={"fields": ", ".join(self.row_key_fields), "value": " / ".join(k for k in key if k)},
                )
            seen.add(key)

    def save(self, commit=True):
        instances = super().save(commit=False)
        self._mark_edited_rows()
        for instance in instances:
            instance.organisation = self.organisation
            if commit:
                instance.save()
        if commit:
            for instance in self.deleted_objects:
                instance.delete()
        return instances

    def _mark_edited_rows(self):
        """Mark the pre-filled rows the user changed, keeping the key they had when they were filled."""
        changed = [instance for instance, _fields in self.changed_objects]
        if not changed:
            return
        section = SECTION_BY_MODEL[self.model]
        stored = self.model.objects.filter(pk__in=[instance.pk for instance in changed]).in_bulk()
        for instance in changed:
            original = stored.get(instance.pk)
            if original is not None:
                mark_row_edited(instance, row_key(section, original))


def _section_formset(model, row_key_fields, **kwargs):
    formset_class = type(f"{model.__name__}FormSet", (UniqueRowsFormSet,), {"row_key_fields": row_key_fields})
    kwargs.setdefault("form", OrganisationChildForm)
    return inlineformset_factory(ProcessingActivity, model, formset=formset_class, extra=1, can_delete=True, **kwargs)


SECTION_FORMSETS = {
    "purposes": _section_formset(
        ActivityPurpose,
        ("purpose",),
        fields=["purpose", "legal_basis", "legal_basis_note"],
        widgets={"legal_basis_note": forms.Textarea(attrs={"rows": 2}), "purpose": forms.TextInput()},
    ),
    "data-categories": _section_formset(ActivityDataCategory, ("name",), form=DataCategoryForm),
    "recipients": _section_formset(
        ActivityRecipient, ("kind", "name"), fields=["kind", "name", "vendor_use", "country", "note"]
    ),
    "transfers": _section_formset(ActivityTransfer, ("country", "recipient"), form=TransferForm),
    "retention": _section_formset(
        RetentionPeriod, ("data_category",), fields=["data_category", "applies_to", "period"]
    ),
}

SECTION_TITLES = {
    "purposes": _("Purposes and legal bases"),
    "data-categories": _("Categories of personal data"),
    "recipients": _("Recipients"),
    "transfers": _("Transfers to third countries"),
    "retention": _("Retention periods"),
}


class ChecklistTaskForm(OrganisationScopedFormMixin, forms.ModelForm):
    class Meta:
        model = ChecklistTask
        fields = [
            "status",
            "not_applicable_reason",
            "assignee",
            "due_date",
            "evidence_note",
            "evidence_url",
            "evidence_file",
        ]
        widgets = {
            "due_date": DateInput(),
            "not_applicable_reason": forms.Textarea(attrs={"rows": 2}),
            "evidence_note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        validate_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == "not-applicable" and not (cleaned.get("not_applicable_reason") or "").strip():
            self.add_error("not_applicable_reason", _("Give the reason why this task does not apply."))
        return cleaned


class ProcessorActivityForm(OrganisationScopedFormMixin, forms.ModelForm):
    class Meta:
        model = ProcessorActivity
        fields = [
            "controller_name",
            "controller_contact",
            "controller_representative",
            "controller_dpo",
            "processing_categories",
            "sub_processors",
            "transfers",
            "transfer_documentation",
            "security_measures",
            "owner",
            "status",
            "next_review_date",
        ]
        widgets = {
            "controller_contact": forms.Textarea(attrs={"rows": 2}),
            "controller_representative": forms.Textarea(attrs={"rows": 2}),
            "processing_categories": forms.Textarea(attrs={"rows": 3}),
            "sub_processors": forms.Textarea(attrs={"rows": 2}),
            "transfers": forms.Textarea(attrs={"rows": 2}),
            "transfer_documentation": forms.Textarea(attrs={"rows": 2}),
            "security_measures": forms.Textarea(attrs={"rows": 4}),
            "next_review_date": DateInput(),
        }

    def clean(self):
        cleaned = super().clean()
        clash = ProcessorActivity.objects.for_organisation(self.organisation).filter(
            controller_name=cleaned.get("controller_name"), processing_categories=cleaned.get("processing_categories")
        )
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("A record for this controller with the same categories of processing exists."))
        return cleaned


class ProcessorFillForm(OrganisationScopedFormMixin, forms.Form):
    """The vendors a record kept as a processor is filled from: the organisation's sub-processors."""

    vendor_uses = forms.ModelMultipleChoiceField(
        label=_("Sub-processors engaged for this controller"),
        queryset=VendorUse.objects.filter(vendor_role=VendorRole.PROCESSOR)
        .exclude(status=VendorUseStatus.RETIRED)
        .select_related("service")
        .prefetch_related("service__subprocessors")
        .order_by("vendor_name", "pk"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vendors recorded as processors in your register, except retired ones."),
        error_messages={"required": _("Choose at least one vendor from your register.")},
    )


class CatalogueUpdateForm(forms.Form):
    """The choices of a catalogue review. Activity choices are checked by the action, which names stale ones."""

    fields = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    add_new_tasks = forms.BooleanField(label=_("Add the new checklist items as tasks"), required=False)
    activity_changes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    catalogue_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, selectable_fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = [(field, field) for field in selectable_fields]
        # Any submitted value is accepted here: a choice that is no longer proposed gets a specific message later.
        submitted = self.data.getlist("activity_changes") if hasattr(self.data, "getlist") else []
        self.fields["activity_changes"].choices = [(value, value) for value in submitted]
