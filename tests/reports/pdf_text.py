"""Helpers to read back rendered PDFs in tests."""

import io

from pypdf import PdfReader


def pdf_text(content):
    """Return the text of every page of the PDF `content`, joined by newlines."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_reader(content):
    return PdfReader(io.BytesIO(content))


def squash(text):
    """Drop whitespace, so text that wrapped inside a table cell still matches."""
    return "".join(text.split())
