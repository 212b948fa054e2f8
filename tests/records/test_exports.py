import csv
import io
import json
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from records import actions
from records.choices import RecipientKind, VendorUseStatus
from records.exports.cookies import cookie_declaration, fill_consent_text
from records.exports.rows import COLUMNS
from records.exports.spreadsheet import neutralise, ropa_csv, ropa_xlsx
from records.models import ActivityRecipient
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db

HEADER_ROW = 7


@pytest.fixture
def filled(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(
        organisation=organisation, service=us_service(), actor=editor, status=VendorUseStatus.ACTIVE
    )
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    empty = actions.activity_create(organisation=organisation, actor=editor, name='=HYPERLINK("http://x")')
    return activity, empty


def test_xlsx_has_one_column_per_item(organisation, filled):
    workbook = load_workbook(io.BytesIO(ropa_xlsx(organisation)))
    sheet = workbook.active

    header = [cell.value for cell in sheet[HEADER_ROW]]
    names = [sheet.cell(row=row, column=1).value for row in (HEADER_ROW + 1, HEADER_ROW + 2)]

    assert header == [str(label) for _key, label in COLUMNS]
    assert "Customer support and contact handling" in names


def test_xlsx_never_stores_formulas(organisation, filled):
    sheet = load_workbook(io.BytesIO(ropa_xlsx(organisation))).active

    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]

    assert all(cell.data_type == "s" for cell in cells)
    assert any(str(cell.value).startswith("=HYPERLINK") for cell in cells)


def test_xlsx_flags_missing_items(organisation, filled):
    sheet = load_workbook(io.BytesIO(ropa_xlsx(organisation))).active
    header = [cell.value for cell in sheet[HEADER_ROW]]
    missing_column = header.index("Missing items") + 1

    first_row_missing = sheet.cell(row=HEADER_ROW + 1, column=missing_column).value

    # The empty activity misses the most items, so it comes first.
    assert "Art. 30(1)(b): purposes of the processing" in first_row_missing
    assert "Art. 30(1)(g)" in first_row_missing


def _column(header, key):
    labels = dict(COLUMNS)
    return header.index(str(labels[key]))


@pytest.mark.parametrize("key", ["joint_controller", "representative", "dpo", "other_recipients"])
def test_xlsx_blank_items_none_recorded(organisation, filled, key):
    sheet = load_workbook(io.BytesIO(ropa_xlsx(organisation))).active
    header = [cell.value for cell in sheet[HEADER_ROW]]
    column = _column(header, key) + 1

    values = [sheet.cell(row=row, column=column).value for row in (HEADER_ROW + 1, HEADER_ROW + 2)]

    assert values == ["None recorded", "None recorded"]


def test_xlsx_header_none_recorded(organisation, filled):
    sheet = load_workbook(io.BytesIO(ropa_xlsx(organisation))).active

    assert sheet["A3"].value == "Data protection officer"
    assert sheet["B3"].value == "None recorded"
    assert sheet["A4"].value == "EU representative"
    assert sheet["B4"].value == "None recorded"


def test_xlsx_recorded_items_shown(organisation, filled):
    activity, _empty = filled
    organisation.eu_representative = "Rep EU GmbH, Berlin"
    organisation.dpo_name = "Dana Officer"
    organisation.dpo_contact = "dpo@acme.example"
    organisation.save()
    activity.joint_controller = "Partner Retail SA"
    activity.save()
    ActivityRecipient.objects.create(
        organisation=organisation, activity=activity, name="Tax office", kind=RecipientKind.EXTERNAL, country="FR"
    )
    sheet = load_workbook(io.BytesIO(ropa_xlsx(organisation))).active
    header = [cell.value for cell in sheet[HEADER_ROW]]
    row = next(
        row for row in range(HEADER_ROW + 1, HEADER_ROW + 3) if sheet.cell(row=row, column=1).value == activity.name
    )

    def cell(key):
        return sheet.cell(row=row, column=_column(header, key) + 1).value

    assert sheet["B3"].value == "Dana Officer (dpo@acme.example)"
    assert sheet["B4"].value == "Rep EU GmbH, Berlin"
    assert cell("joint_controller") == "Partner Retail SA"
    assert cell("representative") == "Rep EU GmbH, Berlin"
    assert cell("dpo") == "Dana Officer\ndpo@acme.example"
    assert cell("other_recipients").startswith("Tax office (FR): External recipient")


