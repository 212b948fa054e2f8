"""Import of the Open Cookie Database CSV (https://github.com/jkwakman/Open-Cookie-Database).

Each row describes one cookie or storage key of a platform. Rows are attached to the catalogue entry whose
name, alias or slug equals the platform (case-insensitive). An unknown platform becomes a draft entry for staff
to review. Rows this importer created are updated on a later import; cookies described by a catalogue data file
or entered by staff are never changed by it.
"""

import csv
import io
import logging
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import slugify

from services import choices
from services.actions import SERVICE_PREFETCH, service_refresh_version
from services.matching.domains import normalise_host
from services.models import Service, ServiceAlias, ServiceCookie

from .retention import parse_retention

logger = logging.getLogger(__name__)

SOURCE_URL = "https://github.com/jkwakman/Open-Cookie-Database"
COLUMNS = [
    "ID",
    "Platform",
    "Category",
    "Cookie / Data Key name",
    "Domain",
    "Description",
    "Retention period",
    "Data Controller",
    "User Privacy & GDPR Rights Portals",
    "Wildcard match",
]
CATEGORY_MAP = {
    "functional": choices.ConsentCategory.FUNCTIONAL,
    "personalization": choices.ConsentCategory.FUNCTIONAL,
    "personalisation": choices.ConsentCategory.FUNCTIONAL,
    "preferences": choices.ConsentCategory.FUNCTIONAL,
    "analytics": choices.ConsentCategory.ANALYTICS,
    "statistics": choices.ConsentCategory.ANALYTICS,
    "marketing": choices.ConsentCategory.MARKETING,
    "advertising": choices.ConsentCategory.MARKETING,
    "security": choices.ConsentCategory.STRICTLY_NECESSARY,
    "necessary": choices.ConsentCategory.STRICTLY_NECESSARY,
    "strictly necessary": choices.ConsentCategory.STRICTLY_NECESSARY,
}
NAME_MAX = ServiceCookie._meta.get_field("name").max_length
DURATION_TEXT_MAX = ServiceCookie._meta.get_field("duration_text").max_length


class ImportFileError(ValueError):
    """The file cannot be read at all (encoding, missing columns)."""


@dataclass
class RejectedRow:
    row: int
    reason: str
    record_id: str = ""

    def __str__(self):
        ident = f" (ID {self.record_id})" if self.record_id else ""
        return f"row {self.row}{ident}: {self.reason}"


@dataclass
class CookieRow:
    row: int
    record_id: str
    platform: str
    name: str
    is_prefix: bool
    category: str
    domains: list
    first_party: bool
    purpose: str
    retention: object
    storage: str
    controller: str
    privacy_url: str


@dataclass
class ImportReport:
    rows: int = 0
    cookies_created: int = 0
    cookies_updated: int = 0
    cookies_unchanged: int = 0
    cookies_kept_curated: int = 0
    services_created: list = field(default_factory=list)
    services_versioned: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    saved: bool = False


def _parse_domains(raw):
    """Return (domains, third_party) from cells such as ".bing.com (3rd party) or .microsoft.com (3rd party)"."""
    text = (raw or "").strip()
    third_party = "3rd party" in text.lower() or "third party" in text.lower()
    cleaned = text.replace("(3rd party)", " ").replace("(third party)", " ")
    parts = [part.strip() for part in re.split(r",|\bor\b", cleaned) if part.strip()]
    domains = []
    for part in parts:
        host = normalise_host(part)
        if not host or " " in host or "." not in host:
            raise ValueError(f"domain {part!r} is not a host name (expected for example .example.com)")
        if host not in domains:
            domains.append(host)
    return domains, third_party


