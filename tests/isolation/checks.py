"""Request one tenant route as outsiders and report every way it leaks or changes organisation A's data."""

import json
from http import HTTPStatus
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client

from organisations.roles import Role

from .world import owned_rows_snapshot

ANONYMOUS_API_STATUSES = (HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN)


def _send(client, method, url, is_api):
    if is_api:
        return client.generic(method, url, data=json.dumps({}), content_type="application/json")
    if method == "POST":
        return client.post(url, data={})
    return client.generic(method, url)


def _body(response):
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", errors="replace").lower()


def _anonymous_failure(response, is_api):
    if is_api:
        if response.status_code in ANONYMOUS_API_STATUSES:
            return None
        return f"answered {response.status_code}, expected 401 or 403"
    login_path = resolve_url(settings.LOGIN_URL)
    location = response.headers.get("Location", "")
    if response.status_code == HTTPStatus.FOUND and urlsplit(location).path == login_path:
        return None
    return f"answered {response.status_code} (Location {location!r}), expected a redirect to {login_path}"


def tenant_route_failures(world, url, *, methods, is_api):
    """Return a list of failures: each outsider and method that did not get 404 or saw A's data.

    Members of organisation B of every role must get 404 and an anonymous visitor the login redirect (pages)
    or 401/403 (API). No body may contain A's sentinel, and A's stored rows must stay unchanged.
    """
    organisation = world["organisation"]
    members = list(world["members"].values())
    sentinel = world.sentinel.lower()
    before = owned_rows_snapshot(organisation, users=members)
    failures = []

    visitors = [(f"B {role}", user) for role, user in world["outsiders"].items()] + [("anonymous", None)]
    for label, user in visitors:
        client = Client()
        if user is not None:
            client.force_login(user)
        for method in methods:
            response = _send(client, method, url, is_api)
            where = f"{method} {url} as {label}"
            if user is None:
                problem = _anonymous_failure(response, is_api)
                if problem:
                    failures.append(f"{where} {problem}")
            elif response.status_code != HTTPStatus.NOT_FOUND:
                failures.append(f"{where} answered {response.status_code}, expected 404")
            if sentinel in _body(response):
                failures.append(f"{where} showed organisation A's data (sentinel {world.sentinel!r} in the body)")

    after = owned_rows_snapshot(organisation, users=members)
    for label in before:
        if before[label] != after[label]:
            failures.append(f"{url}: rows of {label} of organisation A changed")
    return failures


def member_control_failure(world, url, *, methods, is_api):
    """Return why A's owner cannot GET the route, or None.

    Without this control, URL kwargs that name the wrong object would make every outsider's 404 meaningless.
    A route that does not accept GET may return 405.
    """
    if "GET" not in methods:
        return None
    client = Client()
    client.force_login(world["members"][Role.OWNER])
    response = _send(client, "GET", url, is_api)
    if response.status_code == HTTPStatus.NOT_FOUND or response.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
        return (
            f"GET {url} as organisation A's owner answered {response.status_code}, so the outsiders' 404 proves "
            "nothing. Check the route's kwargs in routes_<app>.py and the objects of world_<app>.py."
        )
    return None