def test_csv_blank_items_none_recorded(organisation, filled):
    rows = list(csv.reader(io.StringIO(ropa_csv(organisation).lstrip("\ufeff"))))
    header = rows[0]

    for key in ("joint_controller", "representative", "dpo", "other_recipients"):
        assert [row[_column(header, key)] for row in rows[1:]] == ["None recorded", "None recorded"], key


def test_csv_neutralises_joint_controller(organisation, filled):
    activity, _empty = filled
    activity.joint_controller = "=cmd|' /C calc'!A0"
    activity.save()

    rows = list(csv.reader(io.StringIO(ropa_csv(organisation).lstrip("\ufeff"))))
    column = _column(rows[0], "joint_controller")

    assert "'=cmd|' /C calc'!A0" in [row[column] for row in rows[1:]]


def test_json_keeps_blank_items_empty(organisation, filled, client, editor):
    client.force_login(editor)

    response = client.get(reverse("records:export_json", kwargs={"org_slug": organisation.slug}))

    data = json.loads(response.content)
    assert data["controller"]["eu_representative"] == ""
    assert data["controller"]["dpo_name"] == ""
    assert data["controller"]["dpo_contact"] == ""
    assert [row["joint_controller"] for row in data["processing_activities"]] == ["", ""]
    assert "None recorded" not in response.content.decode()


def test_csv_neutralises_formula(organisation, filled):
    rows = list(csv.reader(io.StringIO(ropa_csv(organisation).lstrip("\ufeff"))))

    names = [row[0] for row in rows[1:]]

    assert '\'=HYPERLINK("http://x")' in names
    assert len(rows[0]) == len(COLUMNS)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
def test_neutralise_prefixes_triggers(value):
    assert neutralise(value) == "'" + value


def test_neutralise_keeps_plain_text():
    assert neutralise("Ελληνικά – кириллица 🙂") == "Ελληνικά – кириллица 🙂"


def test_json_contains_whole_register(organisation, filled, client, editor):
    client.force_login(editor)

    response = client.get(reverse("records:export_json", kwargs={"org_slug": organisation.slug}))

    data = json.loads(response.content)
    assert response.status_code == HTTPStatus.OK
    assert data["controller"]["name"] == organisation.controller_name
    assert data["vendors"][0]["catalogue_service"] == "callcentre-cloud"
    assert len(data["vendors"][0]["checklist"]) == 2
    transfers = data["processing_activities"][1]["transfers"]
    # The vendor's US sub-processor receives the data under the vendor's own DPF certification.
    assert {(row["recipient"], row["safeguard"]) for row in transfers} == {
        ("Callcentre Cloud", "dpf"),
        ("Hosting Inc.", "dpf"),
    }


def test_json_excludes_other_organisation(organisation, other_organisation, filled, client, editor):
    actions.vendor_use_create_manual(organisation=other_organisation, actor=None, vendor_name="Foreign vendor")
    client.force_login(editor)

    response = client.get(reverse("records:export_json", kwargs={"org_slug": organisation.slug}))

    assert b"Foreign vendor" not in response.content


def test_cookie_declaration_groups_by_strictest(organisation, filled):
    groups = dict(cookie_declaration(organisation))

    assert [row["name"] for row in groups["Marketing"]] == ["visitor_id"]
    assert [row["name"] for row in groups["Functional"]] == ["chat_session"]


def test_cookie_declaration_only_active_vendors(organisation, editor):
    actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)

    assert cookie_declaration(organisation) == []


def test_consent_text_filled(organisation):
    organisation.dpo_contact = "dpo@acme.example"

    text = fill_consent_text("{organisation} asks. Contact {privacy_contact}. {other}", organisation=organisation)

    assert text == f"{organisation.controller_name} asks. Contact dpo@acme.example. {{other}}"


