from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from organisations.views.mixins import OrganisationMixin

from ..actions import screening_record
from ..choices import CNIL_REQUIRED_LIST
from ..forms import ScreeningForm
from ..screening import suggest_criteria
from ..selectors import activity_get, screening_inputs, screening_latest


class ScreeningView(OrganisationMixin, FormView):
    """Screening of one activity: criteria pre-ticked from the vendors and the record, each with its reason."""

    template_name = "dpia/screening.html"
    form_class = ScreeningForm

    def setup_activity(self):
        if not hasattr(self, "activity"):
            self.activity = activity_get(organisation=self.organisation, pk=self.kwargs["activity_pk"])
            hints, facts = screening_inputs(organisation=self.organisation, activity=self.activity)
            self.suggestions = suggest_criteria(vendors=hints, facts=facts)

    def get_form_kwargs(self):
        self.setup_activity()
        kwargs = super().get_form_kwargs()
        kwargs["suggestions"] = self.suggestions
        return kwargs

    def get_context_data(self, **kwargs):
        self.setup_activity()
        context = super().get_context_data(**kwargs)
        context["activity"] = self.activity
        context["suggestions"] = self.suggestions
        context["latest"] = screening_latest(organisation=self.organisation, activity=self.activity)
        context["can_edit"] = self.can("editor")
        context["national_list"] = CNIL_REQUIRED_LIST
        return context

    def form_valid(self, form):
        screening = screening_record(
            organisation=self.organisation,
            actor=self.request.user,
            activity=self.activity,
            answers=form.answers(),
            national_list_case=form.cleaned_data["national_list_case"],
            notes=form.cleaned_data["notes"],
        )
        messages.success(
            self.request,
            _("Screening recorded: %(outcome)s.") % {"outcome": screening.get_outcome_display()},
        )
        return redirect("dpia:screening", org_slug=self.organisation.slug, activity_pk=self.activity.pk)
