"""Report pages: the list of report jobs, the request form, a job's live status and the download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from organisations.roles import Role
from organisations.views.mixins import OrganisationMixin

from .actions import report_request
from .forms import ReportRequestForm
from .kinds import requestable_kinds
from .models import ReportJob
from .selectors import report_job_file_response, report_job_get, report_job_list

PAGE_SIZE = 25


class ReportJobListView(OrganisationMixin, ListView):
    template_name = "reports/job_list.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        status = self.request.GET.get("status")
        if status not in ReportJob.Status.values:
            status = None
        return report_job_list(organisation=self.organisation, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_request"] = bool(requestable_kinds(self.membership.role))
        context["form"] = ReportRequestForm(organisation=self.organisation, role=self.membership.role)
        context["statuses"] = ReportJob.Status.choices
        context["selected_status"] = self.request.GET.get("status", "")
        return context


class ReportRequestView(OrganisationMixin, FormView):
    """Create a report job of a kind the member's role may request. A worker renders it."""

    template_name = "reports/job_request.html"
    form_class = ReportRequestForm
    # Each kind sets the role that may request it (ReportKind.request_role), and the form offers only those kinds.
    write_role = Role.VIEWER

    def get_form_kwargs(self):
        if not requestable_kinds(self.membership.role):
            raise PermissionDenied
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.organisation
        kwargs["role"] = self.membership.role
        return kwargs

    def form_valid(self, form):
        try:
            job = report_request(
                organisation=self.organisation,
                actor=self.request.user,
                kind=form.cleaned_data["kind"],
                parameters=form.parameters(),
                requester_role=self.membership.role,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Report requested. It is rendered in the background."))
        return redirect("reports:job_detail", org_slug=self.organisation.slug, pk=job.pk)


class ReportJobDetailView(OrganisationMixin, TemplateView):
    template_name = "reports/job_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["job"] = report_job_get(organisation=self.organisation, pk=self.kwargs["pk"])
        return context


class ReportJobStatusView(ReportJobDetailView):
    """The status panel of a job alone; the detail page polls it with htmx until the job finishes."""

    template_name = "reports/_job_status.html"


class ReportJobDownloadView(OrganisationMixin, View):
    def get(self, request, *args, **kwargs):
        job = report_job_get(organisation=self.organisation, pk=kwargs["pk"])
        return report_job_file_response(job)
