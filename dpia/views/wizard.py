"""The DPIA wizard: one step per section of the CNIL PIA method, each saved on its own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from organisations.access import owned_object_get_or_404
from organisations.roles import Role
from organisations.views.mixins import OrganisationMixin

from ..actions import ConcurrentEditError, action_delete, dpia_save_step, risk_add_custom, risk_delete
from ..forms import (
    ActionFormSet,
    CustomRiskForm,
    DpiaContextForm,
    DpiaValidationForm,
    PrincipleFormSet,
    RiskFormSet,
)
from ..models import Action, Risk
from ..risk_map import AXIS_TITLES, build_risk_map
from ..selectors import dpia_get
from ..steps import STEPS, step_by_number, step_problems
from .dpia import read_lock_version

TEMPLATE = "dpia/wizard_step.html"


def build_forms(step, dpia, organisation, data=None):
    """Return the forms of `step`, bound to `data` when given."""
    if step == 1:
        return [DpiaContextForm(data, instance=dpia, organisation=organisation, prefix="context")]
    if step == 2:
        return [PrincipleFormSet(data, queryset=dpia.principles.order_by("pk"), prefix="principles")]
    if step == 3:
        return [RiskFormSet(data, queryset=dpia.risks.order_by("position", "pk"), prefix="risks")]
    if step == 4:
        return [
            ActionFormSet(
                data,
                queryset=dpia.actions.select_related("owner").order_by("due_date", "pk"),
                prefix="actions",
                form_kwargs={"organisation": organisation},
            )
        ]
    return [DpiaValidationForm(data, instance=dpia, prefix="validation")]


class DpiaStepView(OrganisationMixin, View):
    def dispatch(self, request, *args, **kwargs):
        self.step = step_by_number(kwargs["step"])
        if self.step is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def render_step(self, dpia, forms, problems=None, conflict=False, status=200):
        risks = list(dpia.risks.all())
        context = {
            "organisation": self.organisation,
            "membership": self.membership,
            "dpia": dpia,
            "step": self.step,
            "steps": STEPS,
            "forms": forms,
            "problems": step_problems(dpia, self.step.number) if problems is None else problems,
            "conflict": conflict,
            "can_edit": self.can(Role.EDITOR),
            "custom_risk_form": CustomRiskForm(),
            "risk_map": build_risk_map(risks) if self.step.number == 3 else None,
            "axis_titles": AXIS_TITLES,
        }
        return render(self.request, TEMPLATE, context, status=status)

    def get(self, request, org_slug, pk, step):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        return self.render_step(dpia, build_forms(step, dpia, self.organisation))

    def post(self, request, org_slug, pk, step):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        lock_version = read_lock_version(request)
        if lock_version is None:
            return HttpResponseBadRequest(_("The form is missing its version number. Reload the page."))

        forms = build_forms(step, dpia, self.organisation, data=request.POST)
        if not all(form.is_valid() for form in forms):
            if request.htmx:
                return render(request, "dpia/includes/save_failed.html", {"reason": "invalid"})
            messages.error(request, _("Some answers are invalid. Nothing was saved; correct the fields marked below."))
            return self.render_step(dpia, forms, status=400)

        try:
            dpia, problems = dpia_save_step(
                organisation=self.organisation,
                actor=request.user,
                dpia=dpia,
                step=step,
                lock_version=lock_version,
                forms=forms,
            )
        except ConcurrentEditError:
            if request.htmx:
                return render(request, "dpia/includes/save_failed.html", {"reason": "conflict"})
            current = dpia_get(organisation=self.organisation, pk=pk)
            return self.render_step(current, forms, conflict=True, status=409)

        if request.htmx:
            return render(request, "dpia/includes/save_status.html", {"dpia": dpia, "problems": problems})
        if problems:
            messages.warning(request, _("Saved. Some required answers of this step are still missing."))
        else:
            messages.success(request, _("Step saved."))
        if "next" in request.POST and step < len(STEPS):
            return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=step + 1)
        return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=step)


class RiskAddView(OrganisationMixin, View):
    def post(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        lock_version = read_lock_version(request)
        form = CustomRiskForm(request.POST)
        if lock_version is None or not form.is_valid():
            messages.error(request, _("Give the new risk a title."))
            return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=3)
        try:
            risk_add_custom(
                organisation=self.organisation,
                actor=request.user,
                dpia=dpia,
                title=form.cleaned_data["title"],
                lock_version=lock_version,
            )
        except ConcurrentEditError:
            messages.error(
                request, _("Someone changed this DPIA after you opened it. The risk was not added; try again.")
            )
        else:
            messages.success(request, _("Risk added. Score it below."))
        return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=3)


class RiskDeleteView(OrganisationMixin, View):
    def post(self, request, org_slug, pk, risk_pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        risk = owned_object_get_or_404(Risk, organisation=self.organisation, pk=risk_pk, dpia=dpia)
        lock_version = read_lock_version(request)
        if lock_version is None:
            return HttpResponseBadRequest(_("The form is missing its version number. Reload the page."))
        try:
            risk_delete(
                organisation=self.organisation, actor=request.user, dpia=dpia, risk=risk, lock_version=lock_version
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        except ConcurrentEditError:
            messages.error(request, _("Someone changed this DPIA after you opened it. Nothing was deleted; try again."))
        else:
            messages.success(request, _("Risk deleted."))
        return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=3)


class ActionDeleteView(OrganisationMixin, View):
    def post(self, request, org_slug, pk, action_pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        action = owned_object_get_or_404(Action, organisation=self.organisation, pk=action_pk, dpia=dpia)
        lock_version = read_lock_version(request)
        if lock_version is None:
            return HttpResponseBadRequest(_("The form is missing its version number. Reload the page."))
        try:
            action_delete(
                organisation=self.organisation, actor=request.user, dpia=dpia, action=action, lock_version=lock_version
            )
        except ConcurrentEditError:
            messages.error(request, _("Someone changed this DPIA after you opened it. Nothing was deleted; try again."))
        else:
            messages.success(request, _("Measure removed from the action plan."))
        return redirect("dpia:dpia_step", org_slug=org_slug, pk=pk, step=4)
