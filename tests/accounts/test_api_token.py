"""The API token page on the account menu."""

from http import HTTPStatus

from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory

TOKEN_URL = reverse("account_api_token")


def test_page_requires_sign_in(client, db):
    response = client.get(TOKEN_URL)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_create_shows_key_once(client, db):
    user = UserFactory()
    client.force_login(user)

    created = client.post(TOKEN_URL, {"action": "create"})
    later = client.get(TOKEN_URL)

    token = Token.objects.get(user=user)
    assert token.key in created.content.decode()
    assert token.key not in later.content.decode()
    assert "You have a token" in later.content.decode()


def test_replace_invalidates_previous(client, db):
    user = UserFactory()
    client.force_login(user)
    client.post(TOKEN_URL, {"action": "create"})
    first_key = Token.objects.get(user=user).key

    client.post(TOKEN_URL, {"action": "create"})

    assert Token.objects.filter(user=user).count() == 1
    assert Token.objects.get(user=user).key != first_key


def test_revoke(client, db):
    user = UserFactory()
    other = UserFactory()
    Token.objects.create(user=other)
    client.force_login(user)
    client.post(TOKEN_URL, {"action": "create"})

    response = client.post(TOKEN_URL, {"action": "revoke"})

    assert response.status_code == HTTPStatus.FOUND
    assert not Token.objects.filter(user=user).exists()
    assert Token.objects.filter(user=other).exists()
