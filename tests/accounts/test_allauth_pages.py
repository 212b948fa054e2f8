"""allauth pages in the site layout: sign-up with e-mail confirmation, sign-in, password reset, two-factor."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

NEW_PASSWORD = "a-long-and-unusual-passphrase-19"


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_entrance_pages_use_site_layout(client, db, url_name):
    response = client.get(reverse(url_name))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'class="navbar' in body
    assert 'class="form-control' in body
    assert 'class="btn btn-primary' in body


def test_signup_requires_email_confirmation(client, db, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.test", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.person@example.test")
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("organisation_create")).status_code == HTTPStatus.FOUND

    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mailoutbox[0].body).group(1)
    client.post(link)

    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("organisation_create")).status_code == HTTPStatus.OK


def test_signup_errors_shown_on_fields(client, db):
    response = client.post(reverse("account_signup"), {"email": "not-an-address", "password1": "a", "password2": "b"})

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "is-invalid" in body
    assert "invalid-feedback" in body
    assert not User.objects.filter(email="not-an-address").exists()


def test_unverified_user_cannot_sign_in(client, db, mailoutbox):
    user = UserFactory(email="pending@example.test")
    EmailAddress.objects.filter(user=user).update(verified=False)

    response = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_sign_in_goes_to_organisation_create(client, db):
    user = UserFactory()

    response = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("organisation_create")


def test_password_reset_sends_email(client, db, mailoutbox):
    user = UserFactory()

    response = client.post(reverse("account_reset_password"), {"email": user.email})

    assert response.status_code == HTTPStatus.FOUND
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_totp_activation_page_reachable(client, db):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})

    index = client.get(reverse("mfa_index"))
    # allauth requires the password again before two-factor settings change, even right after signing in.
    first = client.get(reverse("mfa_activate_totp"))
    reauthenticated = client.post(first.url, {"password": TEST_PASSWORD})
    activate = client.get(reauthenticated.url)

    assert index.status_code == HTTPStatus.OK
    assert first.url.startswith(reverse("account_reauthenticate"))
    assert reauthenticated.url == reverse("mfa_activate_totp")
    assert activate.status_code == HTTPStatus.OK
    body = activate.content.decode()
    assert "data:image/svg+xml" in body
    assert 'class="form-control' in body
    assert reverse("account_api_token") in body
