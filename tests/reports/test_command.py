"""The render_report command renders through the pipeline and writes the PDF."""

import pytest
from django.core.management import CommandError, call_command

from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


def test_render_report_writes_pdf(organisation, owner, tmp_path):
    output = tmp_path / "summary.pdf"

    call_command("render_report", organisation.slug, "--output", str(output))

    assert "Acme Analytics" in pdf_text(output.read_bytes())


def test_render_report_unknown_organisation():
    with pytest.raises(CommandError, match="No organisation has the slug 'nowhere'"):
        call_command("render_report", "nowhere")


def test_render_report_unknown_kind(organisation, owner):
    with pytest.raises(CommandError, match="Unknown report kind"):
        call_command("render_report", organisation.slug, "--kind", "nope")
