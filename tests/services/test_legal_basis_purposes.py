"""Legal bases tagged with the standard purposes of processing activities: schema, loader, API, admin and page."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from records.purposes import PURPOSES
from services.actions import SERVICE_PREFETCH
from services.catalogue.document import document_hash, normalise_document, service_content_hash
from services.catalogue.validation import catalogue_schema
from services.models import LegalBasis, Service
from tests.factories import UserFactory
from tests.services.documents import make_document, write_document
from tests.services.factories import ServiceFactory

LIST_URL = "/api/v1/catalogue/services/"


def tagged_document(**overrides):
    document = make_document(categories=["chat", "crm"], **overrides)
    document["legal_bases"] = [
        {"basis": "contract", "covers": "Answering enquiries.", "purposes": ["customer-support"]},
        {"basis": "legitimate-interests", "covers": "Follow-up of prospects.", "purposes": ["customer-management"]},
        {"basis": "consent", "covers": "Widget cookies."},
    ]
    return document


def load(directory):
    call_command("load_catalogue", "--path", str(directory), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_schema_enum_equals_purpose_keys():
    items = catalogue_schema()["properties"]["legal_bases"]["items"]["properties"]["purposes"]["items"]

    assert items["enum"] == list(PURPOSES)


def test_loader_stores_purposes(db, tmp_path):
    write_document(tmp_path, tagged_document())

    load(tmp_path)

    rows = list(Service.objects.get(slug="example-chat").legal_bases.all())
    assert [row.purposes for row in rows] == [["customer-support"], ["customer-management"], []]


def test_loader_rejects_unknown_purpose(db, tmp_path):
    document = tagged_document()
    document["legal_bases"][1]["purposes"] = ["customer-management", "newsletters"]
    write_document(tmp_path, document)
    stderr = StringIO()

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_catalogue", "--path", str(tmp_path), stdout=StringIO(), stderr=stderr)

    assert "example-chat.yaml at /legal_bases/1/purposes/1" in stderr.getvalue()
    assert "'newsletters' is not an allowed value; use one of: audience-measurement" in stderr.getvalue()
    assert not Service.objects.exists()


def test_loader_rejects_empty_purposes(db, tmp_path):
    document = tagged_document()
    document["legal_bases"][0]["purposes"] = []
    write_document(tmp_path, document)
    stderr = StringIO()

    with pytest.raises(CommandError):
        call_command("load_catalogue", "--path", str(tmp_path), stdout=StringIO(), stderr=stderr)

    assert "example-chat.yaml at /legal_bases/0/purposes" in stderr.getvalue()


def test_untagged_fingerprints_unchanged():
    document = normalise_document(make_document())
    without_key = {
        **document,
        "legal_bases": [{"basis": row["basis"], "covers": row["covers"]} for row in document["legal_bases"]],
    }

    assert all(row["purposes"] == [] for row in document["legal_bases"])
    assert document_hash(document) == document_hash(without_key)


def test_tags_change_content_hash(db, tmp_path):
    write_document(tmp_path, make_document())
    load(tmp_path)
    service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(slug="example-chat")
    stored = service.content_hash

    LegalBasis.objects.filter(service=service, position=0).update(purposes=["customer-support"])
    service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(slug="example-chat")

    assert service_content_hash(service) != stored


def test_tagging_a_row_raises_version(db, tmp_path):
    write_document(tmp_path, make_document())
    load(tmp_path)
    document = make_document()
    document["legal_bases"][0]["purposes"] = ["customer-support"]
    write_document(tmp_path, document)

    load(tmp_path)

    service = Service.objects.get(slug="example-chat")
    assert service.version == 2
    assert service.legal_bases.first().purposes == ["customer-support"]


def test_reload_of_tagged_file_is_unchanged(db, tmp_path):
    write_document(tmp_path, tagged_document())
    load(tmp_path)
    stdout = StringIO()

    call_command("load_catalogue", "--path", str(tmp_path), "--force", stdout=stdout, stderr=StringIO())

    assert "0 created, 0 updated, 1 unchanged" in stdout.getvalue()
    assert Service.objects.get(slug="example-chat").version == 1


def test_api_round_trips_purposes(client, staff):
    client.force_login(staff)
    document = tagged_document()

    created = client.post(LIST_URL, document, content_type="application/json")
    body = client.get(LIST_URL + "example-chat/").json()

    assert created.status_code == HTTPStatus.CREATED
    assert [row["purposes"] for row in body["legal_bases"]] == [["customer-support"], ["customer-management"], []]


def test_api_rejects_unknown_purpose(client, staff):
    client.force_login(staff)
    document = tagged_document()
    document["legal_bases"][0]["purposes"] = ["support"]

    response = client.post(LIST_URL, document, content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [error["pointer"] for error in response.json()["errors"]] == ["/legal_bases/0/purposes/0"]
    assert not Service.objects.exists()


def test_admin_inline_edits_purposes(client, staff):
    service = ServiceFactory(slug="example-chat", categories=["chat", "crm"])
    LegalBasis.objects.create(service=service, basis="contract", covers="Answering enquiries.")
    client.force_login(staff)

    response = client.get(reverse("admin:services_service_change", args=[service.pk]))

    assert response.status_code == HTTPStatus.OK
    assert 'name="legal_bases-0-purposes"' in response.text
    assert 'value="customer-support"' in response.text


def test_service_page_shows_purposes(client, db):
    service = ServiceFactory(slug="example-chat", categories=["chat", "crm"])
    LegalBasis.objects.create(
        service=service, basis="contract", covers="Answering enquiries.", purposes=["customer-support"], position=0
    )
    LegalBasis.objects.create(service=service, basis="consent", covers="Widget cookies.", position=1)

    response = client.get(service.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Customer support and contact handling" in response.text
    assert "Every purpose of this service" in response.text
