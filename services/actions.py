"""Writes to the service catalogue. Catalogue rows are shared reference data, so no organisation applies."""

import datetime
import logging

from django.db import transaction
from simple_history.utils import update_change_reason

from services import choices
from services.catalogue.document import SCREENING_FIELDS, TEXT_FIELDS, service_content_hash, service_to_document
from services.models import (
    ChecklistItem,
    DpiaConsideration,
    EuAlternative,
    FaqEntry,
    LegalBasis,
    Service,
    ServiceAlias,
    ServiceCookie,
    ServiceDomain,
    SubProcessor,
    VendorRole,
)

logger = logging.getLogger(__name__)

SERVICE_PREFETCH = [
    "aliases",
    "domains",
    "cookies",
    "vendor_roles",
    "subprocessors",
    "legal_bases",
    "checklist_items",
    "dpia_considerations",
    "faq_entries",
    "eu_alternatives__alternative_service",
    "related_services",
]


def service_refresh_version(*, service, reason=""):
    """Store the entry's content fingerprint and raise its version when a published entry really changed.

    Returns True when the version was raised. A draft, or an entry whose content is the same as before,
    keeps its version.
    """
    new_hash = service_content_hash(service)
    if new_hash == service.content_hash:
        return False
    had_hash = bool(service.content_hash)
    service.content_hash = new_hash
    if had_hash and service.is_published:
        service.version += 1
        service.save(update_fields=["content_hash", "version", "updated_at"])
        update_change_reason(service, reason or f"Version raised to {service.version}")
        return True
    Service.objects.filter(pk=service.pk).update(content_hash=new_hash)
    return False


def _apply_fields(service, document):
    service.slug = document["slug"]
    service.name = document["name"]
    service.status = document["status"]
    service.vendor_legal_entity = document["vendor"]["legal_entity"]
    service.vendor_city = document["vendor"]["city"]
    service.vendor_country = document["vendor"]["country"]
    service.website = document["website"]
    service.privacy_policy_url = document["privacy_policy_url"]
    service.dpa_url = document["dpa_url"]
    service.subprocessors_url = document["subprocessors_url"]
    service.categories = document["categories"]
    service.consent_category = document["consent_category"]
    service.risk_level = document["risk"]["level"]
    service.risk_rationale = document["risk"]["rationale"]
    service.summary = document["summary"]
    service.description = document["description"]
    for key, field in TEXT_FIELDS.items():
        setattr(service, field, document["texts"][key])
    service.personal_data_categories = document["personal_data_categories"]
    service.data_subject_categories = document["data_subject_categories"]
    service.regulations = document["regulations"]
    transfers = document["transfers"]
    service.transfers_outside_eea = transfers["outside_eea"]
    service.transfer_destinations = transfers["destinations"]
    service.transfer_safeguards = transfers["safeguards"]
    service.dpf_certified = transfers["dpf_certified"]
    service.eu_regions = transfers["eu_regions"]
    service.transfer_notes = transfers["notes"]
    for key, field in SCREENING_FIELDS.items():
        setattr(service, field, document["dpia"]["screening"][key])
    service.consent_text = document["consent_text"]
    service.security_measures = document["security_measures"]
    service.certifications = document["certifications"]
    service.data_retention = document["data_retention"]
    service.sources = document["provenance"]["sources"]
    service.last_reviewed = datetime.date.fromisoformat(document["provenance"]["last_reviewed"])


def _scalar_part(document):
    """Return the part of a document that is stored on the Service row itself."""
    lists = {
        "aliases",
        "domains",
        "cookies",
        "vendor_roles",
        "subprocessors",
        "legal_bases",
        "checklist",
        "faq",
        "eu_alternatives",
        "related_services",
    }
    part = {key: value for key, value in document.items() if key not in lists}
    part["dpia"] = {"screening": document["dpia"]["screening"]}
    return part


def _replace_rows(queryset, rows):
    for row in queryset:
        row.delete()
    for row in rows:
        row.save()


