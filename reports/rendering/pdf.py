"""HTML to PDF with WeasyPrint, through the safe URL fetcher only."""

import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from . import progress  # noqa: F401  (stops WeasyPrint's per-page progress lines reaching the log handlers)
from .fetcher import SafeURLFetcher

logger = logging.getLogger(__name__)

ASSETS_DIR = Path(__file__).resolve().parent.parent / "static" / "reports"

# PDF variants a report may request, among those WeasyPrint 70 writes. WeasyPrint does not validate its
# output against the standard, so a variant is a best effort (check with veraPDF where it matters).
PDF_VARIANTS = ("pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/ua-1")


def asset_dirs():
    """Return the directories the URL fetcher serves: the report stylesheets and images, then extra ones."""
    return [ASSETS_DIR, *getattr(settings, "REPORTS_EXTRA_ASSET_DIRS", [])]


def new_fetcher():
    return SafeURLFetcher(
        asset_dirs(),
        max_file_bytes=settings.REPORTS_MAX_ASSET_BYTES,
        max_data_url_bytes=settings.REPORTS_MAX_DATA_URL_BYTES,
    )


@contextmanager
def _fixed_font_timestamps():
    """Make fontTools write a fixed `head.modified` date into the font subsets it saves.

    WeasyPrint re-saves colour emoji fonts (Noto Color Emoji) with fontTools, which stamps the current time
    unless SOURCE_DATE_EPOCH is set. Without it, the same inputs would give different bytes.
    """
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@dataclass
class RenderedPdf:
    content: bytes
    page_count: int
    layout_seconds: float
    write_seconds: float
    # CPU time of this process during the render: unlike wall time, it does not grow when other processes
    # compete for the CPU, so it compares renders across processes on a busy machine.
    cpu_seconds: float
    fetches: list = field(default_factory=list)


def html_to_pdf(html, *, identifier, pdf_variant=None, fetcher=None, on_layout_done=None):
    """Render `html` to PDF bytes. `identifier` (bytes) becomes the PDF file identifier, so equal inputs give
    equal files. `on_layout_done(page_count)` is called between layout and writing, for progress reports."""
    if pdf_variant and pdf_variant not in PDF_VARIANTS:
        raise ValueError(f"Unsupported PDF variant {pdf_variant!r}; use one of {', '.join(PDF_VARIANTS)}.")
    fetcher = fetcher or new_fetcher()
    # A fresh font configuration per document (about 35 ms): a shared one keeps the glyphs of earlier
    # documents in its font subsets, so the same inputs would give different files.
    font_config = FontConfiguration()

    started = time.perf_counter()
    cpu_started = time.process_time()
    document = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=fetcher).render(
        font_config=font_config
    )
    layout_done = time.perf_counter()
    if on_layout_done is not None:
        on_layout_done(len(document.pages))

    with _fixed_font_timestamps():
        content = document.write_pdf(
            pdf_identifier=identifier,
            # A variant sets its own PDF version and tagging (PDF/UA and PDF/A level "a" are tagged).
            pdf_variant=pdf_variant,
        )
    finished = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_started
    logger.info(
        "Rendered a PDF of %d pages in %.2f s (CPU %.2f s, layout %.2f s, %d fetches, %d rejected).",
        len(document.pages),
        finished - started,
        cpu_seconds,
        layout_done - started,
        len(fetcher.records),
        len(fetcher.rejected),
    )
    return RenderedPdf(
        content=content,
        page_count=len(document.pages),
        layout_seconds=layout_done - started,
        write_seconds=finished - layout_done,
        cpu_seconds=cpu_seconds,
        fetches=list(fetcher.records),
    )
