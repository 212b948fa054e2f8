from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from services import choices
from services.models import Service, ServiceCookie
from tests.services.documents import make_document, write_document


def load(directory, *extra):
    stdout, stderr = StringIO(), StringIO()
    call_command("load_catalogue", "--path", str(directory), *extra, stdout=stdout, stderr=stderr)
    return stdout.getvalue()


def load_failing(directory):
    stderr = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("load_catalogue", "--path", str(directory), stdout=StringIO(), stderr=stderr)
    return stderr.getvalue(), str(excinfo.value)


@pytest.fixture
def data_dir(tmp_path):
    write_document(tmp_path, make_document())
    write_document(tmp_path, make_document("other-maps", "Other Maps", related_services=["example-chat"]))
    return tmp_path


def test_load_creates_every_section(db, data_dir):
    output = load(data_dir)

    assert "2 created, 0 updated, 0 unchanged" in output
    service = Service.objects.get(slug="example-chat")
    assert service.vendor_legal_entity == "Example Chat GmbH"
    assert str(service.vendor_country) == "DE"
    assert service.version == 1
    assert [alias.name for alias in service.aliases.all()] == ["Example Chat Classic"]
    assert [domain.domain for domain in service.domains.all()] == [
        "example-chat.example",
        "cdn.example-chat-static.example",
    ]
    cookies = list(service.cookies.all())
    assert [(c.name, c.match, c.is_session, c.duration_seconds) for c in cookies] == [
        ("example_chat_id", "exact", False, 31536000),
        ("example_chat_sess_", "prefix", True, None),
    ]
    assert all(cookie.source == choices.CookieSource.CATALOGUE for cookie in cookies)
    assert [basis.basis for basis in service.legal_bases.all()] == ["contract", "consent"]
    assert [item.title for item in service.checklist_items.all()] == ["Sign the DPA", "Gate the widget"]
    assert service.dpia_considerations.get().kind == "risk-source"
    assert service.screening_special_category_data is True
    assert service.faq_entries.count() == 1
    assert service.eu_alternatives.get().name == "Other Chat"
    other = Service.objects.get(slug="other-maps")
    assert list(other.related_services.values_list("slug", flat=True)) == ["example-chat"]


def test_second_load_reports_unchanged_and_writes_nothing(db, data_dir):
    load(data_dir)
    history_before = Service.history.count()
    cookie_history_before = ServiceCookie.history.count()

    output = load(data_dir)
    forced = load(data_dir, "--force")

    assert "0 created, 0 updated, 2 unchanged" in output
    assert "0 created, 0 updated, 2 unchanged" in forced
    assert Service.history.count() == history_before
    assert ServiceCookie.history.count() == cookie_history_before
    assert Service.objects.get(slug="example-chat").version == 1


def test_changed_published_entry_raises_version(db, data_dir):
    load(data_dir)
    write_document(data_dir, make_document(summary="Live chat and chatbot widget."))

    output = load(data_dir)

    assert "0 created, 1 updated, 1 unchanged" in output
    service = Service.objects.get(slug="example-chat")
    assert service.summary == "Live chat and chatbot widget."
    assert service.version == 2
    assert Service.objects.get(slug="other-maps").version == 1


def test_changed_cookie_raises_version(db, data_dir):
    load(data_dir)
    document = make_document()
    document["cookies"][0]["duration"] = {"seconds": 15552000, "text": "6 months"}
    write_document(data_dir, document)

    load(data_dir)

    service = Service.objects.get(slug="example-chat")
    assert service.version == 2
    assert service.cookies.get(name="example_chat_id").duration_seconds == 15552000


def test_changed_draft_keeps_version(db, tmp_path):
    write_document(tmp_path, make_document(status="draft"))
    load(tmp_path)
    write_document(tmp_path, make_document(status="draft", summary="Changed summary."))

    load(tmp_path)

    service = Service.objects.get(slug="example-chat")
    assert service.summary == "Changed summary."
    assert service.version == 1


