"""Evidence uploads: size, extension, and content that matches the extension."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from records.uploads import validate_upload


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in members:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


ACCEPTED = [
    ("dpa.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("scan.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    ("dpa.docx", _zip(["[Content_Types].xml", "word/document.xml"])),
    ("register.xlsx", _zip(["[Content_Types].xml", "xl/workbook.xml"])),
    ("dpa.odt", _zip(["mimetype", "content.xml"])),
    ("notes.txt", "Signed by both parties on 3 March — Zürich".encode()),
    ("mail.eml", b"From: legal@example.com\r\nSubject: DPA\r\n\r\nSigned copy attached."),
    ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32),
]

REJECTED = [
    ("dpa.pdf", b"<html><script>alert(1)</script></html>", "is not a PDF document"),
    ("dpa.pdf", b"MZ\x90\x00\x03", "is not a PDF document"),
    ("scan.png", b"\xff\xd8\xff\xe0", "is not a PNG image"),
    ("dpa.docx", b"PK\x03\x04not really a zip", "is not a Word document"),
    ("register.xlsx", _zip(["[Content_Types].xml", "word/document.xml"]), "is not an Excel workbook"),
    ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00", "is not a text file"),
    ("dpa.exe", b"MZ", "are not accepted"),
    ("dpa", b"%PDF-1.7", "are not accepted"),
]


@pytest.mark.parametrize(("name", "content"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_upload_accepted(name, content):
    validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(("name", "content", "message"), REJECTED)
def test_upload_rejected(name, content, message):
    with pytest.raises(ValidationError) as raised:
        validate_upload(SimpleUploadedFile(name, content))

    text = " ".join(raised.value.messages)
    assert message in text
    assert name in text or "are not accepted" in message


def test_upload_size_limit():
    upload = SimpleUploadedFile("dpa.pdf", b"%PDF-1.7" + b"0" * (20 * 1024 * 1024))

    with pytest.raises(ValidationError) as raised:
        validate_upload(upload)

    assert "the limit is 20 MB" in raised.value.messages[0]


def test_upload_check_rewinds_file():
    upload = SimpleUploadedFile("dpa.pdf", b"%PDF-1.7 body")

    validate_upload(upload)

    assert upload.read() == b"%PDF-1.7 body"
