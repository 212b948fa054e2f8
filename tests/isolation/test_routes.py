"""Tenant isolation, proved route by route from the URL configuration.

Every URL name must be classified in a tests/isolation/routes_<app>.py (see README.md in this folder). Each
tenant route is then requested with organisation A's objects by every member of organisation B and by an
anonymous visitor.
"""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from organisations.roles import Role
from organisations.tenancy import organisation_owned_models

from .checks import member_control_failure, tenant_route_failures
from .discovery import classify_routes, discover_url_routes
from .registry import ACCOUNT, PUBLIC, Route

URL_ROUTES = discover_url_routes()
CLASSIFIED, UNCLASSIFIED, STALE = classify_routes()
TENANT_ROUTES = sorted(name for name, classification in CLASSIFIED.items() if isinstance(classification, Route))
# Public and account pages whose URL takes no argument can be fetched blindly to look for leaked tenant data.
PLAIN_PAGES = sorted(
    name
    for name, classification in CLASSIFIED.items()
    if classification in (PUBLIC, ACCOUNT)
    and not name.startswith("<unnamed")
    and all("<" not in route.pattern and "(?P" not in route.pattern for route in URL_ROUTES[name])
)


def test_every_route_is_classified():
    assert not UNCLASSIFIED, (
        "These URL names are not classified for the tenant-isolation test: "
        + ", ".join(UNCLASSIFIED)
        + ". Add each to ROUTES in tests/isolation/routes_<app>.py as Route(kwargs=lambda world: {...}) "
        "when it shows or changes an organisation's data, or as PUBLIC, ACCOUNT or STAFF "
        "(see tests/isolation/README.md)."
    )


def test_every_classification_names_a_route():
    assert not STALE, (
        "tests/isolation/routes_*.py classify URL names that no longer exist: "
        + ", ".join(STALE)
        + ". Remove or rename them."
    )


def test_tenant_routes_exist():
    assert "organisation_dashboard" in TENANT_ROUTES


def test_world_has_every_owned_model(world):
    organisation = world["organisation"]

    missing = [
        model._meta.label
        for model in organisation_owned_models()
        if not model._base_manager.filter(organisation=organisation).exists()
    ]

    assert not missing, (
        f"Organisation A owns no row of {', '.join(missing)}. Create one in the populate() of "
        "tests/isolation/world_<app>.py, so the isolation test can prove those rows stay unchanged."
    )


@pytest.mark.parametrize("name", TENANT_ROUTES)
def test_tenant_route_is_isolated(name, world):
    route = CLASSIFIED[name]
    patterns = URL_ROUTES[name]
    try:
        kwargs = dict(route.kwargs(world))
    except KeyError as error:
        pytest.fail(f"The kwargs of {name!r} use world[{error}], which no tests/isolation/world_<app>.py sets.")
    if any(pattern.has_org_slug for pattern in patterns):
        kwargs.setdefault("org_slug", world["organisation"].slug)
    url = reverse(name, kwargs=kwargs)
    is_api = any(pattern.is_api for pattern in patterns)

    failures = tenant_route_failures(world, url, methods=route.methods, is_api=is_api)
    control = member_control_failure(world, url, methods=route.methods, is_api=is_api)

    assert not failures, "\n".join(failures)
    assert control is None, control


@pytest.mark.parametrize("name", PLAIN_PAGES)
def test_plain_page_shows_no_tenant_data(name, world):
    url = reverse(name)
    sentinel = world.sentinel.lower()
    outsider = Client()
    outsider.force_login(world["outsiders"][Role.OWNER])

    for client in (outsider, Client()):
        response = client.get(url)

        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
        assert sentinel not in response.content.decode("utf-8", errors="replace").lower()