def _write_children(service, document, current):
    """Replace each child list whose content differs from the document; leave equal lists untouched."""

    def changed(key):
        return current is None or current[key] != document[key]

    if changed("aliases"):
        _replace_rows(
            service.aliases.all(),
            [ServiceAlias(service=service, name=name, position=i) for i, name in enumerate(document["aliases"])],
        )
    if changed("domains"):
        _replace_rows(
            service.domains.all(),
            [ServiceDomain(service=service, domain=name, position=i) for i, name in enumerate(document["domains"])],
        )
    if changed("cookies"):
        keys = {(c["name"], c["match"], c["storage"], c["domain"]) for c in document["cookies"]}
        # Rows from the file are replaced. Imported or staff rows stay, unless the file now describes the same
        # cookie, because the file's reviewed description wins.
        stale = [
            cookie
            for cookie in service.cookies.all()
            if cookie.source == choices.CookieSource.CATALOGUE
            or (cookie.name, cookie.match, cookie.storage, cookie.domain) in keys
        ]
        _replace_rows(
            stale,
            [
                ServiceCookie(
                    service=service,
                    name=c["name"],
                    match=c["match"],
                    storage=c["storage"],
                    categories=c["categories"],
                    is_session=c["duration"]["session"],
                    duration_seconds=None if c["duration"]["session"] else c["duration"]["seconds"],
                    duration_text=c["duration"]["text"],
                    purpose=c["purpose"],
                    domain=c["domain"],
                    first_party=c["first_party"],
                    source=choices.CookieSource.CATALOGUE,
                    position=i,
                )
                for i, c in enumerate(document["cookies"])
            ],
        )
    if changed("vendor_roles"):
        _replace_rows(
            service.vendor_roles.all(),
            [VendorRole(service=service, position=i, **item) for i, item in enumerate(document["vendor_roles"])],
        )
    if changed("subprocessors"):
        _replace_rows(
            service.subprocessors.all(),
            [SubProcessor(service=service, position=i, **item) for i, item in enumerate(document["subprocessors"])],
        )
    if changed("legal_bases"):
        _replace_rows(
            service.legal_bases.all(),
            [LegalBasis(service=service, position=i, **item) for i, item in enumerate(document["legal_bases"])],
        )
    if changed("checklist"):
        _replace_rows(
            service.checklist_items.all(),
            [ChecklistItem(service=service, position=i, **item) for i, item in enumerate(document["checklist"])],
        )
    if current is None or current["dpia"]["considerations"] != document["dpia"]["considerations"]:
        _replace_rows(
            service.dpia_considerations.all(),
            [
                DpiaConsideration(service=service, position=i, **item)
                for i, item in enumerate(document["dpia"]["considerations"])
            ],
        )
    if changed("faq"):
        _replace_rows(
            service.faq_entries.all(),
            [FaqEntry(service=service, position=i, **item) for i, item in enumerate(document["faq"])],
        )


def _write_references(service, document, current, services_by_slug):
    if current is None or current["eu_alternatives"] != document["eu_alternatives"]:
        rows = []
        for i, item in enumerate(document["eu_alternatives"]):
            fields = {key: value for key, value in item.items() if key != "service"}
            target = services_by_slug.get(item["service"]) if item["service"] else None
            rows.append(EuAlternative(service=service, alternative_service=target, position=i, **fields))
        _replace_rows(service.eu_alternatives.all(), rows)
    if current is None or current["related_services"] != document["related_services"]:
        service.related_services.set([services_by_slug[slug] for slug in document["related_services"]])


