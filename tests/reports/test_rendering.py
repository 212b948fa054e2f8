"""PDF rendering of report kinds: hostile text stays text, typography holds, output is reproducible."""

import pytest

from organisations.roles import Role
from reports.kinds import ReportInputError, get_kind
from reports.rendering.document import build_report_html, css_string, page_counter_css
from reports.rendering.pdf import PDF_VARIANTS, html_to_pdf, new_fetcher
from tests.factories import member

from .pdf_text import pdf_reader, pdf_text, squash

HOSTILE_TEXTS = [
    "<model-viewer src='https://example.com/model.glb'></model-viewer>",
    '<img src="http://169.254.169.254/latest/meta-data/">',
    '<link href="file:///etc/passwd" rel="stylesheet">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<object data="http://127.0.0.1:6379/"></object>',
    "<style>@import url(http://169.254.169.254/);</style>",
]


def render_summary(organisation, fetcher=None):
    kind = get_kind("organisation_summary")
    html, _context = build_report_html(kind, organisation=organisation, parameters={})
    fetcher = fetcher or new_fetcher()
    return html_to_pdf(html, identifier=b"0123456789abcdef", fetcher=fetcher), fetcher


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_text_renders_literally_without_fetch(organisation, hostile):
    organisation.address = hostile
    organisation.save()

    rendered, fetcher = render_summary(organisation)

    assert squash(hostile) in squash(pdf_text(rendered.content))
    fetched = [record.url for record in fetcher.records]
    assert all(url.endswith("/static/reports/pdf.css") for url in fetched), fetched
    assert fetcher.rejected == []


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", ['</style><img src="http://169.254.169.254/">', 'Evil "} @page { size: 1mm'])
def test_hostile_controller_name_stays_text_in_margins(organisation, hostile):
    # The controller name also goes into the page margin boxes, through a CSS string in a <style> element.
    organisation.legal_name = hostile
    organisation.save()

    rendered, fetcher = render_summary(organisation)

    pages = pdf_reader(rendered.content).pages
    assert fetcher.rejected == []
    assert [record.url.rsplit("/", 1)[-1] for record in fetcher.records] == ["pdf.css"]
    assert squash(hostile) in squash(pages[0].extract_text())
    assert float(pages[0].mediabox.width) > 500
    # Once in the body and once in the page header.
    assert squash(pdf_text(rendered.content)).count(squash(hostile)) >= 2


def test_css_string_escapes_style_breakout():
    assert css_string('</style>"x"\\') == '"\\3c /style\\3e \\"x\\"\\\\"'


@pytest.mark.django_db
def test_hostile_member_name_renders_literally(organisation):
    member(organisation, Role.EDITOR, full_name='<img src="http://169.254.169.254/">')

    rendered, fetcher = render_summary(organisation)

    assert squash('<img src="http://169.254.169.254/">') in squash(pdf_text(rendered.content))
    assert fetcher.rejected == []


def test_raw_hostile_html_is_rejected_by_fetcher():
    # Markup that bypassed escaping: the fetcher is asked for every URL and rejects each one.
    html = (
        "<html><body><p>Probe</p>"
        '<img src="http://169.254.169.254/latest/meta-data/">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
        '<img src="https://example.com/a.png">'
        '<link rel="attachment" href="file:///etc/hostname">'
        "</body></html>"
    )
    fetcher = new_fetcher()

    rendered = html_to_pdf(html, identifier=b"0123456789abcdef", fetcher=fetcher)

    rejected = {record.url for record in fetcher.rejected}
    assert "http://169.254.169.254/latest/meta-data/" in rejected
    assert "file:///etc/passwd" in rejected
    assert "https://example.com/a.png" in rejected
    assert "file:///etc/hostname" in rejected
    assert not [record for record in fetcher.records if record.served]
    assert "Probe" in pdf_text(rendered.content)
    assert b"root:x:0:0" not in rendered.content
    assert b"/EmbeddedFile" not in rendered.content


@pytest.mark.django_db
def test_accents_greek_cyrillic_extracted(organisation):
    organisation.legal_name = "Société Générale Ærø Żółć"
    organisation.address = "Αθήνα, Ελληνική Δημοκρατία · Москва, Российская"
    organisation.save()

    rendered, _fetcher = render_summary(organisation)

    text = pdf_text(rendered.content)
    assert "Société Générale Ærø Żółć" in text
    assert "Αθήνα, Ελληνική Δημοκρατία" in text
    assert "Москва, Российская" in text


@pytest.mark.django_db
def test_fonts_embedded_are_dejavu(organisation):
    rendered, _fetcher = render_summary(organisation)

    fonts = pdf_reader(rendered.content).pages[0]["/Resources"]["/Font"]
    base_fonts = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("DejaVu-Sans" in name for name in base_fonts), base_fonts
    # Digits count as emoji characters; the colour emoji font must not be chosen for them.
    assert not any("Emoji" in name for name in base_fonts), base_fonts


