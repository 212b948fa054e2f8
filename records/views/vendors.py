"""Pages of the vendor register: list, catalogue search, bulk paste, detail, edit, proposals, catalogue updates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from organisations.roles import Role
from services.models import Service

from .. import actions, manual_vendor_actions, selectors
from ..activity_catalogue_update import vendor_use_activity_diffs
from ..bulk import match_lines
from ..choices import VendorUseStatus
from ..forms import BulkPasteForm, CatalogueUpdateForm, VendorUseForm
from ..models import ChecklistTask, VendorUse
from .base import RecordsMixin, apply_validation_error, file_download, validation_messages


class VendorListView(RecordsMixin, TemplateView):
    template_name = "records/vendor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "").strip()
        status = self.request.GET.get("status", "")
        if status not in VendorUseStatus.values:
            status = ""
        context.update(
            page=self.paginate(selectors.vendor_use_list(organisation=self.organisation, search=search, status=status)),
            search=search,
            status=status,
            statuses=VendorUseStatus.choices,
            can_edit=self.can(Role.EDITOR),
        )
        return context


class CatalogueSearchView(RecordsMixin, TemplateView):
    """Search-as-you-type results (an htmx fragment) of catalogue services to add."""

    template_name = "records/_catalogue_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        results = list(selectors.catalogue_search(query))
        in_register = set(
            VendorUse.objects.for_organisation(self.organisation)
            .filter(service__in=[service.pk for service in results])
            .values_list("service_id", flat=True)
        )
        context.update(query=query, results=results, in_register=in_register, can_edit=self.can(Role.EDITOR))
        return context


class VendorAddView(RecordsMixin, View):
    """Add one catalogue service to the register, then show the proposed processing activities."""

    http_method_names = ["post"]

    def post(self, request, org_slug, service_slug):
        service = get_object_or_404(Service.objects.published(), slug=service_slug)
        try:
            vendor_use = actions.vendor_use_create_from_service(
                organisation=self.organisation, service=service, actor=request.user
            )
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
            return redirect("records:vendor_list", org_slug=org_slug)
        messages.success(request, _("%(name)s was added to your register.") % {"name": vendor_use.vendor_name})
        return redirect("records:vendor_proposals", org_slug=org_slug, pk=vendor_use.pk)


class VendorBulkView(RecordsMixin, TemplateView):
    """Paste names, domains or URLs; review the matches; add the chosen services and their proposed activities."""

    required_role = Role.EDITOR

    template_name = "records/vendor_bulk.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", BulkPasteForm())
        return context

    def post(self, request, org_slug):
        if "confirm" in request.POST:
            return self._confirm(request, org_slug)

        form = BulkPasteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        results = match_lines(form.cleaned_data["lines"])
        in_register = set(
            VendorUse.objects.for_organisation(self.organisation)
            .filter(service__in=[result.service.pk for result in results if result.matched])
            .values_list("service_id", flat=True)
        )
        return self.render_to_response(
            self.get_context_data(
                form=form,
                results=results,
                in_register=in_register,
                matched=[result for result in results if result.matched],
                unmatched=[result for result in results if not result.matched],
            )
        )

    def _confirm(self, request, org_slug):
        ids = [value for value in request.POST.getlist("service") if value.isdigit()]
        services = list(Service.objects.published().filter(pk__in=ids).order_by("name"))
        accept = request.POST.get("accept_proposals") == "on"
        existing = set(
            VendorUse.objects.for_organisation(self.organisation)
            .filter(service__in=services)
            .values_list("service_id", flat=True)
        )
        added = []
        with transaction.atomic():
            for service in services:
                if service.pk in existing:
                    continue
                vendor_use = actions.vendor_use_create_from_service(
                    organisation=self.organisation, service=service, actor=request.user
                )
                if accept:
                    actions.vendor_use_accept_proposals(
                        organisation=self.organisation, vendor_use=vendor_use, actor=request.user
                    )
                added.append(vendor_use)
        if added:
            messages.success(
                request,
                ngettext(
                    "%(count)d vendor was added to your register.",
                    "%(count)d vendors were added to your register.",
                    len(added),
                )
                % {"count": len(added)},
            )
        else:
            messages.info(request, _("No vendor was added: none was selected, or all are already in your register."))
        return redirect("records:vendor_list", org_slug=org_slug)


class VendorCreateView(RecordsMixin, TemplateView):
    """Add a vendor that is not in the catalogue."""

    required_role = Role.EDITOR

    template_name = "records/vendor_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", VendorUseForm(organisation=self.organisation))
        context["is_new"] = True
        return context

    def post(self, request, org_slug):
        form = VendorUseForm(request.POST, request.FILES, organisation=self.organisation)
        if form.is_valid():
            values = {field: value for field, value in form.cleaned_data.items() if field != "vendor_name"}
            try:
                vendor_use = actions.vendor_use_create_manual(
                    organisation=self.organisation,
                    actor=request.user,
                    vendor_name=form.cleaned_data["vendor_name"],
                    **values,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("%(name)s was added to your register.") % {"name": vendor_use.vendor_name})
                return redirect("records:vendor_detail", org_slug=org_slug, pk=vendor_use.pk)
        return self.render_to_response(self.get_context_data(form=form))


class VendorDetailView(RecordsMixin, TemplateView):
    template_name = "records/vendor_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=self.kwargs["pk"])
        tasks = list(
            ChecklistTask.objects.for_organisation(self.organisation)
            .filter(vendor_use=vendor_use)
            .select_related("assignee")
        )
        closed = sum(1 for task in tasks if not task.is_open)
        context.update(
            vendor_use=vendor_use,
            service=vendor_use.service,
            tasks=tasks,
            task_closed=closed,
            task_percent=round(100 * closed / len(tasks)) if tasks else 0,
            activities=selectors.activities_of_vendor_use(organisation=self.organisation, vendor_use=vendor_use),
            can_edit=self.can(Role.EDITOR),
        )
        return context


class VendorEditView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/vendor_form.html"

    def get_vendor_use(self):
        return selectors.vendor_use_get(organisation=self.organisation, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor_use = kwargs.get("vendor_use") or self.get_vendor_use()
        context["vendor_use"] = vendor_use
        context.setdefault("form", VendorUseForm(instance=vendor_use, organisation=self.organisation))
        return context

    def post(self, request, org_slug, pk):
        vendor_use = self.get_vendor_use()
        form = VendorUseForm(request.POST, request.FILES, instance=vendor_use, organisation=self.organisation)
        if form.is_valid():
            changes = {field: form.cleaned_data[field] for field in form.changed_data}
            if changes.get("dpa_file") is False:
                changes["dpa_file"] = ""  # The "clear" checkbox of the file input.
            # The ModelForm already wrote the cleaned values to the instance. Reload it, so the action compares
            # the stored values with the new ones.
            vendor_use = self.get_vendor_use()
            try:
                actions.vendor_use_update(
                    organisation=self.organisation, vendor_use=vendor_use, actor=request.user, changes=changes
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The vendor was saved."))
                return redirect("records:vendor_detail", org_slug=org_slug, pk=pk)
        return self.render_to_response(self.get_context_data(form=form, vendor_use=vendor_use))


class VendorDeleteView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/vendor_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vendor_use"] = selectors.vendor_use_get(organisation=self.organisation, pk=self.kwargs["pk"])
        return context

    def post(self, request, org_slug, pk):
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=pk)
        actions.vendor_use_delete(organisation=self.organisation, vendor_use=vendor_use, actor=request.user)
        messages.success(request, _("%(name)s was removed from your register.") % {"name": vendor_use.vendor_name})
        return redirect("records:vendor_list", org_slug=org_slug)


class VendorDpaDownloadView(RecordsMixin, View):
    http_method_names = ["get"]

    def get(self, request, org_slug, pk):
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=pk)
        return file_download(vendor_use.dpa_file)


class VendorProposalsView(RecordsMixin, TemplateView):
    """The processing activities proposed for a vendor: create new ones or link existing ones.

    A catalogue vendor gets one proposal per purpose. A hand-added vendor is linked to an activity the user picks,
    or to a new activity named after its purpose of use.
    """

    # A form page: viewers get 403 as on the other form pages, instead of a form whose submission fails.
    required_role = Role.EDITOR
    template_name = "records/vendor_proposals.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=self.kwargs["pk"])
        context.update(vendor_use=vendor_use, can_edit=self.can(Role.EDITOR))
        if vendor_use.is_from_catalogue:
            context["proposals"] = actions.vendor_use_activity_proposals(
                organisation=self.organisation, vendor_use=vendor_use
            )
        else:
            context["manual"] = manual_vendor_actions.manual_vendor_proposal(
                organisation=self.organisation, vendor_use=vendor_use
            )
        return context

    def post(self, request, org_slug, pk):
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=pk)
        if not vendor_use.is_from_catalogue:
            return self._accept_manual(request, vendor_use)
        keys = request.POST.getlist("purpose")
        touched = actions.vendor_use_accept_proposals(
            organisation=self.organisation, vendor_use=vendor_use, actor=request.user, purpose_keys=keys
        )
        if touched:
            messages.success(
                request,
                ngettext(
                    "%(count)d processing activity was filled from the catalogue.",
                    "%(count)d processing activities were filled from the catalogue.",
                    len(touched),
                )
                % {"count": len(touched)},
            )
        return redirect("records:vendor_detail", org_slug=org_slug, pk=pk)

    def _accept_manual(self, request, vendor_use):
        choice = request.POST.get("activity", "")
        if choice == "new":
            activity_id = None
        elif choice.isdigit():
            activity_id = int(choice)
        else:
            errors = [_("Choose an existing processing activity or a new one.")]
            return self.render_to_response(self.get_context_data(errors=errors), status=400)
        try:
            activity = manual_vendor_actions.manual_vendor_accept(
                organisation=self.organisation, vendor_use=vendor_use, actor=request.user, activity_id=activity_id
            )
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(errors=list(error.messages), selected=choice), status=400
            )
        messages.success(
            request,
            _("%(vendor)s was linked to the processing activity “%(activity)s”.")
            % {"vendor": vendor_use.vendor_name, "activity": activity.name},
        )
        return redirect("records:activity_detail", org_slug=self.organisation.slug, pk=activity.pk)


class VendorCatalogueUpdateView(RecordsMixin, TemplateView):
    """Review of a catalogue update: the vendor's fields and the rows of the activities filled from the vendor.

    The user chooses the values and rows to take; one submission takes them all or, when one is stale, none.
    """

    template_name = "records/vendor_catalogue_update.html"

    def _diff(self, vendor_use):
        diff = actions.vendor_use_catalogue_diff(vendor_use)
        if diff is None:
            from django.http import Http404

            raise Http404
        return diff

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=self.kwargs["pk"])
        activity_diffs = vendor_use_activity_diffs(organisation=self.organisation, vendor_use=vendor_use)
        context.update(
            vendor_use=vendor_use,
            diff=kwargs.get("diff") or self._diff(vendor_use),
            activity_diffs=[diff for diff in activity_diffs if not diff.is_empty],
            unchanged_activities=[diff.activity for diff in activity_diffs if diff.is_empty],
            can_edit=self.can(Role.EDITOR),
        )
        return context

    def post(self, request, org_slug, pk):
        vendor_use = selectors.vendor_use_get(organisation=self.organisation, pk=pk)
        diff = self._diff(vendor_use)
        selectable = [change.field for change in diff.changes if change.selectable]
        form = CatalogueUpdateForm(request.POST, selectable_fields=selectable)
        if form.is_valid():
            try:
                actions.vendor_use_catalogue_apply(
                    organisation=self.organisation,
                    vendor_use=vendor_use,
                    actor=request.user,
                    fields=form.cleaned_data["fields"],
                    add_new_tasks=form.cleaned_data["add_new_tasks"],
                    activity_choices=form.cleaned_data["activity_changes"],
                    expected_version=form.cleaned_data["catalogue_version"],
                )
            except ValidationError as error:
                for message in validation_messages(error):
                    messages.error(request, message)
            else:
                messages.success(request, _("The catalogue update was reviewed."))
                return redirect("records:vendor_detail", org_slug=org_slug, pk=pk)
        else:
            messages.error(request, _("Choose only fields listed in the update."))
        return redirect(reverse("records:vendor_catalogue_update", kwargs={"org_slug": org_slug, "pk": pk}))