@transaction.atomic
def catalogue_load_documents(*, documents, actor=None, force=False, source_name="data file"):
    """Create or update catalogue entries from normalised documents, in one transaction.

    `documents` is a list of (normalised document, file fingerprint, file name). An entry whose file
    fingerprint equals the one stored at its last load is left alone (so edits made by staff in the admin
    survive a reload) unless `force` is set. Returns a dict of slug lists: created, updated, unchanged.
    """
    result = {"created": [], "updated": [], "unchanged": []}
    slugs = [document["slug"] for document, _hash, _name in documents]
    existing = {
        service.slug: service for service in Service.objects.filter(slug__in=slugs).prefetch_related(*SERVICE_PREFETCH)
    }

    pending = []
    for document, file_hash, file_name in documents:
        file_name = file_name or "the API"
        service = existing.get(document["slug"])
        # file_hash is None for a document that does not come from a data file (an API write): the
        # fingerprint of the last loaded file stays as it was.
        if service is not None and file_hash is not None and service.source_file_hash == file_hash and not force:
            result["unchanged"].append(document["slug"])
            continue
        current = service_to_document(service, cookie_sources={choices.CookieSource.CATALOGUE}) if service else None
        if current == document:
            if file_hash is not None and service.source_file_hash != file_hash:
                Service.objects.filter(pk=service.pk).update(source_file_hash=file_hash)
            result["unchanged"].append(document["slug"])
            continue

        created = service is None
        if created:
            service = Service()
        if created or _scalar_part(current) != _scalar_part(document):
            _apply_fields(service, document)
            if file_hash is not None:
                service.source_file_hash = file_hash
            service._change_reason = f"Loaded from {file_name}"
            if actor is not None:
                service._history_user = actor
            service.save()
        _write_children(service, document, current)
        pending.append((service, document, current, file_hash, file_name, created))

    services_by_slug = {service.slug: service for service in Service.objects.all()}
    for service, document, current, file_hash, file_name, created in pending:
        _write_references(service, document, current, services_by_slug)
        if file_hash is not None:
            Service.objects.filter(pk=service.pk).update(source_file_hash=file_hash)
        service = Service.objects.prefetch_related(*SERVICE_PREFETCH).get(pk=service.pk)
        service_refresh_version(service=service, reason=f"Loaded from {file_name}")
        result["created" if created else "updated"].append(document["slug"])

    logger.info(
        "Catalogue loaded from %s: %d created, %d updated, %d unchanged",
        source_name,
        len(result["created"]),
        len(result["updated"]),
        len(result["unchanged"]),
    )
    return result


class CatalogueValidationError(Exception):
    """A catalogue document is invalid; `errors` lists CatalogueError items with JSON pointers."""

    def __init__(self, errors):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def service_save_document(*, document, actor, slug=None):
    """Create or replace a catalogue entry from a document in the data-file shape (an API write).

    Validates like load_catalogue does; raises CatalogueValidationError and writes nothing when invalid.
    Returns (service, created).
    """
    from pathlib import Path

    from services.catalogue.document import normalise_document
    from services.catalogue.validation import CatalogueError, CatalogueFile, cross_reference_errors, schema_errors

    label = "request body"
    if not isinstance(document, dict):
        raise CatalogueValidationError([CatalogueError(label, "/", "send one JSON object (a catalogue entry)")])
    errors = schema_errors(label, document)
    if not errors and slug is not None and document["slug"] != slug:
        errors.append(CatalogueError(label, "/slug", f"must equal the slug in the URL ({slug!r})"))
    if not errors:
        known = set(Service.objects.values_list("slug", flat=True))
        entry = CatalogueFile(Path(f"{document['slug']}.yaml"), document)
        errors = cross_reference_errors([entry], known_slugs=known)
    if errors:
        raise CatalogueValidationError(errors)

    normalised = normalise_document(document)
    with transaction.atomic():
        result = catalogue_load_documents(documents=[(normalised, None, None)], actor=actor, force=True)
    service = Service.objects.get(slug=normalised["slug"])
    return service, bool(result["created"])


def service_delete(*, service, actor):
    """Delete a catalogue entry and its rows; the history keeps the deleted versions."""
    service._history_user = actor
    logger.info("Catalogue entry %s deleted", service.slug)
    service.delete()
