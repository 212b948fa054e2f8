"""allauth pages in the site layout: sign-up with e-mail confirmation, sign-in, password reset, two-factor."""

import base64
import hashlib
import hmac
import re
import struct
import time
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
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


def _totp_code(secret):
    """Return the current RFC 6238 code for a base32 `secret` (SHA-1, 6 digits, 30-second steps, allauth's defaults)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int(time.time()) // 30
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _wait_for_fresh_totp_step(margin=5):
    """Sleep into the next 30-second step when fewer than `margin` seconds are left in the current one.

    A code computed at the end of its step may be checked in the next one, where it is no longer valid.
    """
    seconds_left = 30 - time.time() % 30
    if seconds_left < margin:
        time.sleep(seconds_left)


def _activate_totp(client, user):
    """Sign `user` in, activate an authenticator app through the pages and return its secret."""
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page, re.S).group(1)

    _wait_for_fresh_totp_step()
    activated = client.post(reverse("mfa_activate_totp"), {"code": _totp_code(secret)})
    assert activated.status_code == HTTPStatus.FOUND
    return secret


def test_totp_activation_then_sign_in_requires_code(client, db):
    user = UserFactory()
    secret = _activate_totp(client, user)

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    client.post(reverse("account_logout"))
    signed_in = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    wrong = "000000" if _totp_code(secret) != "000000" else "111111"
    wrong_code = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert signed_in.url == reverse("mfa_authenticate")
    assert wrong_code.status_code == HTTPStatus.OK
    assert "is-invalid" in wrong_code.content.decode()
    assert "_auth_user_id" not in client.session


def test_totp_sign_in_with_correct_code(client, db):
    user = UserFactory()
    secret = _activate_totp(client, user)
    client.post(reverse("account_logout"))

    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    _wait_for_fresh_totp_step()
    code = _totp_code(secret)
    accepted = client.post(reverse("mfa_authenticate"), {"code": code})

    assert accepted.status_code == HTTPStatus.FOUND
    assert accepted.url != reverse("mfa_authenticate")
    assert client.session["_auth_user_id"] == str(user.pk)

    # The same code cannot sign in a second time within its validity window.
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    replayed = client.post(reverse("mfa_authenticate"), {"code": code})

    assert replayed.status_code == HTTPStatus.OK
    assert "is-invalid" in replayed.content.decode()
    assert "_auth_user_id" not in client.session


def test_recovery_code_signs_in_once(client, db):
    user = UserFactory()
    _activate_totp(client, user)
    # Activating an authenticator app generates recovery codes, listed on their page after re-authentication.
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    codes_page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    codes = re.findall(r"\b[a-z0-9]{8}\b", codes_page)
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    unused = recovery.wrap().get_unused_codes()
    code = next(candidate for candidate in codes if candidate in unused)
    client.post(reverse("account_logout"))

    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    accepted = client.post(reverse("mfa_authenticate"), {"code": code})

    assert accepted.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(user.pk)

    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    reused = client.post(reverse("mfa_authenticate"), {"code": code})

    assert reused.status_code == HTTPStatus.OK
    assert "is-invalid" in reused.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_sign_ins_are_rate_limited(client, db):
    user = UserFactory()
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "not-the-password"})

    blocked = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})

    assert blocked.status_code in (HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS)
    assert "_auth_user_id" not in client.session
