from http import HTTPStatus

import pytest
from django.urls import reverse

from services.models import EuAlternative, LegalBasis, ServiceAlias, ServiceCookie, ServiceDomain
from tests.factories import UserFactory
from tests.services.factories import ServiceFactory


def add_sections(service, number=0):
    ServiceAlias.objects.create(service=service, name=f"{service.name} alias")
    ServiceDomain.objects.create(service=service, domain=f"{service.slug}.example")
    ServiceCookie.objects.create(
        service=service,
        name=f"{service.slug}_id",
        categories=["analytics"],
        duration_seconds=86400,
        duration_text="1 day",
        purpose="Identifies the visitor.",
    )
    LegalBasis.objects.create(service=service, basis="consent", covers="Analytics cookies.")
    service.checklist_items.create(title="Sign the DPA")
    service.dpia_considerations.create(title="Profiling", detail="Builds profiles.", kind="threat")
    service.faq_entries.create(question="Is it in the EU?", answer="Partly.")
    service.vendor_roles.create(role="processor", scope="Analytics.")
    service.subprocessors.create(name="Cloud Host", purpose="Hosting", country="US")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


def test_list_shows_published_services(client, db):
    ServiceFactory(slug="visible-one", name="Visible One")
    ServiceFactory(slug="hidden-draft", name="Hidden Draft", status="draft")

    response = client.get(reverse("services:service_list"))

    assert response.status_code == HTTPStatus.OK
    assert "Visible One" in response.text
    assert "Hidden Draft" not in response.text


def test_list_shows_drafts_to_staff(client, staff):
    ServiceFactory(slug="hidden-draft", name="Hidden Draft", status="draft")
    client.force_login(staff)

    response = client.get(reverse("services:service_list"))

    assert "Hidden Draft" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=alpha", ["Alpha Chat"]),
        ("q=alpha-chat.example", ["Alpha Chat"]),
        ("q=https://cdn.alpha-chat.example/x.js", ["Alpha Chat"]),
        ("q=beta-maps_id", ["Beta Maps"]),
        ("q=Beta+Maps+alias", ["Beta Maps"]),
        ("risk=high", ["Beta Maps"]),
        ("category=maps", ["Beta Maps"]),
        ("category=marketing", []),
        ("consent=analytics&risk=medium", ["Alpha Chat"]),
    ],
)
def test_list_search_and_filters(client, db, query, expected):
    alpha = ServiceFactory(slug="alpha-chat", name="Alpha Chat", categories=["chat", "email-marketing"])
    beta = ServiceFactory(slug="beta-maps", name="Beta Maps", categories=["maps"], risk_level="high")
    add_sections(alpha)
    add_sections(beta)

    response = client.get(reverse("services:service_list") + "?" + query)

    names = [service.name for service in response.context["services"]]
    assert names == expected


def test_list_empty_state_with_filters(client, db):
    ServiceFactory(slug="alpha-chat")

    response = client.get(reverse("services:service_list") + "?q=nothing-like-this")

    assert "No service matches these filters." in response.text


def test_list_empty_catalogue(client, db):
    response = client.get(reverse("services:service_list"))

    assert "The catalogue is empty." in response.text


def test_list_paginates(client, db):
    for number in range(30):
        ServiceFactory(slug=f"service-{number:02d}")

    first = client.get(reverse("services:service_list"))
    second = client.get(reverse("services:service_list") + "?page=2")

    assert len(first.context["services"]) == 24
    assert len(second.context["services"]) == 6
    assert "Page 1 of 2" in first.text


def test_list_invalid_filter_value_is_ignored(client, db):
    ServiceFactory(slug="alpha-chat", name="Alpha Chat")

    response = client.get(reverse("services:service_list") + "?risk=extreme")

    assert response.status_code == HTTPStatus.OK


def test_list_query_count_is_constant(client, db, django_assert_max_num_queries):
    for number in range(30):
        add_sections(ServiceFactory(slug=f"service-{number:02d}"))

    with django_assert_max_num_queries(6):
        client.get(reverse("services:service_list"))


def test_detail_shows_every_section(client, db):
    service = ServiceFactory(slug="alpha-chat", name="Alpha Chat")
    add_sections(service)
    related = ServiceFactory(slug="beta-maps", name="Beta Maps")
    service.related_services.add(related)
    EuAlternative.objects.create(service=service, alternative_service=related, name="Beta Maps", country="FR")
    EuAlternative.objects.create(service=service, name="Gamma EU", country="DE", url="https://gamma.example")

    response = client.get(service.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    for text in [
        "alpha-chat_id",
        "1 day",
        "alpha-chat.example",
        "Consent (Art. 6(1)(a))",
        "Analytics cookies.",
        "Sign the DPA",
        "Profiling",
        "Is it in the EU?",
        "Cloud Host",
        "Processor",
        "Gamma EU",
        "Alpha Chat alias",
        "{organisation} uses this service.",
    ]:
        assert text in response.text, text
    assert f'href="{related.get_absolute_url()}"' in response.text


def test_detail_escapes_names(client, db):
    service = ServiceFactory(slug="model-viewer", name="<model-viewer>")
    ServiceCookie.objects.create(
        service=service, name="<script>x</script>", categories=["functional"], duration_text="1 day", purpose="<b>"
    )

    detail = client.get(service.get_absolute_url())
    listing = client.get(reverse("services:service_list"))

    for response in (detail, listing):
        assert "&lt;model-viewer&gt;" in response.text
        assert "<model-viewer>" not in response.text
    assert "<script>x</script>" not in detail.text


def test_draft_detail_is_404_for_public(client, db):
    draft = ServiceFactory(slug="secret-draft", status="draft")

    response = client.get(draft.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_draft_detail_is_visible_to_staff(client, staff):
    draft = ServiceFactory(slug="secret-draft", status="draft")
    client.force_login(staff)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Draft, visible to staff only" in response.text


def test_related_draft_is_not_linked_for_public(client, db):
    service = ServiceFactory(slug="alpha-chat")
    draft = ServiceFactory(slug="secret-draft", name="Secret Draft", status="draft")
    service.related_services.add(draft)

    response = client.get(service.get_absolute_url())

    assert "Secret Draft" not in response.text


def test_detail_query_count_is_constant(client, db, django_assert_max_num_queries):
    service = ServiceFactory(slug="alpha-chat")
    add_sections(service)
    for number in range(20):
        other = ServiceFactory(slug=f"other-{number}")
        service.related_services.add(other)
        EuAlternative.objects.create(service=service, alternative_service=other, name=other.name, country="FR")
        ServiceCookie.objects.create(
            service=service, name=f"cookie_{number}", categories=["analytics"], duration_text="1 day", purpose="x"
        )

    with django_assert_max_num_queries(14):
        client.get(service.get_absolute_url())
