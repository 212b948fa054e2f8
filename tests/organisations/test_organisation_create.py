"""Creating an organisation from the page."""

from http import HTTPStatus

from django.urls import reverse

from organisations.models import Membership, Organisation
from organisations.roles import Role
from tests.factories import UserFactory

CREATE_URL = reverse("organisation_create")


def test_creator_becomes_owner(client, db):
    user = UserFactory()
    client.force_login(user)

    response = client.post(CREATE_URL, {"name": "Northwind Clinic", "legal_name": "", "country": "BE"})

    organisation = Organisation.objects.get(name="Northwind Clinic")
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("organisation_dashboard", kwargs={"org_slug": "northwind-clinic"})
    assert Membership.objects.get(organisation=organisation, user=user).role == Role.OWNER


def test_derived_slug_made_unique(client, organisation):
    user = UserFactory()
    client.force_login(user)

    client.post(CREATE_URL, {"name": "Acme"})

    assert Organisation.objects.filter(slug="acme-2").exists()


def test_taken_slug_shows_field_error(client, organisation):
    user = UserFactory()
    client.force_login(user)

    response = client.post(CREATE_URL, {"name": "Another Acme", "slug": "acme"})

    assert response.status_code == HTTPStatus.OK
    assert "is-invalid" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_new_organisation_in_switcher(client, organisation, owner):
    client.force_login(owner)
    client.post(CREATE_URL, {"name": "Second Office"})

    response = client.get(reverse("organisation_dashboard", kwargs={"org_slug": "acme"}), follow=True)

    body = response.content.decode()
    assert reverse("organisation_dashboard", kwargs={"org_slug": "second-office"}) in body
    assert "Acme Analytics" in body


def test_other_users_organisations_not_in_switcher(client, organisation, owner, other_organisation):
    client.force_login(owner)

    response = client.get(reverse("organisation_dashboard", kwargs={"org_slug": "acme"}), follow=True)

    assert "Globex Retail" not in response.content.decode()
