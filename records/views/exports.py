"""Downloads of the register (XLSX, CSV, JSON), the RoPA PDF request, the cookie declaration and consent texts."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from organisations.roles import Role
from reports.actions import report_request
from reports.kinds import get_kind

from ..exports.cookies import consent_texts, cookie_declaration
from ..exports.register_json import register_json
from ..exports.spreadsheet import ropa_csv, ropa_xlsx
from .base import RecordsMixin, validation_messages


def _file_name(organisation, suffix):
    return f"ropa-{slugify(organisation.slug)}-{timezone.localdate().isoformat()}.{suffix}"


def _attachment(content, content_type, file_name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


class ExportsView(RecordsMixin, TemplateView):
    template_name = "records/exports.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_request_pdf"] = get_kind("ropa").allows_request_by(self.membership.role)
        return context


class ExportXlsxView(RecordsMixin, View):
    http_method_names = ["get"]

    def get(self, request, org_slug):
        return _attachment(
            ropa_xlsx(self.organisation),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _file_name(self.organisation, "xlsx"),
        )


class ExportCsvView(RecordsMixin, View):
    http_method_names = ["get"]

    def get(self, request, org_slug):
        return _attachment(
            ropa_csv(self.organisation).encode("utf-8"), "text/csv; charset=utf-8", _file_name(self.organisation, "csv")
        )


class ExportJsonView(RecordsMixin, View):
    http_method_names = ["get"]

    def get(self, request, org_slug):
        content = json.dumps(register_json(self.organisation), ensure_ascii=False, indent=2)
        return _attachment(content.encode("utf-8"), "application/json", _file_name(self.organisation, "json"))


class ExportPdfView(RecordsMixin, View):
    """Queue the RoPA PDF with the report pipeline and show the job's page."""

    http_method_names = ["post"]
    # The "ropa" kind's request_role decides who may request it (viewers by default).
    write_role = Role.VIEWER

    def post(self, request, org_slug):
        try:
            job = report_request(
                organisation=self.organisation, actor=request.user, kind="ropa", requester_role=self.membership.role
            )
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
            return redirect("records:exports", org_slug=org_slug)
        messages.success(request, _("The PDF is being rendered. This page shows when it is ready."))
        return redirect("reports:job_detail", org_slug=org_slug, pk=job.pk)


class CookieDeclarationView(RecordsMixin, TemplateView):
    template_name = "records/cookie_declaration.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = cookie_declaration(self.organisation)
        context["groups"] = groups
        context["snippet"] = render_to_string(
            "records/cookie_snippet.html", {"groups": groups, "organisation": self.organisation}
        )
        return context


class CookieSnippetView(RecordsMixin, View):
    """The declaration as a standalone HTML fragment to paste into the organisation's website."""

    http_method_names = ["get"]

    def get(self, request, org_slug):
        content = render_to_string(
            "records/cookie_snippet.html",
            {"groups": cookie_declaration(self.organisation), "organisation": self.organisation},
        )
        return _attachment(content.encode("utf-8"), "text/html; charset=utf-8", "cookie-declaration.html")


class ConsentTextsView(RecordsMixin, TemplateView):
    template_name = "records/consent_texts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["texts"] = consent_texts(self.organisation)
        return context
