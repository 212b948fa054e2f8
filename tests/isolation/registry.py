"""Classification of every URL route for the tenant-isolation test.

Each app lists its URL names in tests/isolation/routes_<app>.py as
`ROUTES = {"<namespace:url_name>": Route(...) | PUBLIC | ACCOUNT | STAFF}`. A `Route` is a page or API
endpoint that shows or changes one organisation's data: the isolation test requests it with organisation A's
objects as every member of organisation B and as an anonymous visitor. The markers name routes without tenant
data in them.
"""

from dataclasses import dataclass, field

ALL_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def no_kwargs(world):
    return {}


@dataclass(frozen=True)
class Route:
    """A tenant route. `kwargs(world)` returns its URL kwargs except `org_slug`, which the walker fills."""

    kwargs: object = no_kwargs
    methods: tuple = ALL_METHODS


@dataclass(frozen=True)
class Marker:
    """A route that carries no tenant data in its URL, with the reason it is safe to leave out."""

    name: str
    description: str = field(compare=False)

    def __repr__(self):
        return self.name


PUBLIC = Marker("PUBLIC", "open to anyone and shows no tenant data (catalogue pages, sign-in, sign-up)")
ACCOUNT = Marker("ACCOUNT", "the signed-in user's own pages, with no organisation or tenant row in the URL")
STAFF = Marker("STAFF", "Django admin, reachable by staff only")

# Routes of third-party packages and of the project's own API documentation, classified by the module of their
# view or by their name, so that routes_<app>.py files list only the project's own routes.
DEFAULT_MODULE_PREFIXES = {
    "allauth.": ACCOUNT,
    "django.contrib.admin.": STAFF,
    "django.views.static": PUBLIC,
    "django.contrib.staticfiles.": PUBLIC,
    "drf_spectacular.": PUBLIC,
}
DEFAULT_NAME_PREFIXES = {
    "admin:": STAFF,
}
# Django admin also has unnamed redirect patterns, found by the URL prefix it is mounted on.
DEFAULT_PATTERN_PREFIXES = {
    "admin/": STAFF,
}


def default_classification(name, pattern, view_module):
    """Return the marker that applies to a route of a third-party package, or None."""
    for prefix, marker in DEFAULT_NAME_PREFIXES.items():
        if name.startswith(prefix):
            return marker
    for prefix, marker in DEFAULT_PATTERN_PREFIXES.items():
        if pattern.startswith(prefix):
            return marker
    for prefix, marker in DEFAULT_MODULE_PREFIXES.items():
        if view_module.startswith(prefix):
            return marker
    return None
