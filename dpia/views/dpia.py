from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from organisations.roles import Role
from organisations.views.mixins import OrganisationMixin
from reports.actions import report_request
from reports.kinds import get_kind

from ..actions import ConcurrentEditError, dpia_create, dpia_sign
from ..risk_map import AXIS_TITLES, build_risk_map
from ..selectors import activity_get, dpia_get
from ..steps import STEPS, step_problems


def read_lock_version(request):
    """Return the lock version posted with a form, or None when it is missing or not a number."""
    try:
        return int(request.POST.get("lock_version", ""))
    except ValueError:
        return None


class DpiaCreateView(OrganisationMixin, View):
    """Create a DPIA for an activity, drafted from the record and the vendors' catalogue entries."""

    def post(self, request, org_slug, activity_pk):
        activity = activity_get(organisation=self.organisation, pk=activity_pk)
        dpia = dpia_create(organisation=self.organisation, actor=request.user, activity=activity)
        messages.success(request, _("DPIA drafted from the record and the catalogue. Review each step."))
        return redirect("dpia:dpia_step", org_slug=org_slug, pk=dpia.pk, step=1)


class DpiaDetailView(OrganisationMixin, TemplateView):
    template_name = "dpia/dpia_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dpia = dpia_get(organisation=self.organisation, pk=self.kwargs["pk"])
        risks = list(dpia.risks.all())
        steps = [(step, step_problems(dpia, step.number)) for step in STEPS]
        is_validator = dpia.validator_id == self.request.user.pk and dpia.status != "signed"
        context.update(
            dpia=dpia,
            risks=risks,
            risk_map=build_risk_map(risks),
            axis_titles=AXIS_TITLES,
            steps=steps,
            versions=list(dpia.versions.select_related("signed_by").order_by("-number")),
            can_edit=self.can(Role.EDITOR),
            can_request_pdf=get_kind("dpia").allows_request_by(self.membership.role),
            # Signing is offered once every step is complete, and dpia_sign checks the same again.
            can_sign=is_validator and not any(problems for _step, problems in steps),
            awaiting_steps=is_validator and any(problems for _step, problems in steps),
        )
        return context


class DpiaSignView(OrganisationMixin, View):
    """Sign the DPIA. Only its designated validator may, whatever their role."""

    write_role = Role.VIEWER

    def post(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        lock_version = read_lock_version(request)
        if lock_version is None:
            return HttpResponseBadRequest(_("The form is missing its version number. Reload the page."))
        try:
            dpia_sign(organisation=self.organisation, actor=request.user, dpia=dpia, lock_version=lock_version)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except ConcurrentEditError:
            messages.error(request, _("Someone changed this DPIA after you opened it. Review the changes, then sign."))
        else:
            messages.success(request, _("Version %(version)s signed and frozen.") % {"version": dpia.version})
        return redirect("dpia:dpia_detail", org_slug=org_slug, pk=pk)


class DpiaPdfView(OrganisationMixin, View):
    """Queue a PDF of the DPIA in the report pipeline and open the job page."""

    # The "dpia" kind's request_role decides who may request it (viewers by default).
    write_role = Role.VIEWER

    def post(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        try:
            job = report_request(
                organisation=self.organisation,
                actor=request.user,
                kind="dpia",
                parameters={"dpia_id": dpia.pk},
                requester_role=self.membership.role,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("dpia:dpia_detail", org_slug=org_slug, pk=pk)
        return redirect("reports:job_detail", org_slug=org_slug, pk=job.pk)