def parse_rows(text):
    """Parse the CSV text; return (rows, rejected). Raises ImportFileError when the header is wrong."""
    reader = csv.DictReader(io.StringIO(text))
    header = [column.strip() for column in (reader.fieldnames or [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            f"missing column(s): {', '.join(missing)}. The first line must name the Open Cookie Database columns: "
            f"{', '.join(COLUMNS)}"
        )
    reader.fieldnames = header

    rows, rejected, seen = [], [], {}
    for number, record in enumerate(reader, start=2):
        record = {key: (value or "").strip() for key, value in record.items() if key is not None}
        record_id = record.get("ID", "")
        platform = record["Platform"]
        name = record["Cookie / Data Key name"]
        if not platform:
            rejected.append(RejectedRow(number, "Platform is empty; name the service that sets the cookie", record_id))
            continue
        if not name:
            rejected.append(RejectedRow(number, "Cookie / Data Key name is empty", record_id))
            continue
        if len(name) > NAME_MAX:
            rejected.append(RejectedRow(number, f"cookie name is longer than {NAME_MAX} characters", record_id))
            continue
        category = CATEGORY_MAP.get(record["Category"].lower())
        if category is None:
            allowed = ", ".join(sorted({key.title() for key in CATEGORY_MAP}))
            rejected.append(
                RejectedRow(number, f"unknown Category {record['Category']!r}; use one of: {allowed}", record_id)
            )
            continue
        wildcard = record["Wildcard match"]
        if wildcard not in {"0", "1", ""}:
            rejected.append(RejectedRow(number, f"Wildcard match must be 0 or 1, not {wildcard!r}", record_id))
            continue
        try:
            domains, third_party = _parse_domains(record["Domain"])
        except ValueError as error:
            rejected.append(RejectedRow(number, f"invalid Domain: {error}", record_id))
            continue
        privacy_url = record["User Privacy & GDPR Rights Portals"]
        if privacy_url and not privacy_url.lower().startswith(("http://", "https://")):
            privacy_url = ""
        retention = parse_retention(record["Retention period"])
        storage = choices.StorageKind.COOKIE
        if "local storage" in record["Retention period"].lower():
            storage = choices.StorageKind.LOCAL_STORAGE

        key = (platform.casefold(), name, wildcard == "1", tuple(domains), storage)
        if key in seen:
            rejected.append(
                RejectedRow(
                    number, f"duplicate of row {seen[key]} (same platform, name, wildcard and domain)", record_id
                )
            )
            continue
        seen[key] = number
        rows.append(
            CookieRow(
                row=number,
                record_id=record_id,
                platform=platform,
                name=name,
                is_prefix=wildcard == "1",
                category=category,
                domains=domains,
                first_party=not domains and not third_party,
                purpose=record["Description"] or f"Set by {platform}; no purpose was given.",
                retention=retention,
                storage=storage,
                controller=record["Data Controller"],
                privacy_url=privacy_url[:500],
            )
        )
    return rows, rejected


def _services_by_name():
    """Map case-folded names, aliases and slugs to services; a key shared by several services maps to all of them."""
    mapping = {}
    services = list(Service.objects.only("id", "name", "slug", "status"))
    for service in services:
        mapping.setdefault(service.name.casefold(), []).append(service)
    aliases = ServiceAlias.objects.select_related("service").only(
        "name", "service__id", "service__name", "service__slug"
    )
    for alias in aliases:
        candidates = mapping.setdefault(alias.name.casefold(), [])
        if alias.service not in candidates:
            candidates.append(alias.service)
    # "YouTube" finds the entry "YouTube (embedded videos)" through its slug youtube, when no name or alias fits.
    by_slug = {}
    for service in services:
        by_slug[service.slug] = service
    return mapping, by_slug


def _unique_slug(name, taken):
    base = slugify(strip_tags(name))[:70] or "service"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _draft_service(row, slug):
    """Return a draft entry with what the file states about an unknown platform, for staff to complete."""
    return Service(
        slug=slug,
        name=row.platform[:120],
        status=choices.Status.DRAFT,
        vendor_legal_entity=(row.controller or row.platform)[:200],
        privacy_policy_url=row.privacy_url,
        consent_category=row.category,
        risk_level=choices.RiskLevel.MEDIUM,
        risk_rationale="Not assessed yet: created by an Open Cookie Database import for review.",
        summary=f"Draft created from the cookies that the Open Cookie Database lists for {row.platform}."[:300],
        sources=[SOURCE_URL],
        last_reviewed=None,
    )


def _cookie_fields(row, domain):
    return {
        "categories": [row.category],
        "is_session": row.retention.is_session,
        "duration_seconds": None if row.retention.is_session else row.retention.seconds,
        "duration_text": row.retention.text[:DURATION_TEXT_MAX],
        "purpose": row.purpose,
        "first_party": row.first_party,
    }


def _resolve_services(rows, report):
    """Attach each row to a service; reject rows whose platform names several services."""
    by_name, by_slug = _services_by_name()
    taken = set(Service.objects.values_list("slug", flat=True))
    resolved, new_services = [], {}
    for row in rows:
        key = row.platform.casefold()
        candidates = by_name.get(key) or ([by_slug[slugify(row.platform)]] if slugify(row.platform) in by_slug else [])
        if len(candidates) > 1:
            names = ", ".join(sorted(service.slug for service in candidates))
            report.rejected.append(
                RejectedRow(
                    row.row, f"Platform {row.platform!r} matches several catalogue entries ({names})", row.record_id
                )
            )
            continue
        if candidates:
            resolved.append((row, candidates[0]))
            continue
        if key not in new_services:
            new_services[key] = _draft_service(row, _unique_slug(row.platform, taken))
        resolved.append((row, new_services[key]))
    return resolved, list(new_services.values())


def import_open_cookie_database(text, *, skip_invalid=False, dry_run=False, actor=None):
    """Import the CSV text in one transaction and return an ImportReport.

    With rejected rows and skip_invalid False, nothing is saved (report.saved stays False).
    """
    rows, rejected = parse_rows(text)
    report = ImportReport(rows=len(rows) + len(rejected), rejected=list(rejected))

    with transaction.atomic():
        resolved, new_services = _resolve_services(rows, report)
        report.rejected.sort(key=lambda item: item.row)
        if report.rejected and not skip_invalid:
            transaction.set_rollback(True)
            return report

        for service in new_services:
            service._change_reason = "Created by an Open Cookie Database import"
            service._history_user = actor
            service.save()
            report.services_created.append(service.slug)

        existing = {}
        service_ids = {service.pk for _row, service in resolved}
        for cookie in ServiceCookie.objects.filter(service_id__in=service_ids):
            existing[(cookie.service_id, cookie.name, cookie.match, cookie.storage, cookie.domain)] = cookie

        touched = set()
        for row, service in resolved:
            match = choices.CookieMatch.PREFIX if row.is_prefix else choices.CookieMatch.EXACT
            for domain in row.domains or [""]:
                key = (service.pk, row.name, match, row.storage, domain)
                fields = _cookie_fields(row, domain)
                cookie = existing.get(key)
                if cookie is None:
                    cookie = ServiceCookie(
                        service=service,
                        name=row.name,
                        match=match,
                        storage=row.storage,
                        domain=domain,
                        source=choices.CookieSource.OPEN_COOKIE_DATABASE,
                        position=1000 + row.row,
                        **fields,
                    )
                    cookie.save()
                    existing[key] = cookie
                    report.cookies_created += 1
                    touched.add(service.pk)
                elif cookie.source != choices.CookieSource.OPEN_COOKIE_DATABASE:
                    report.cookies_kept_curated += 1
                elif any(getattr(cookie, name) != value for name, value in fields.items()):
                    for name, value in fields.items():
                        setattr(cookie, name, value)
                    cookie.save()
                    report.cookies_updated += 1
                    touched.add(service.pk)
                else:
                    report.cookies_unchanged += 1

        for service in Service.objects.filter(pk__in=touched).prefetch_related(*SERVICE_PREFETCH):
            if service_refresh_version(service=service, reason="Cookies changed by an Open Cookie Database import"):
                report.services_versioned.append(service.slug)

        if dry_run:
            transaction.set_rollback(True)
        else:
            report.saved = True
    logger.info(
        "Open Cookie Database import: %d rows, %d cookies created, %d updated, %d unchanged, %d rejected, saved=%s",
        report.rows,
        report.cookies_created,
        report.cookies_updated,
        report.cookies_unchanged,
        len(report.rejected),
        report.saved,
    )
    return report


__all__ = ["ImportFileError", "import_open_cookie_database"]
