import csv
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from services import choices
from services.importers.retention import parse_retention
from services.models import Service, ServiceAlias, ServiceCookie
from tests.services.factories import ServiceFactory

HEADER = [
    "ID",
    "Platform",
    "Category",
    "Cookie / Data Key name",
    "Domain",
    "Description",
    "Retention period",
    "Data Controller",
    "User Privacy & GDPR Rights Portals",
    "Wildcard match",
]


def csv_text(rows, header=HEADER):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def row(
    platform,
    name,
    *,
    category="Analytics",
    domain="",
    description="Counts visits.",
    retention="1 year",
    controller="Vendor Inc.",
    portal="https://vendor.example/privacy",
    wildcard="0",
    ident="id-1",
):
    return [ident, platform, category, name, domain, description, retention, controller, portal, wildcard]


def run_import(tmp_path, rows, *extra, header=HEADER):
    path = tmp_path / "cookies.csv"
    path.write_text(csv_text(rows, header), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()
    call_command("import_cookies", "--format", "open-cookie-database", str(path), *extra, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(tmp_path, rows, *extra, header=HEADER):
    with pytest.raises(CommandError) as excinfo:
        run_import(tmp_path, rows, *extra, header=header)
    return str(excinfo.value)


@pytest.fixture
def analytics(db):
    service = ServiceFactory(slug="web-counter", name="Web Counter")
    ServiceAlias.objects.create(service=service, name="WebCounter Classic")
    return service


@pytest.mark.parametrize(
    ("text", "is_session", "seconds"),
    [
        ("2 years", False, 2 * 365 * 86400),
        ("1 day", False, 86400),
        ("session", True, None),
        ("Session", True, None),
        ("End of session (browser)", True, None),
        ("13 months", False, 390 * 86400),
        ("30 minutes", False, 1800),
        ("persistent", False, None),
        ("Unknown", False, None),
        ("", False, None),
        ("1 week to 1 year", False, 365 * 86400),
        ("Session to 30 days", False, 30 * 86400),
        ("90 sec", False, 90),
        ("1440 Minutes", False, 86400),
        ("Immediately removed", False, 0),
        ("10 Nov 2030", False, None),
    ],
)
def test_parse_retention(text, is_session, seconds):
    retention = parse_retention(text)

    assert retention.is_session is is_session
    assert retention.seconds == seconds


def test_import_adds_cookies_to_service_by_name_and_alias(tmp_path, analytics):
    output, _errors = run_import(
        tmp_path,
        [
            row("web counter", "_wc_id", retention="13 months", ident="a"),
            row("WEBCOUNTER CLASSIC", "_wc_ses", retention="session", category="Functional", ident="b"),
            row("Web Counter", "_wc_exp_", wildcard="1", domain=".webcounter.example (3rd party)", ident="c"),
        ],
    )

    assert "3 cookies created" in output
    cookies = {cookie.name: cookie for cookie in analytics.cookies.all()}
    assert cookies["_wc_id"].duration_seconds == 390 * 86400
    assert cookies["_wc_id"].duration_text == "13 months"
    assert cookies["_wc_ses"].is_session is True
    assert cookies["_wc_ses"].categories == ["functional"]
    assert cookies["_wc_exp_"].match == choices.CookieMatch.PREFIX
    assert cookies["_wc_exp_"].domain == "webcounter.example"
    assert cookies["_wc_exp_"].first_party is False
    assert {cookie.source for cookie in cookies.values()} == {choices.CookieSource.OPEN_COOKIE_DATABASE}
    assert Service.objects.count() == 1


def test_import_is_idempotent(tmp_path, analytics):
    rows = [row("Web Counter", "_wc_id"), row("New Platform", "np_id", ident="x")]
    run_import(tmp_path, rows)
    history = ServiceCookie.history.count()

    output, _errors = run_import(tmp_path, rows)

    assert "0 cookies created, 0 updated, 2 unchanged" in output
    assert "0 draft services created" in output
    assert ServiceCookie.history.count() == history
    assert Service.objects.count() == 2


def test_changed_row_updates_imported_cookie(tmp_path, analytics):
    run_import(tmp_path, [row("Web Counter", "_wc_id", retention="1 year")])

    output, _errors = run_import(tmp_path, [row("Web Counter", "_wc_id", retention="2 years")])

    assert "0 cookies created, 1 updated" in output
    assert analytics.cookies.get().duration_seconds == 2 * 365 * 86400


def test_published_service_version_rises_on_import(tmp_path, analytics):
    analytics.content_hash = "before"
    analytics.save()

    run_import(tmp_path, [row("Web Counter", "_wc_id")])

    analytics.refresh_from_db()
    assert analytics.version == 2


def test_curated_cookie_is_not_changed(tmp_path, analytics):
    ServiceCookie.objects.create(
        service=analytics,
        name="_wc_id",
        categories=["analytics"],
        duration_seconds=86400,
        duration_text="1 day",
        purpose="Reviewed purpose.",
        source=choices.CookieSource.CATALOGUE,
    )

    output, _errors = run_import(tmp_path, [row("Web Counter", "_wc_id", retention="5 years")])

    assert "1 kept as curated" in output
    cookie = analytics.cookies.get()
    assert cookie.duration_seconds == 86400
    assert cookie.purpose == "Reviewed purpose."


def test_unknown_platform_becomes_draft(tmp_path, db):
    output, _errors = run_import(
        tmp_path, [row("Tracker <b>Pro</b>", "tp_uid", category="Marketing", controller="Tracker Pro Ltd")]
    )

    service = Service.objects.get()
    assert service.status == choices.Status.DRAFT
    assert service.name == "Tracker <b>Pro</b>"
    assert service.slug == "tracker-pro"
    assert service.vendor_legal_entity == "Tracker Pro Ltd"
    assert service.privacy_policy_url == "https://vendor.example/privacy"
    assert service.consent_category == "marketing"
    assert service.last_reviewed is None
    assert service.cookies.get().name == "tp_uid"
    assert "tracker-pro" in output


def test_several_domains_give_one_cookie_each(tmp_path, analytics):
    run_import(tmp_path, [row("Web Counter", "MUID", domain=".bing.com (3rd party) or .microsoft.com (3rd party)")])

    assert sorted(analytics.cookies.values_list("domain", flat=True)) == ["bing.com", "microsoft.com"]


def test_rejected_row_cancels_whole_import(tmp_path, analytics):
    message = run_failing(
        tmp_path,
        [
            row("Web Counter", "_wc_id", ident="good"),
            row("Web Counter", "_wc_bad", category="Tracking", ident="bad"),
            row("", "orphan", ident="empty"),
        ],
    )

    assert "2 of 3 row(s) rejected; nothing was imported" in message
    assert ServiceCookie.objects.count() == 0


def test_rejected_rows_name_row_and_reason(tmp_path, analytics):
    rows = [
        row("Web Counter", "_wc_id", ident="good"),
        row("Web Counter", "_wc_bad", category="Tracking", ident="bad-category"),
        row("Web Counter", "_wc_wild", wildcard="yes", ident="bad-wildcard"),
        row("Web Counter", "_wc_dom", domain="ut", ident="bad-domain"),
        row("Web Counter", "", ident="no-name"),
        row("Web Counter", "_wc_id", ident="duplicate"),
    ]

    output, errors = run_import(tmp_path, rows, "--skip-invalid")

    assert "row 3 (ID bad-category): unknown Category 'Tracking'" in errors
    assert "row 4 (ID bad-wildcard): Wildcard match must be 0 or 1, not 'yes'" in errors
    assert "row 5 (ID bad-domain): invalid Domain" in errors
    assert "row 6 (ID no-name): Cookie / Data Key name is empty" in errors
    assert "row 7 (ID duplicate): duplicate of row 2" in errors
    assert "1 cookies created" in output
    assert "5 rows rejected" in output
    assert list(analytics.cookies.values_list("name", flat=True)) == ["_wc_id"]


def test_missing_column_is_reported(tmp_path, db):
    message = run_failing(tmp_path, [["1", "X", "Analytics"]], header=HEADER[:3])

    assert "missing column(s): Cookie / Data Key name" in message


def test_dry_run_saves_nothing(tmp_path, analytics):
    output, _errors = run_import(tmp_path, [row("Web Counter", "_wc_id"), row("Other", "o")], "--dry-run")

    assert output.startswith("Dry run, nothing saved. Would have: 2 rows read: 2 cookies created")
    assert ServiceCookie.objects.count() == 0
    assert Service.objects.count() == 1


def test_platform_matching_several_services_is_rejected(tmp_path, analytics):
    other = ServiceFactory(slug="counter-two", name="Counter Two")
    ServiceAlias.objects.create(service=other, name="Web Counter")

    message = run_failing(tmp_path, [row("Web Counter", "_wc_id")])

    assert "1 of 1 row(s) rejected" in message