@pytest.mark.parametrize(
    "name", ["export_xlsx", "export_csv", "cookie_snippet", "cookie_declaration", "consent_texts", "exports"]
)
def test_export_pages_respond(organisation, filled, client, viewer, name):
    client.force_login(viewer)

    response = client.get(reverse(f"records:{name}", kwargs={"org_slug": organisation.slug}))

    assert response.status_code == HTTPStatus.OK


def test_export_command_xlsx(organisation, filled, tmp_path):
    output = tmp_path / "ropa.xlsx"

    call_command("export_ropa", org=organisation.slug, format="xlsx", output=str(output))

    assert load_workbook(output).active.cell(row=HEADER_ROW, column=1).value == "Processing activity"


def test_export_command_unknown_org(tmp_path):
    with pytest.raises(CommandError, match="No organisation has the slug"):
        call_command("export_ropa", org="nope", format="json", output=str(tmp_path / "x.json"))


@pytest.mark.django_db(transaction=True)
def test_export_command_pdf(organisation, filled, tmp_path, editor):
    from records.models import ProcessingActivity

    ProcessingActivity.objects.filter(organisation=organisation, missing_count=6).update(
        security_measures="Ελληνικά, кириллица, émoji 🙂 and a long URL https://example.org/" + "a" * 300
    )
    output = tmp_path / "ropa.pdf"

    call_command("export_ropa", org=organisation.slug, format="pdf", output=str(output), timeout=60)

    content = output.read_bytes()
    assert content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Customer support and contact handling" in text
    assert organisation.controller_name in text
    assert "кириллица" in text
    # No joint controller, EU representative or DPO is recorded for this organisation.
    assert "None recorded" in text


def test_updated_day_follows_time_zone(organisation, editor, settings):
    import datetime

    from records.exports.rows import ropa_rows
    from records.models import ProcessingActivity

    settings.TIME_ZONE = "Europe/Brussels"
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Late-night change")
    # 23:30 UTC on 4 December is 00:30 on 5 December in Brussels.
    late = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC)
    ProcessingActivity.objects.filter(pk=activity.pk).update(updated_at=late)

    headers, rows = ropa_rows(organisation)
    (row,) = [dict(zip(headers, row, strict=True)) for row in rows if row[0] == "Late-night change"]

    assert row["Last updated"] == "2026-12-05"


def test_retention_text_does_not_repeat_subject():
    from records.exports.rows import retention_text
    from records.models import RetentionPeriod

    cookies = RetentionPeriod(
        data_category="Cookies and similar identifiers set by HubSpot", applies_to="cookies", period="Up to 6 months"
    )
    data = RetentionPeriod(data_category="Support tickets", applies_to="personal-data", period="3 years")

    assert retention_text(cookies) == "Cookies and similar identifiers set by HubSpot: Up to 6 months"
    assert retention_text(data) == "Support tickets (Personal data): 3 years"


def test_safeguard_text_keeps_onward_note(organisation, editor):
    from records.exports.rows import ropa_rows
    from records.models import ActivityTransfer

    activity = actions.activity_create(organisation=organisation, actor=editor, name="Contact centre")
    ActivityTransfer.objects.create(
        organisation=organisation,
        activity=activity,
        country="US",
        recipient="Hosting Inc.",
        safeguard="dpf",
        dpf_certified_entity="Callcentre Cloud",
        basis_note="Onward transfer by Callcentre Cloud to its sub-processor under the DPF principle.",
    )

    headers, rows = ropa_rows(organisation)
    row = dict(zip(headers, rows[0], strict=True))
    (safeguards,) = [value for header, value in row.items() if header.startswith("Art. 30(1)(e) Safeguards")]

    assert "relying on the DPF certification of Callcentre Cloud" in safeguards
    assert "DPF certification not checked yet" in safeguards
    assert "Onward transfer by Callcentre Cloud" in safeguards


def test_special_categories_without_data_categories(organisation, editor):
    from records.exports.rows import ropa_rows

    actions.activity_create(organisation=organisation, actor=editor, name="Visitor badges")

    headers, rows = ropa_rows(organisation)
    row = dict(zip(headers, rows[0], strict=True))

    assert row["Special categories (Art. 9) or criminal data (Art. 10)"] == "None recorded"
