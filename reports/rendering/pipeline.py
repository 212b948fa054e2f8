"""Render one report job: build the HTML from its kind, lay it out and return the PDF."""

import hashlib

from ..kinds import get_kind
from .document import build_report_html
from .pdf import html_to_pdf
from .progress import weasyprint_progress


def job_pdf_identifier(job):
    """Return the PDF file identifier of a job: stable across attempts, distinct between jobs."""
    return hashlib.sha256(f"dpo-desk-report:{job.file_token}".encode()).digest()[:16]


def render_job(job, *, report_progress=lambda percent: None):
    """Return the RenderedPdf of `job`. Raise ReportInputError when its data exceed the kind's limits."""
    kind = get_kind(job.kind)
    requested_by = job.requested_by.get_full_name() if job.requested_by else ""
    html, context = build_report_html(
        kind,
        organisation=job.organisation,
        parameters=job.parameters,
        job_id=job.pk,
        requested_by=requested_by,
        created=job.created_at,
        language=job.parameters.get("language", "en") if isinstance(job.parameters, dict) else "en",
    )
    report_progress(20)

    with weasyprint_progress(report_progress, start=20, end=95):
        rendered = html_to_pdf(
            html,
            identifier=job_pdf_identifier(job),
            pdf_variant=job.parameters.get("pdf_variant") or None,
        )
    report_progress(95)
    return rendered
