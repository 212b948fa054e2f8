"""Registry of report kinds. Every PDF the product renders is one kind plugged into the same pipeline.

An app registers its kinds from its AppConfig.ready() (for example the records app registers "ropa"):

    register_kind(ReportKind(name="ropa", label=_("Record of processing activities"), ...))

A kind's `build_context(organisation, parameters)` returns the template context. It runs inside the worker,
reads only `organisation`'s rows and must be deterministic: the same rows and parameters give the same
context, so the same PDF content.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from organisations.roles import Role, role_at_least


class ReportInputError(ValueError):
    """Invalid report data or parameters, or data above a limit. The message names the value and the fix."""


@dataclass(frozen=True)
class ReportKind:
    name: str
    label: str
    build_context: Callable
    template_name: str
    # "portrait" or "landscape"; wide tables (8 columns and more) read better in landscape.
    orientation: str = "portrait"
    # Upper bounds checked before rendering, so a huge input gets a clear error instead of an endless render.
    # Keys are free-form names a kind counts in its context builder (for example "activities").
    max_items: dict = field(default_factory=dict)
    # Bytes of HTML the template may produce; checked after templating, before layout.
    max_html_bytes: int = 8 * 1024 * 1024
    # Parameters a request may carry besides COMMON_PARAMETERS, with their validator
    # (value -> cleaned value, or raise ReportInputError).
    parameters: dict = field(default_factory=dict)
    description: str = ""
    # Lowest membership role that may request this kind. Viewers read everything in their organisation, so a
    # report that only shows what they can already see is open to them. Raise it for a kind that reveals more.
    request_role: str = Role.VIEWER

    def allows_request_by(self, role):
        """Return whether a member with `role` may request this kind."""
        return role_at_least(role, self.request_role)

    def clean_parameters(self, raw):
        """Return the validated parameters of a request; raise ReportInputError naming the first bad one."""
        raw = raw or {}
        if not isinstance(raw, dict):
            raise ReportInputError(_("Parameters must be a JSON object."))
        validators = {**COMMON_PARAMETERS, **self.parameters}
        unknown = sorted(set(raw) - set(validators))
        if unknown:
            raise ReportInputError(
                _("Unknown parameter “%(name)s” for report “%(kind)s”. Allowed: %(allowed)s.")
                % {"name": unknown[0], "kind": self.name, "allowed": ", ".join(sorted(validators))}
            )
        return {name: validate(raw[name]) for name, validate in validators.items() if name in raw}

    def check_count(self, key, count):
        """Raise ReportInputError when `count` items of `key` exceed this kind's limit."""
        limit = self.max_items.get(key)
        if limit is not None and count > limit:
            raise ReportInputError(
                _(
                    "This report would list %(count)s %(key)s, more than the limit of %(limit)s. "
                    "Narrow it down with the report's filters or split it into several reports."
                )
                % {"count": count, "key": key, "limit": limit}
            )


def _clean_language(value):
    from django.conf import settings

    codes = [code for code, _name in settings.LANGUAGES]
    if value not in codes:
        raise ReportInputError(
            _("Unknown language “%(value)s”. Use one of: %(codes)s.") % {"value": value, "codes": ", ".join(codes)}
        )
    return value


def _clean_pdf_variant(value):
    from .rendering.pdf import PDF_VARIANTS

    if value in ("", None):
        return ""
    if value not in PDF_VARIANTS:
        raise ReportInputError(
            _("Unsupported PDF variant “%(value)s”. Use one of: %(variants)s, or leave it empty.")
            % {"value": value, "variants": ", ".join(PDF_VARIANTS)}
        )
    return value


# Parameters every kind accepts: the language of the document and an archival PDF variant.
COMMON_PARAMETERS = {"language": _clean_language, "pdf_variant": _clean_pdf_variant}

_REGISTRY: dict[str, ReportKind] = {}


def register_kind(kind):
    """Add `kind` to the registry; registering the same name twice replaces the earlier kind."""
    if kind.orientation not in ("portrait", "landscape"):
        raise ValueError(f"Report kind {kind.name!r}: orientation must be 'portrait' or 'landscape'.")
    if kind.request_role not in Role.values:
        raise ValueError(f"Report kind {kind.name!r}: request_role must be one of {', '.join(Role.values)}.")
    _REGISTRY[kind.name] = kind
    return kind


def get_kind(name):
    """Return the registered kind called `name`, or raise ReportInputError."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ReportInputError(
            _("Unknown report kind “%(name)s”. Available kinds: %(kinds)s.")
            % {"name": name, "kinds": ", ".join(sorted(_REGISTRY)) or "-"}
        ) from None


def registered_kinds():
    """Return the registered kinds, by label."""
    return sorted(_REGISTRY.values(), key=lambda kind: str(kind.label))


def requestable_kinds(role):
    """Return the registered kinds a member with `role` may request, by label."""
    return [kind for kind in registered_kinds() if kind.allows_request_by(role)]


def kind_label(name):
    """Return the label of kind `name`, or the name itself when no app registers it any more."""
    kind = _REGISTRY.get(name)
    return kind.label if kind else name
