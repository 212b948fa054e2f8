"""Security headers on pages, API responses and error responses, with the production settings."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.production_settings import load_settings

SECURITY_SETTINGS = (
    "DEBUG",
    "ALLOWED_HOSTS",
    "CONTENT_SECURITY_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


@pytest.fixture
def production_security(settings):
    production = load_settings()
    for name in SECURITY_SETTINGS:
        setattr(settings, name, production[name])
    return production


def fetch(client, path):
    return client.get(path, secure=True, headers={"host": "dpo.example.com"})


@pytest.mark.parametrize(
    ("label", "path", "status"),
    [
        ("html page", "home", HTTPStatus.OK),
        ("api response", "api_schema", HTTPStatus.OK),
        ("not found", "/no-such-page/", HTTPStatus.NOT_FOUND),
        ("api not found", "/api/v1/no-such-endpoint/", HTTPStatus.NOT_FOUND),
    ],
)
def test_security_headers_present(client, db, production_security, label, path, status):
    url = path if path.startswith("/") else reverse(path)

    response = fetch(client, url)

    assert response.status_code == status, label
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_redirects_to_https(client, db, production_security):
    response = client.get(reverse("home"), headers={"host": "dpo.example.com"})

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response.headers["Location"] == "https://dpo.example.com/"