@pytest.mark.django_db
def test_emoji_falls_back_to_emoji_font(organisation):
    organisation.address = "Rooftop office 🏢 ✅"
    organisation.save()

    rendered, _fetcher = render_summary(organisation)

    fonts = pdf_reader(rendered.content).pages[0]["/Resources"]["/Font"]
    base_fonts = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("Emoji" in name for name in base_fonts), base_fonts
    assert "Rooftop office" in pdf_text(rendered.content)


@pytest.mark.django_db
def test_long_url_wraps_inside_cell(organisation):
    long_email = "a" * 120 + "@very-long-subdomain-name-for-wrapping-tests.example.org"
    member(organisation, Role.VIEWER, email=long_email)

    rendered, _fetcher = render_summary(organisation)

    # Wrapped text keeps every character; an overflowing cell would be clipped at the page edge.
    assert long_email in squash(pdf_text(rendered.content))
    page = pdf_reader(rendered.content).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)


@pytest.mark.django_db
def test_header_repeats_and_page_counter(organisation):
    for index in range(120):
        member(organisation, Role.VIEWER, full_name=f"Member {index:03d}")

    rendered, _fetcher = render_summary(organisation)

    reader = pdf_reader(rendered.content)
    assert len(reader.pages) >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(reader.pages)}" in text
    assert "E-mail address" in reader.pages[-1].extract_text()


@pytest.mark.django_db
def test_metadata_and_data_stamp(organisation, owner):
    kind = get_kind("organisation_summary")
    html, context = build_report_html(kind, organisation=organisation, parameters={}, requested_by="Dana Officer")

    rendered = html_to_pdf(html, identifier=b"0123456789abcdef")

    metadata = pdf_reader(rendered.content).metadata
    assert metadata.title == "Organisation summary"
    assert metadata.author == "Dana Officer"
    assert metadata.creation_date is not None
    text = pdf_text(rendered.content)
    assert f"data version {context['data_version']}" in text
    assert "Data as of" in text


def test_register_kind_is_landscape():
    assert get_kind("report_register").orientation == "landscape"


@pytest.mark.django_db
def test_register_renders_landscape(organisation):
    kind = get_kind("report_register")
    html, _context = build_report_html(kind, organisation=organisation, parameters={})

    rendered = html_to_pdf(html, identifier=b"0123456789abcdef")

    page = pdf_reader(rendered.content).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    assert "No report has been rendered" in pdf_text(rendered.content)


@pytest.mark.django_db
def test_same_inputs_give_same_pdf(organisation, owner):
    first, _fetcher = render_summary(organisation)
    second, _fetcher = render_summary(organisation)

    assert pdf_text(first.content) == pdf_text(second.content)
    assert first.content == second.content


@pytest.mark.django_db
def test_member_limit_gives_clear_error(organisation, settings, monkeypatch):
    kind = get_kind("organisation_summary")
    monkeypatch.setitem(kind.max_items, "members", 2)
    for _index in range(3):
        member(organisation, Role.VIEWER)

    with pytest.raises(ReportInputError, match="3 members, more than the limit of 2"):
        build_report_html(kind, organisation=organisation, parameters={})


@pytest.mark.django_db
def test_html_size_limit_gives_clear_error(organisation):
    kind = get_kind("organisation_summary")
    small = type(kind)(**{**kind.__dict__, "max_html_bytes": 1000})

    with pytest.raises(ReportInputError, match="MB of HTML"):
        build_report_html(small, organisation=organisation, parameters={})


def test_page_counter_css_uses_counters():
    assert page_counter_css() == '"Page " counter(page) " of " counter(pages)'


@pytest.mark.django_db
def test_pdfa_variant_written(organisation):
    kind = get_kind("organisation_summary")
    html, _context = build_report_html(kind, organisation=organisation, parameters={})

    rendered = html_to_pdf(html, identifier=b"0123456789abcdef", pdf_variant="pdf/a-2b")

    reader = pdf_reader(rendered.content)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp or b'pdfaid:part="2"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert "Organisation summary" in pdf_text(rendered.content)


@pytest.mark.django_db
@pytest.mark.parametrize("variant", PDF_VARIANTS)
def test_every_offered_variant_renders(organisation, variant):
    kind = get_kind("organisation_summary")
    html, _context = build_report_html(kind, organisation=organisation, parameters={})

    rendered = html_to_pdf(html, identifier=b"0123456789abcdef", pdf_variant=variant)

    assert "Organisation summary" in pdf_text(rendered.content)
