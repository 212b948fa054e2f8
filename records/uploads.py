"""Checks on evidence files (signed DPAs, checklist evidence) before they are stored.

A file is accepted when its size is within the limit, its extension is one a reviewer can open, and its
first bytes match that extension. Reviewers open these files from the register and trust the extension, so
an executable or an HTML page renamed "dpa.pdf" is rejected.
"""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# How much of a file the signature checks read. PDF readers accept the "%PDF-" header anywhere in the first
# 1,024 bytes; text files are checked for NUL bytes over the first 8 KiB.
HEAD_BYTES = 8192

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook .msg files are OLE compound files.
ZIP_SIGNATURE = b"PK\x03\x04"

# Extension → (description shown in messages, a member that office documents of that type contain).
OFFICE_DOCUMENTS = {
    ".docx": (_("a Word document"), "word/document.xml"),
    ".xlsx": (_("an Excel workbook"), "xl/workbook.xml"),
    ".odt": (_("an OpenDocument text"), "content.xml"),
    ".ods": (_("an OpenDocument spreadsheet"), "content.xml"),
}
ALLOWED_UPLOAD_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".txt", ".docx", ".xlsx", ".odt", ".ods", ".eml", ".msg")


def _read_head(upload):
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _office_document_matches(upload, member):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    finally:
        upload.seek(0)


def content_matches_suffix(upload, suffix):
    """Return whether the first bytes of `upload` are those of a `suffix` file (".pdf", ".docx"...)."""
    head = _read_head(upload)
    if suffix == ".pdf":
        return b"%PDF-" in head[:1024]
    if suffix == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix == ".msg":
        return head.startswith(OLE_SIGNATURE)
    if suffix in OFFICE_DOCUMENTS:
        return head.startswith(ZIP_SIGNATURE) and _office_document_matches(upload, OFFICE_DOCUMENTS[suffix][1])
    if suffix in (".txt", ".eml"):
        return b"\x00" not in head
    return False


def _type_description(suffix):
    if suffix in OFFICE_DOCUMENTS:
        return OFFICE_DOCUMENTS[suffix][0]
    descriptions = {
        ".pdf": _("a PDF document"),
        ".png": _("a PNG image"),
        ".jpg": _("a JPEG image"),
        ".jpeg": _("a JPEG image"),
        ".msg": _("an Outlook message"),
        ".txt": _("a text file"),
        ".eml": _("an e-mail message"),
    }
    return descriptions[suffix]


def validate_upload(upload):
    """Raise ValidationError for a file that is too large, of a type not accepted, or not matching its extension."""
    if upload is None or not hasattr(upload, "size"):
        return
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file “%(name)s” is %(size)d MB; the limit is 20 MB."),
            params={"name": upload.name, "size": upload.size // (1024 * 1024)},
        )
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED_UPLOAD_SUFFIXES:
        raise ValidationError(
            _("Files of type “%(suffix)s” are not accepted. Upload one of: %(allowed)s."),
            params={"suffix": suffix or _("none"), "allowed": ", ".join(ALLOWED_UPLOAD_SUFFIXES)},
        )
    if not content_matches_suffix(upload, suffix):
        raise ValidationError(
            _(
                "The file “%(name)s” is not %(type)s: its content does not match its “%(suffix)s” extension. "
                "Upload the original file, or export it again in that format."
            ),
            params={"name": upload.name, "type": _type_description(suffix), "suffix": suffix},
        )
