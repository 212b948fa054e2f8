import json

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from organisations.roles import Role
from organisations.views.mixins import OrganisationMixin

from ..actions import ConcurrentEditError, dpia_import
from ..choices import Decision
from ..document import compare_documents, describe_change, dpia_to_document
from ..forms import DpiaImportForm
from ..importing import DpiaImportError, parse_dpia_document
from ..models import DpiaVersion
from ..selectors import dpia_get, members_by_email
from .dpia import read_lock_version


class DpiaVersionListView(OrganisationMixin, TemplateView):
    """Signed versions of a DPIA, and a field-by-field comparison of any two (or of one with the current draft)."""

    template_name = "dpia/versions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dpia = dpia_get(organisation=self.organisation, pk=self.kwargs["pk"])
        versions = list(
            DpiaVersion.objects.for_organisation(self.organisation)
            .filter(dpia=dpia)
            .select_related("signed_by")
            .order_by("-number")
        )
        snapshots = {str(version.number): version.snapshot for version in versions}
        snapshots["current"] = dpia_to_document(dpia)

        default_from = str(versions[0].number) if versions else "current"
        compare_from = self.request.GET.get("from", default_from)
        compare_to = self.request.GET.get("to", "current")
        changes = None
        if compare_from in snapshots and compare_to in snapshots:
            changes = [
                describe_change(path, before, after)
                for path, before, after in compare_documents(snapshots[compare_from], snapshots[compare_to])
            ]
        context.update(
            dpia=dpia,
            versions=versions,
            choices=[*snapshots.keys()],
            compare_from=compare_from,
            compare_to=compare_to,
            changes=changes,
            decision_labels=dict(Decision.choices),
        )
        return context


class DpiaExportJsonView(OrganisationMixin, View):
    def get(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        body = json.dumps(dpia_to_document(dpia), ensure_ascii=False, indent=2, sort_keys=True)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"dpia-{dpia.pk}-v{dpia.version}-{slugify(dpia.title)[:40]}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DpiaImportView(OrganisationMixin, View):
    """Replace a DPIA's content with an exported JSON document. A malformed file changes nothing."""

    required_role = Role.EDITOR
    template_name = "dpia/import.html"

    def get(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        return render(
            request, self.template_name, {"dpia": dpia, "form": DpiaImportForm(), "organisation": self.organisation}
        )

    def post(self, request, org_slug, pk):
        dpia = dpia_get(organisation=self.organisation, pk=pk)
        form = DpiaImportForm(request.POST, request.FILES)
        lock_version = read_lock_version(request)
        if lock_version is None:
            return HttpResponseBadRequest(_("The form is missing its version number. Reload the page."))
        context = {"dpia": dpia, "form": form, "organisation": self.organisation}
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)

        members = members_by_email(organisation=self.organisation)
        upload = form.cleaned_data["file"]
        try:
            data = parse_dpia_document(upload.read(), members_by_email=members)
            dpia_import(
                organisation=self.organisation,
                actor=request.user,
                dpia=dpia,
                data=data,
                members_by_email=members,
                lock_version=lock_version,
            )
        except DpiaImportError as error:
            context["import_errors"] = error.errors
            context["filename"] = upload.name
            return render(request, self.template_name, context, status=400)
        except ConcurrentEditError:
            messages.error(
                request, _("Someone changed this DPIA after you opened it. Nothing was imported; try again.")
            )
            return redirect("dpia:dpia_import", org_slug=org_slug, pk=pk)

        messages.success(
            request, _("Imported %(name)s. The previous content is kept in the history.") % {"name": upload.name}
        )
        return redirect("dpia:dpia_detail", org_slug=org_slug, pk=pk)
