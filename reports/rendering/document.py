"""Turn a report kind, an organisation and parameters into the HTML WeasyPrint lays out."""

import hashlib
import json
import re

from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from ..kinds import ReportInputError

# Increase when a template or stylesheet change alters the content of reports, so a PDF names the format
# that produced it next to its data timestamp.
REPORT_FORMAT_VERSION = "1"


def css_string(text):
    """Return `text` as a CSS string literal that is safe inside an HTML <style> element.

    Quotes, backslashes, angle brackets and control characters become CSS escapes, so a value such as
    `</style><img src=...>` stays text in the string and cannot end the style element.
    """
    escaped = []
    for char in str(text):
        if char in '"\\':
            escaped.append("\\" + char)
        elif char in "<>&" or ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def page_counter_css():
    """Return the CSS `content` value of "Page X of Y" in the active language."""
    # A translator may reorder the placeholders; each one becomes a CSS counter and the rest literal text.
    template = _("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", template):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def context_fingerprint(value):
    """Return a short, stable hash of JSON-serialisable data: the data version printed on a report."""
    canonical = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def build_report_html(kind, *, organisation, parameters, job_id=None, requested_by="", created=None, language="en"):
    """Return (html, context) for one report. Raise ReportInputError when the data exceed the kind's limits."""
    with translation.override(language):
        context = dict(kind.build_context(organisation, parameters))
        data_timestamp = context.get("data_timestamp") or timezone.now()
        title = context.get("title") or str(kind.label)
        data_stamp = _("Data as of %(timestamp)s · data version %(version)s · report format %(format)s") % {
            "timestamp": dateformat.format(timezone.localtime(data_timestamp), "Y-m-d H:i T"),
            "version": context.get("data_version") or "-",
            "format": REPORT_FORMAT_VERSION,
        }
        context.update(
            {
                "kind": kind,
                "title": title,
                "data_stamp": data_stamp,
                # Text of the page margin boxes, as CSS strings (see pdf.css for why not string-set).
                "margin_css": {
                    "title": css_string(title),
                    "controller": css_string(organisation.controller_name),
                    "stamp": css_string(data_stamp),
                    "page_counter": page_counter_css(),
                },
                "page_rules": ["@page", "@page landscape-page"],
                "organisation": organisation,
                "parameters": parameters,
                "job_id": job_id,
                "author": requested_by or organisation.controller_name,
                "data_timestamp": data_timestamp,
                "created": created or data_timestamp,
                "data_version": context.get("data_version") or "",
                "format_version": REPORT_FORMAT_VERSION,
                "orientation": kind.orientation,
                "page_counter_css": page_counter_css(),
                "language": language,
            }
        )
        html = render_to_string(kind.template_name, context)

    size = len(html.encode())
    if size > kind.max_html_bytes:
        raise ReportInputError(
            _(
                "The report would be %(size)s MB of HTML, more than the limit of %(limit)s MB for “%(kind)s”. "
                "Narrow it down with the report's filters or split it into several reports."
            )
            % {
                "size": round(size / 1_048_576, 1),
                "limit": round(kind.max_html_bytes / 1_048_576, 1),
                "kind": kind.label,
            }
        )
    return html, context
