"""Checklist pages: the organisation's tasks with progress and overdue highlighting, and editing one task."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from organisations.roles import Role

from .. import actions, selectors
from ..choices import ChecklistStatus
from ..forms import ChecklistTaskForm
from .base import RecordsMixin, apply_validation_error, file_download


class ChecklistView(RecordsMixin, TemplateView):
    template_name = "records/checklist.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in ChecklistStatus.values:
            status = ""
        overdue_only = self.request.GET.get("overdue") == "1"
        context.update(
            page=self.paginate(
                selectors.task_list(organisation=self.organisation, status=status, overdue_only=overdue_only), 50
            ),
            progress=selectors.checklist_progress(organisation=self.organisation),
            vendors=self.paginate(selectors.vendor_use_list(organisation=self.organisation), 50),
            status=status,
            statuses=ChecklistStatus.choices,
            overdue_only=overdue_only,
            today=timezone.localdate(),
            can_edit=self.can(Role.EDITOR),
        )
        return context


def _safe_next(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


class TaskEditView(RecordsMixin, TemplateView):
    required_role = Role.EDITOR

    template_name = "records/task_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task = kwargs.get("task") or selectors.task_get(organisation=self.organisation, pk=self.kwargs["pk"])
        context["task"] = task
        context.setdefault("form", ChecklistTaskForm(instance=task, organisation=self.organisation))
        return context

    def post(self, request, org_slug, pk):
        task = selectors.task_get(organisation=self.organisation, pk=pk)
        form = ChecklistTaskForm(request.POST, request.FILES, instance=task, organisation=self.organisation)
        if form.is_valid():
            changes = {field: form.cleaned_data[field] for field in form.changed_data}
            if changes.get("evidence_file") is False:
                changes["evidence_file"] = ""  # The "clear" checkbox of the file input.
            task = selectors.task_get(organisation=self.organisation, pk=pk)
            try:
                actions.checklist_task_update(
                    organisation=self.organisation, task=task, actor=request.user, changes=changes
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The task was saved."))
                return redirect("records:vendor_detail", org_slug=org_slug, pk=task.vendor_use_id)
        return self.render_to_response(self.get_context_data(form=form, task=task))


class TaskStatusView(RecordsMixin, View):
    """Quick status change from a list (to do, in progress, done); not applicable needs the full form."""

    http_method_names = ["post"]

    def post(self, request, org_slug, pk):
        task = selectors.task_get(organisation=self.organisation, pk=pk)
        status = request.POST.get("status", "")
        fallback = f"/o/{org_slug}/records/vendors/{task.vendor_use_id}/"
        if status not in (ChecklistStatus.TODO, ChecklistStatus.IN_PROGRESS, ChecklistStatus.DONE):
            messages.error(request, _("Choose to do, in progress or done; use the task form for “not applicable”."))
            return redirect(_safe_next(request, fallback))
        actions.checklist_task_update(
            organisation=self.organisation, task=task, actor=request.user, changes={"status": status}
        )
        if request.htmx:
            from django.shortcuts import render

            return render(
                request,
                "records/_task_row.html",
                {"task": task, "organisation": self.organisation, "today": timezone.localdate(), "can_edit": True},
            )
        return redirect(_safe_next(request, fallback))


class TaskEvidenceDownloadView(RecordsMixin, View):
    http_method_names = ["get"]

    def get(self, request, org_slug, pk):
        task = selectors.task_get(organisation=self.organisation, pk=pk)
        return file_download(task.evidence_file)
