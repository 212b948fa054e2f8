"""Find every URL route of the project and the classification that each app gives it."""

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

from django.urls import URLResolver, get_resolver

from .registry import Marker, Route, default_classification

ROUTES_MODULE_PREFIX = "routes_"


@dataclass(frozen=True)
class UrlRoute:
    """One URL pattern: its full name with namespaces, its full pattern and what serves it."""

    name: str
    pattern: str
    view_module: str
    is_api: bool

    @property
    def has_org_slug(self):
        return "org_slug" in self.pattern


def _view_class(callback):
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


def _is_api_view(view_class):
    from rest_framework.views import APIView

    return isinstance(view_class, type) and issubclass(view_class, APIView)


def _walk(patterns, prefix, namespaces):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = [*namespaces, entry.namespace] if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            continue
        full_pattern = prefix + str(entry.pattern)
        name = ":".join([*namespaces, entry.name]) if entry.name else f"<unnamed {full_pattern}>"
        view_class = _view_class(entry.callback)
        view_module = (view_class or entry.callback).__module__ or ""
        yield UrlRoute(name=name, pattern=full_pattern, view_module=view_module, is_api=_is_api_view(view_class))


def discover_url_routes():
    """Return {full URL name: [UrlRoute, ...]} for every pattern in the root URL configuration.

    One name can have several patterns, such as the `.json` format variants of an API route.
    """
    routes = {}
    for route in _walk(get_resolver().url_patterns, "", []):
        routes.setdefault(route.name, []).append(route)
    return routes


def load_app_routes():
    """Merge ROUTES of every tests/isolation/routes_*.py; a name listed twice raises ValueError."""
    merged = {}
    origin = {}
    package_dir = Path(__file__).parent
    for module_info in sorted(pkgutil.iter_modules([str(package_dir)]), key=lambda info: info.name):
        if not module_info.name.startswith(ROUTES_MODULE_PREFIX):
            continue
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        for name, classification in module.ROUTES.items():
            if not isinstance(classification, (Route, Marker)):
                raise TypeError(
                    f"{module_info.name}.py classifies {name!r} as {classification!r}; "
                    "use Route(...), PUBLIC, ACCOUNT or STAFF from tests.isolation.registry."
                )
            if name in merged:
                raise ValueError(f"{name!r} is classified in both {origin[name]}.py and {module_info.name}.py.")
            merged[name] = classification
            origin[name] = module_info.name
    return merged


def classify_routes():
    """Return ({name: classification}, [unclassified names], [classified names with no URL])."""
    url_routes = discover_url_routes()
    app_routes = load_app_routes()
    classified = {}
    unclassified = []
    for name, patterns in sorted(url_routes.items()):
        if name in app_routes:
            classified[name] = app_routes[name]
            continue
        marker = default_classification(name, patterns[0].pattern, patterns[0].view_module)
        if marker is None:
            unclassified.append(name)
        else:
            classified[name] = marker
    stale = sorted(set(app_routes) - set(url_routes))
    return classified, unclassified, stale
