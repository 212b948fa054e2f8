"""The account pages of a signed-in user render in the site layout, the settings pages with the account menu."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def signed_in(client, db):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    return user


@pytest.mark.parametrize(
    "url_name",
    ["account_email", "account_change_password", "mfa_index", "mfa_activate_totp", "account_api_token"],
)
def test_manage_page_has_account_menu(client, signed_in, url_name):
    response = client.get(reverse(url_name))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'class="navbar' in body
    assert 'class="list-group"' in body
    assert reverse("account_api_token") in body


@pytest.mark.parametrize("url_name", ["account_logout", "account_reauthenticate"])
def test_other_pages_render(client, signed_in, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == HTTPStatus.OK
    assert 'class="btn btn-' in response.content.decode()
