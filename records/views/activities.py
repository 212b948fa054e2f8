"""Pages of the records of processing activities (Art. 30(1)) and of processing for controllers (Art. 30(2))."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from organisations.roles import Role
from services.choices import PersonalDataCategory

from .. import actions, autofill, processor_actions, selectors, transfer_actions
from ..completeness import missing_item_labels, organisation_missing_items
from ..dpf_checks import transfers_relying_on
from ..forms import SECTION_FORMSETS, SECTION_TITLES, ActivityForm, ProcessorActivityForm, ProcessorFillForm
from ..labels import data_category_label, data_subject_label
from ..models import ActivityTransfer, ProcessorActivity, VendorUse
from ..purposes import PURPOSES
from ..transfers import DPF_LIST_URL
from .base import RecordsMixin, apply_validation_error, validation_messages

ACTIVITY_FIELDS = [
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


class ActivityListView(RecordsMixin, TemplateView):
    template_name = "records/activity_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "").strip()
        context.update(
            page=self.paginate(selectors.activity_list(organisation=self.organisation, search=search)),
            search=search,
            organisation_missing=missing_item_labels(organisation_missing_items(self.organisation)),
            can_edit=self.can(Role.EDITOR),
        )
        return context


class ActivityCreateView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/activity_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ActivityForm(organisation=self.organisation))
        context["purposes"] = PURPOSES
        return context

    def post(self, request, org_slug):
        form = ActivityForm(request.POST, organisation=self.organisation)
        if form.is_valid():
            values = {field: form.cleaned_data[field] for field in ACTIVITY_FIELDS if field != "name"}
            try:
                activity = actions.activity_create(
                    organisation=self.organisation, actor=request.user, name=form.cleaned_data["name"], **values
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The processing activity was created."))
                return redirect("records:activity_detail", org_slug=org_slug, pk=activity.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ActivityDetailView(RecordsMixin, TemplateView):
    template_name = "records/activity_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = selectors.activity_get(organisation=self.organisation, pk=self.kwargs["pk"])
        context.update(
            activity=activity,
            data_subjects=[data_subject_label(value) for value in activity.data_subject_categories],
            data_categories=[(data_category_label(row.name), row) for row in activity.data_categories.all()],
            missing=missing_item_labels(activity.missing_items),
            organisation_missing=missing_item_labels(organisation_missing_items(self.organisation)),
            provenance=_provenance_rows(activity.provenance),
            sections=SECTION_TITLES,
            linkable_vendors=VendorUse.objects.for_organisation(self.organisation)
            .exclude(recipient_rows__activity=activity)
            .order_by("vendor_name"),
            can_edit=self.can(Role.EDITOR),
            dpf_list_url=DPF_LIST_URL,
            # The DPIA app's screenings point at the activity; the newest decision is the one in force.
            latest_screening=activity.dpia_screenings.order_by("-decided_at", "-pk").first(),
        )
        return context


def _provenance_rows(provenance):
    """Return (field label, sources) pairs for display."""
    from ..models import ProcessingActivity

    labels = {
        "purposes": _("Purposes and legal bases"),
        "data_categories": _("Categories of personal data"),
        "recipients": _("Recipients"),
        "transfers": _("Transfers"),
        "retention_periods": _("Retention periods"),
    }
    rows = []
    for field, sources in provenance.items():
        label = labels.get(field)
        if label is None:
            try:
                label = ProcessingActivity._meta.get_field(field).verbose_name
            except Exception:  # noqa: BLE001 - an unknown key from an older version is shown as stored
                label = field
        rows.append((label, sources))
    return rows


class ActivityEditView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/activity_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = kwargs.get("activity") or selectors.activity_get(
            organisation=self.organisation, pk=self.kwargs["pk"]
        )
        context["activity"] = activity
        context.setdefault("form", ActivityForm(instance=activity, organisation=self.organisation))
        return context

    def post(self, request, org_slug, pk):
        activity = selectors.activity_get(organisation=self.organisation, pk=pk)
        form = ActivityForm(request.POST, instance=activity, organisation=self.organisation)
        if form.is_valid():
            changes = {field: form.cleaned_data[field] for field in ACTIVITY_FIELDS}
            activity = selectors.activity_get(organisation=self.organisation, pk=pk)
            try:
                actions.activity_update(
                    organisation=self.organisation, activity=activity, actor=request.user, changes=changes
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The processing activity was saved."))
                return redirect("records:activity_detail", org_slug=org_slug, pk=pk)
        return self.render_to_response(self.get_context_data(form=form, activity=activity))


class ActivitySectionEditView(RecordsMixin, TemplateView):
    """Edit one group of child rows (purposes, data categories, recipients, transfers, retention periods)."""

    required_role = Role.EDITOR

    template_name = "records/activity_section_form.html"

    def _formset(self, activity, data=None):
        section = self.kwargs["section"]
        if section not in SECTION_FORMSETS:
            raise Http404
        return SECTION_FORMSETS[section](data, instance=activity, organisation=self.organisation, prefix=section)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = kwargs.get("activity") or selectors.activity_get(
            organisation=self.organisation, pk=self.kwargs["pk"]
        )
        context.update(
            activity=activity,
            formset=kwargs.get("formset") or self._formset(activity),
            section=self.kwargs["section"],
            title=SECTION_TITLES.get(self.kwargs["section"]),
            data_category_choices=PersonalDataCategory.choices,
        )
        return context

    def post(self, request, org_slug, pk, section):
        activity = selectors.activity_get(organisation=self.organisation, pk=pk)
        formset = self._formset(activity, request.POST)
        if formset.is_valid():
            try:
                with transaction.atomic():
                    formset.save()
                    actions.activity_refresh_completeness(
                        activity=selectors.activity_get(organisation=self.organisation, pk=pk)
                    )
            except (IntegrityError, ValidationError):
                messages.error(request, _("Two rows have the same key; merge them or change one."))
            else:
                messages.success(request, _("The record was saved."))
                return redirect("records:activity_detail", org_slug=org_slug, pk=pk)
        return self.render_to_response(self.get_context_data(formset=formset, activity=activity))


class ActivityLinkVendorView(RecordsMixin, TemplateView):
    """Link a vendor of the register to an activity, filling in the facts of its catalogue entry."""

    required_role = Role.EDITOR

    http_method_names = ["post"]

    def post(self, request, org_slug, pk):
        activity = selectors.activity_get(organisation=self.organisation, pk=pk)
        vendor_pk = request.POST.get("vendor_use", "")
        vendor_use = (
            VendorUse.objects.for_organisation(self.organisation)
            .filter(pk=int(vendor_pk) if vendor_pk.isdigit() else None)
            .select_related("service")
            .first()
        )
        if vendor_use is None:
            messages.error(request, _("Choose a vendor from your register."))
        else:
            actions.activity_fill_from_vendor_use(
                organisation=self.organisation, activity=activity, vendor_use=vendor_use, actor=request.user
            )
            messages.success(request, _("%(name)s was linked to this activity.") % {"name": vendor_use.vendor_name})
            if not activity.purpose_key and vendor_use.service and autofill.purpose_specific_bases(vendor_use.service):
                messages.info(
                    request,
                    _(
                        "The catalogue ties some legal bases of %(name)s to particular purposes. They were not "
                        "added because this activity was created by hand; add the purposes that apply."
                    )
                    % {"name": vendor_use.vendor_name},
                )
        return redirect("records:activity_detail", org_slug=org_slug, pk=pk)


class ActivityTransferDpfCheckView(RecordsMixin, View):
    """Record that the recipient of one DPF transfer was found on the DPF list today."""

    required_role = Role.EDITOR
    http_method_names = ["post"]

    def post(self, request, org_slug, pk, transfer_pk):
        activity = selectors.activity_get(organisation=self.organisation, pk=pk)
        transfer = (
            ActivityTransfer.objects.for_organisation(self.organisation)
            .filter(activity=activity, pk=transfer_pk)
            .select_related("activity")
            .first()
        )
        if transfer is None:
            raise Http404
        try:
            transfer_actions.transfer_record_dpf_check(
                organisation=self.organisation, transfer=transfer, actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(validation_messages(error)))
        else:
            certified = transfer.dpf_certified_entity or transfer.recipient
            dated = (
                transfers_relying_on(self.organisation, certified)
                .filter(dpf_checked_on=transfer.dpf_checked_on)
                .count()
            )
            messages.success(
                request,
                ngettext(
                    "The DPF certification of %(entity)s was recorded as checked on %(date)s.",
                    "The DPF certification of %(entity)s was recorded as checked on %(date)s, for the %(count)d "
                    "transfers that rely on it.",
                    dated,
                )
                % {"entity": certified, "date": transfer.dpf_checked_on.isoformat(), "count": dated},
            )
        return redirect("records:activity_detail", org_slug=org_slug, pk=pk)


class ActivityDeleteView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/activity_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activity"] = selectors.activity_get(organisation=self.organisation, pk=self.kwargs["pk"])
        return context

    def post(self, request, org_slug, pk):
        activity = selectors.activity_get(organisation=self.organisation, pk=pk)
        processor_actions.activity_delete(organisation=self.organisation, activity=activity, actor=request.user)
        messages.success(request, _("The processing activity was deleted."))
        return redirect("records:activity_list", org_slug=org_slug)


class ProcessorActivityListView(RecordsMixin, TemplateView):
    template_name = "records/processor_activity_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.paginate(ProcessorActivity.objects.for_organisation(self.organisation).select_related("owner")),
            can_edit=self.can(Role.EDITOR),
        )
        return context


class ProcessorActivityDetailView(RecordsMixin, TemplateView):
    """One Art. 30(2) record, read-only. Editors reach the form from here."""

    template_name = "records/processor_activity_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = selectors.processor_activity_get(organisation=self.organisation, pk=self.kwargs["pk"])
        return context


class ProcessorActivityFormView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/processor_activity_form.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            return ProcessorActivity(organisation=self.organisation)
        return selectors.processor_activity_get(organisation=self.organisation, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = kwargs.get("record") or self.get_object()
        context["record"] = record
        context.setdefault("form", ProcessorActivityForm(instance=record, organisation=self.organisation))
        return context

    def post(self, request, org_slug, pk=None):
        record = self.get_object()
        if request.POST.get("delete") and record.pk:
            processor_actions.processor_activity_delete(
                organisation=self.organisation, record=record, actor=request.user
            )
            messages.success(request, _("The record was deleted."))
            return redirect("records:processor_activity_list", org_slug=org_slug)
        form = ProcessorActivityForm(request.POST, instance=record, organisation=self.organisation)
        if form.is_valid():
            processor_actions.processor_activity_save(
                organisation=self.organisation, record=form.save(commit=False), actor=request.user
            )
            messages.success(request, _("The record was saved."))
            return redirect("records:processor_activity_list", org_slug=org_slug)
        return self.render_to_response(self.get_context_data(form=form, record=record))


class ProcessorActivityFillView(RecordsMixin, TemplateView):
    """Append chosen vendors of the register to an Art. 30(2) record's sub-processors and transfers."""

    required_role = Role.EDITOR
    template_name = "records/processor_activity_fill.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = kwargs.get("record") or selectors.processor_activity_get(
            organisation=self.organisation, pk=self.kwargs["pk"]
        )
        context.setdefault("form", ProcessorFillForm(organisation=self.organisation))
        return context

    def post(self, request, org_slug, pk):
        record = selectors.processor_activity_get(organisation=self.organisation, pk=pk)
        form = ProcessorFillForm(request.POST, organisation=self.organisation)
        if form.is_valid():
            try:
                added = processor_actions.processor_activity_fill_from_register(
                    organisation=self.organisation,
                    record=record,
                    actor=request.user,
                    vendor_uses=form.cleaned_data["vendor_uses"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if added:
                    messages.success(
                        request,
                        ngettext(
                            "%(count)d line was added to the sub-processors and transfers.",
                            "%(count)d lines were added to the sub-processors and transfers.",
                            added,
                        )
                        % {"count": added},
                    )
                else:
                    messages.info(request, _("The record already lists these vendors and transfers."))
                return redirect("records:processor_activity_edit", org_slug=org_slug, pk=pk)
        return self.render_to_response(self.get_context_data(form=form, record=record))
