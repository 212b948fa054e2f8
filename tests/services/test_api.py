from http import HTTPStatus

import pytest
from django.urls import reverse

from services.models import Service, ServiceCookie, ServiceDomain
from tests.factories import UserFactory
from tests.services.documents import make_document
from tests.services.factories import ServiceFactory

LIST_URL = "/api/v1/catalogue/services/"
MATCH_URL = "/api/v1/catalogue/match/"


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def signed_in(db):
    return UserFactory()


def test_urls_are_named():
    assert reverse("services_api:service-list") == LIST_URL
    assert reverse("services_api:match") == MATCH_URL


def test_anonymous_can_list_published(client, db):
    ServiceFactory(slug="visible-one")
    ServiceFactory(slug="hidden-draft", status="draft")

    response = client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    assert [item["slug"] for item in response.json()["results"]] == ["visible-one"]


def test_staff_see_drafts(client, staff):
    ServiceFactory(slug="hidden-draft", status="draft")
    client.force_login(staff)

    response = client.get(LIST_URL + "?status=draft")

    assert [item["slug"] for item in response.json()["results"]] == ["hidden-draft"]


def test_draft_detail_is_404_for_others(client, signed_in):
    ServiceFactory(slug="hidden-draft", status="draft")
    client.force_login(signed_in)

    response = client.get(LIST_URL + "hidden-draft/")

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("search=pcid", ["genesys-cloud"]),
        ("search=cdn.mypurecloud.com", ["genesys-cloud"]),
        ("category=contact-centre", ["genesys-cloud"]),
        ("risk_level=low", ["web-counter"]),
        ("transfers_outside_eea=true", ["genesys-cloud"]),
        ("reviewed_before=2026-01-01", ["web-counter"]),
    ],
)
def test_list_filters(client, db, query, expected):
    genesys = ServiceFactory(
        slug="genesys-cloud", categories=["contact-centre"], risk_level="high", transfers_outside_eea=True
    )
    ServiceDomain.objects.create(service=genesys, domain="mypurecloud.com")
    ServiceCookie.objects.create(
        service=genesys, name="PCID", categories=["marketing"], duration_text="1 year", purpose="x"
    )
    ServiceFactory(slug="web-counter", risk_level="low", last_reviewed="2025-06-01")

    response = client.get(f"{LIST_URL}?{query}")

    assert [item["slug"] for item in response.json()["results"]] == expected


def test_create_and_read_every_section(client, staff):
    client.force_login(staff)
    document = make_document()

    created = client.post(LIST_URL, document, content_type="application/json")
    detail = client.get(LIST_URL + "example-chat/")

    assert created.status_code == HTTPStatus.CREATED
    body = detail.json()
    assert body["version"] == 1
    assert body["url"] == "/services/example-chat/"
    assert body["cookies"][1]["duration"] == {"session": True, "seconds": None, "text": "Session"}
    assert body["legal_bases"] == [{**item, "purposes": []} for item in document["legal_bases"]]
    assert body["dpia"]["screening"]["special_category_data"] is True
    assert body["vendor"]["country"] == "DE"


def test_update_raises_version(client, staff):
    client.force_login(staff)
    client.post(LIST_URL, make_document(), content_type="application/json")

    response = client.put(
        LIST_URL + "example-chat/", make_document(summary="Changed."), content_type="application/json"
    )

    assert response.status_code == HTTPStatus.OK
    assert response.json()["version"] == 2
    assert response.json()["summary"] == "Changed."


def test_invalid_write_lists_pointers_and_saves_nothing(client, staff):
    client.force_login(staff)
    document = make_document()
    document["cookies"][0]["match"] = "substring"

    response = client.post(LIST_URL, document, content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    pointers = [error["pointer"] for error in response.json()["errors"]]
    assert pointers == ["/cookies/0/match"]
    assert not Service.objects.exists()


def test_put_with_other_slug_is_rejected(client, staff):
    client.force_login(staff)
    client.post(LIST_URL, make_document(), content_type="application/json")

    response = client.put(LIST_URL + "example-chat/", make_document("renamed"), content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"][0]["pointer"] == "/slug"


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_non_staff_cannot_write(client, signed_in, method):
    ServiceFactory(slug="example-chat")
    client.force_login(signed_in)
    url = LIST_URL if method == "post" else LIST_URL + "example-chat/"

    response = getattr(client, method)(url, make_document(), content_type="application/json")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Service.objects.get(slug="example-chat").summary == "Web analytics."


def test_staff_can_delete(client, staff):
    ServiceFactory(slug="example-chat")
    client.force_login(staff)

    response = client.delete(LIST_URL + "example-chat/")

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert not Service.objects.exists()


def test_match_requires_sign_in(client, db):
    response = client.post(
        MATCH_URL, {"items": [{"kind": "host", "value": "x.example"}]}, content_type="application/json"
    )

    assert response.status_code in {HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN}


def test_match_returns_evidence(client, signed_in):
    genesys = ServiceFactory(slug="genesys-cloud", name="Genesys Cloud")
    ServiceDomain.objects.create(service=genesys, domain="mypurecloud.com")
    ServiceCookie.objects.create(
        service=genesys, name="PCID", categories=["functional", "marketing"], duration_text="1 year", purpose="x"
    )
    client.force_login(signed_in)

    response = client.post(
        MATCH_URL,
        {
            "site": "shop.example.com",
            "items": [
                {"kind": "url", "value": "https://apps.mypurecloud.com/widget.js"},
                {"kind": "host", "value": "notmypurecloud.com"},
                {"kind": "cookie", "value": "PCID", "domain": "shop.example.com"},
            ],
        },
        content_type="application/json",
    )

    assert response.status_code == HTTPStatus.OK
    url_result, lookalike, cookie = response.json()["results"]
    assert url_result["matches"][0]["service"] == "genesys-cloud"
    assert url_result["matches"][0]["evidence"][0]["pattern"] == "mypurecloud.com"
    assert lookalike["status"] == "unknown"
    assert cookie["matches"][0]["confidence"] == "high"
    assert cookie["matches"][0]["cookie_categories"] == ["functional", "marketing"]


def test_match_validates_input(client, signed_in):
    client.force_login(signed_in)

    response = client.post(MATCH_URL, {"items": [{"kind": "email", "value": "x"}]}, content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "kind" in str(response.json()["items"])


def test_match_rejects_too_many_items(client, signed_in):
    client.force_login(signed_in)
    items = [{"kind": "host", "value": f"h{number}.example"} for number in range(1001)]

    response = client.post(MATCH_URL, {"items": items}, content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_catalogue_endpoints_are_in_openapi_schema(client, db):
    response = client.get("/api/v1/schema/?format=json")

    paths = response.json()["paths"]
    assert "/api/v1/catalogue/services/" in paths
    assert "/api/v1/catalogue/services/{slug}/" in paths
    assert "/api/v1/catalogue/match/" in paths