def test_malformed_file_names_file_and_field_and_changes_nothing(db, data_dir):
    load(data_dir)
    document = make_document("other-maps", "Other Maps", summary="A new summary that must not be saved.")
    document["cookies"][0]["categories"] = ["tracking"]
    write_document(data_dir, document)
    write_document(data_dir, make_document("third-service", "Third Service"))

    errors, message = load_failing(data_dir)

    assert "other-maps.yaml at /cookies/0/categories/0" in errors
    assert "'tracking' is not an allowed value" in errors
    assert "nothing was changed" in message
    assert not Service.objects.filter(slug="third-service").exists()
    assert Service.objects.get(slug="other-maps").summary == "Live chat widget for websites."


@pytest.mark.parametrize(
    ("change", "pointer", "message"),
    [
        (lambda d: d.pop("vendor"), "/", "'vendor' is a required property"),
        (lambda d: d["vendor"].update(country="Germany"), "/vendor/country", "does not have the expected form"),
        (lambda d: d.update(colour="blue"), "/", "remove it or check its spelling"),
        (lambda d: d["cookies"][1]["duration"].update(seconds=10), "/cookies/1/duration", "session: true or seconds"),
        (lambda d: d.update(consent_text="Hello {company}"), "/consent_text", "unknown placeholder {company}"),
        (lambda d: d.update(related_services=["no-such-service"]), "/related_services/0", "no catalogue entry"),
        (lambda d: d["provenance"].update(last_reviewed="2026-02-30"), "/provenance/last_reviewed", "calendar date"),
        (lambda d: d["cookies"].append(dict(d["cookies"][0])), "/cookies/2", "duplicate of /cookies/0"),
    ],
)
def test_invalid_field_is_reported_with_pointer(db, tmp_path, change, pointer, message):
    document = make_document()
    change(document)
    write_document(tmp_path, document)

    errors, _message = load_failing(tmp_path)

    assert f"example-chat.yaml at {pointer}" in errors
    assert message in errors
    assert Service.objects.count() == 0


def test_file_name_must_equal_slug(db, tmp_path):
    write_document(tmp_path, make_document(), file_name="chat.yaml")

    errors, _message = load_failing(tmp_path)

    assert "chat.yaml at /slug" in errors
    assert "must equal the file name 'chat'" in errors


def test_invalid_yaml_names_line(db, tmp_path):
    (tmp_path / "broken.yaml").write_text("slug: broken\nname: [unclosed\nstatus: draft\n", encoding="utf-8")

    errors, _message = load_failing(tmp_path)

    assert "broken.yaml: invalid YAML, line" in errors


def test_duplicate_yaml_key_is_rejected(db, tmp_path):
    path = write_document(tmp_path, make_document())
    path.write_text(path.read_text(encoding="utf-8") + "summary: again\n", encoding="utf-8")

    errors, _message = load_failing(tmp_path)

    assert "duplicate key 'summary'" in errors


def test_dry_run_saves_nothing(db, data_dir):
    output = load(data_dir, "--dry-run")

    assert "Dry run, nothing saved. Would have: 2 created" in output
    assert Service.objects.count() == 0


def test_admin_edit_survives_reload_until_file_changes(db, data_dir):
    load(data_dir)
    service = Service.objects.get(slug="example-chat")
    service.summary = "Edited by staff."
    service.save()

    load(data_dir)
    assert Service.objects.get(slug="example-chat").summary == "Edited by staff."

    write_document(data_dir, make_document(summary="Reviewed file summary."))
    load(data_dir)
    assert Service.objects.get(slug="example-chat").summary == "Reviewed file summary."


def test_imported_cookie_survives_reload(db, data_dir):
    load(data_dir)
    service = Service.objects.get(slug="example-chat")
    ServiceCookie.objects.create(
        service=service,
        name="imported_cookie",
        categories=["analytics"],
        duration_text="1 day",
        duration_seconds=86400,
        purpose="Imported.",
        source=choices.CookieSource.OPEN_COOKIE_DATABASE,
    )
    document = make_document()
    document["cookies"][0]["purpose"] = "Recognises a returning visitor."
    write_document(data_dir, document)

    load(data_dir)

    names = set(service.cookies.values_list("name", flat=True))
    assert names == {"example_chat_id", "example_chat_sess_", "imported_cookie"}


def test_history_records_the_load(db, data_dir):
    load(data_dir)

    record = Service.history.filter(slug="example-chat").first()

    assert record.history_type == "+"
    assert record.history_change_reason == "Loaded from example-chat.yaml"
