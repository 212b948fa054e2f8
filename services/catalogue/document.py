"""The catalogue document: one service in the shape of its data file, with every optional key filled in.

The same shape comes from a data file (`normalise_document`) and from the database (`service_to_document`), so
comparing the two tells whether the database already holds what a file says, and hashing the database shape
tells whether an entry really changed.
"""

import hashlib
import json

from services import choices


def _text(value):
    return value if isinstance(value, str) else ""


def _duration(duration):
    return {
        "session": bool(duration.get("session", False)),
        "seconds": duration.get("seconds"),
        "text": duration["text"],
    }


def normalise_document(doc):
    """Return a schema-valid file document with every optional key present and related services sorted."""
    transfers = doc["transfers"]
    texts = doc["texts"]
    return {
        "slug": doc["slug"],
        "name": doc["name"],
        "status": doc["status"],
        "aliases": list(doc.get("aliases") or []),
        "vendor": {
            "legal_entity": doc["vendor"]["legal_entity"],
            "city": doc["vendor"]["city"],
            "country": doc["vendor"]["country"],
        },
        "website": doc["website"],
        "privacy_policy_url": _text(doc.get("privacy_policy_url")),
        "dpa_url": _text(doc.get("dpa_url")),
        "subprocessors_url": _text(doc.get("subprocessors_url")),
        "categories": list(doc["categories"]),
        "consent_category": doc["consent_category"],
        "risk": {"level": doc["risk"]["level"], "rationale": doc["risk"]["rationale"]},
        "summary": doc["summary"],
        "description": doc["description"],
        "texts": {
            "personal_data": texts["personal_data"],
            "gdpr_implications": texts["gdpr_implications"],
            "eprivacy_implications": texts["eprivacy_implications"],
            "ai_act_implications": _text(texts.get("ai_act_implications")),
            "transfers": texts["transfers"],
            "consent_advice": texts["consent_advice"],
            "tracking_method": texts["tracking_method"],
            "server_location": texts["server_location"],
        },
        "personal_data_categories": list(doc["personal_data_categories"]),
        "data_subject_categories": list(doc["data_subject_categories"]),
        "vendor_roles": [{"role": item["role"], "scope": item["scope"]} for item in doc["vendor_roles"]],
        "subprocessors": [
            {
                "name": item["name"],
                "purpose": item["purpose"],
                "country": item["country"],
                "condition": _text(item.get("condition")),
            }
            for item in doc.get("subprocessors") or []
        ],
        "legal_bases": [
            {"basis": item["basis"], "covers": item["covers"], "purposes": list(item.get("purposes") or [])}
            for item in doc["legal_bases"]
        ],
        "regulations": list(doc["regulations"]),
        "transfers": {
            "outside_eea": transfers["outside_eea"],
            "destinations": list(transfers["destinations"]),
            "safeguards": list(transfers["safeguards"]),
            "dpf_certified": transfers["dpf_certified"],
            "eu_regions": list(transfers.get("eu_regions") or []),
            "notes": _text(transfers.get("notes")),
        },
        "domains": list(doc["domains"]),
        "cookies": [
            {
                "name": item["name"],
                "match": item["match"],
                "storage": item.get("storage") or choices.StorageKind.COOKIE.value,
                "categories": list(item["categories"]),
                "duration": _duration(item["duration"]),
                "purpose": item["purpose"],
                "domain": _text(item.get("domain")),
                "first_party": bool(item.get("first_party", False)),
            }
            for item in doc["cookies"]
        ],
        "checklist": [{"title": item["title"], "detail": _text(item.get("detail"))} for item in doc["checklist"]],
        "dpia": {
            "considerations": [
                {"title": item["title"], "detail": item["detail"], "kind": item["kind"]}
                for item in doc["dpia"]["considerations"]
            ],
            "screening": {key: bool(value) for key, value in doc["dpia"]["screening"].items()},
        },
        "security_measures": list(doc.get("security_measures") or []),
        "certifications": list(doc.get("certifications") or []),
        "data_retention": _text(doc.get("data_retention")),
        "consent_text": doc["consent_text"],
        "faq": [{"question": item["question"], "answer": item["answer"]} for item in doc.get("faq") or []],
        "eu_alternatives": [
            {
                "service": item.get("service") or None,
                "name": item["name"],
                "country": item["country"],
                "url": _text(item.get("url")),
                "note": _text(item.get("note")),
            }
            for item in doc.get("eu_alternatives") or []
        ],
        "related_services": sorted(doc.get("related_services") or []),
        "provenance": {
            "sources": list(doc["provenance"]["sources"]),
            "last_reviewed": doc["provenance"]["last_reviewed"],
        },
    }


SCREENING_FIELDS = {
    "ai_or_automated_decisions": "screening_ai_or_automated_decisions",
    "special_category_data": "screening_special_category_data",
    "systematic_monitoring": "screening_systematic_monitoring",
    "large_scale": "screening_large_scale",
    "innovative_technology": "screening_innovative_technology",
    "transfers_outside_eea": "screening_transfers_outside_eea",
}

TEXT_FIELDS = {
    "personal_data": "personal_data_text",
    "gdpr_implications": "gdpr_implications",
    "eprivacy_implications": "eprivacy_implications",
    "ai_act_implications": "ai_act_implications",
    "transfers": "transfers_text",
    "consent_advice": "consent_advice",
    "tracking_method": "tracking_method",
    "server_location": "server_location",
}


def _date_text(value):
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def cookie_to_document(cookie):
    return {
        "name": cookie.name,
        "match": cookie.match,
        "storage": cookie.storage,
        "categories": list(cookie.categories),
        "duration": {
            "session": cookie.is_session,
            "seconds": cookie.duration_seconds,
            "text": cookie.duration_text,
        },
        "purpose": cookie.purpose,
        "domain": cookie.domain,
        "first_party": cookie.first_party,
    }


def service_to_document(service, *, cookie_sources=None):
    """Return the document of a stored service, in the shape of `normalise_document`.

    `cookie_sources` limits the cookies to rows of those sources (the loader compares only the rows that
    came from a data file); None includes every cookie.
    """
    cookies = [cookie for cookie in service.cookies.all() if cookie_sources is None or cookie.source in cookie_sources]
    return {
        "slug": service.slug,
        "name": service.name,
        "status": service.status,
        "aliases": [alias.name for alias in service.aliases.all()],
        "vendor": {
            "legal_entity": service.vendor_legal_entity,
            "city": service.vendor_city,
            "country": str(service.vendor_country),
        },
        "website": service.website,
        "privacy_policy_url": service.privacy_policy_url,
        "dpa_url": service.dpa_url,
        "subprocessors_url": service.subprocessors_url,
        "categories": list(service.categories),
        "consent_category": service.consent_category,
        "risk": {"level": service.risk_level, "rationale": service.risk_rationale},
        "summary": service.summary,
        "description": service.description,
        "texts": {key: getattr(service, field) for key, field in TEXT_FIELDS.items()},
        "personal_data_categories": list(service.personal_data_categories),
        "data_subject_categories": list(service.data_subject_categories),
        "vendor_roles": [{"role": item.role, "scope": item.scope} for item in service.vendor_roles.all()],
        "subprocessors": [
            {"name": item.name, "purpose": item.purpose, "country": str(item.country), "condition": item.condition}
            for item in service.subprocessors.all()
        ],
        "legal_bases": [
            {"basis": item.basis, "covers": item.covers, "purposes": list(item.purposes)}
            for item in service.legal_bases.all()
        ],
        "regulations": list(service.regulations),
        "transfers": {
            "outside_eea": service.transfers_outside_eea,
            "destinations": list(service.transfer_destinations),
            "safeguards": list(service.transfer_safeguards),
            "dpf_certified": service.dpf_certified,
            "eu_regions": list(service.eu_regions),
            "notes": service.transfer_notes,
        },
        "domains": [item.domain for item in service.domains.all()],
        "cookies": [cookie_to_document(cookie) for cookie in cookies],
        "checklist": [{"title": item.title, "detail": item.detail} for item in service.checklist_items.all()],
        "dpia": {
            "considerations": [
                {"title": item.title, "detail": item.detail, "kind": item.kind}
                for item in service.dpia_considerations.all()
            ],
            "screening": {key: getattr(service, field) for key, field in SCREENING_FIELDS.items()},
        },
        "security_measures": list(service.security_measures),
        "certifications": list(service.certifications),
        "data_retention": service.data_retention,
        "consent_text": service.consent_text,
        "faq": [{"question": item.question, "answer": item.answer} for item in service.faq_entries.all()],
        "eu_alternatives": [
            {
                "service": item.alternative_service.slug if item.alternative_service_id else None,
                "name": item.name,
                "country": str(item.country),
                "url": item.url,
                "note": item.note,
            }
            for item in service.eu_alternatives.all()
        ],
        "related_services": sorted(related.slug for related in service.related_services.all()),
        "provenance": {
            "sources": list(service.sources),
            "last_reviewed": _date_text(service.last_reviewed),
        },
    }


def _without_empty_purposes(document):
    """Return `document` without the empty `purposes` lists of its legal bases.

    Legal bases gained `purposes` after entries had been loaded and versioned. Leaving the empty lists out of
    the fingerprints keeps the file and content hashes of untagged entries as they were, so adding the key
    neither raises their versions nor makes every file look changed (which would overwrite admin edits).
    """
    if not any("purposes" in item and not item["purposes"] for item in document.get("legal_bases") or []):
        return document
    legal_bases = []
    for item in document["legal_bases"]:
        legal_bases.append({key: value for key, value in item.items() if key != "purposes" or value})
    return {**document, "legal_bases": legal_bases}


def document_hash(document):
    """Return the SHA-256 of a document in canonical JSON."""
    document = _without_empty_purposes(document)
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def service_content_hash(service):
    """Return the fingerprint of everything a service contains, all cookies included, ignoring its version."""
    document = service_to_document(service)
    document.pop("status")
    # Lists of enum values are sets in meaning: a form that saves them in another order changes nothing.
    for key in ("categories", "personal_data_categories", "data_subject_categories", "regulations"):
        document[key] = sorted(document[key])
    for key in ("destinations", "safeguards"):
        document["transfers"][key] = sorted(document["transfers"][key])
    for cookie in document["cookies"]:
        cookie["categories"] = sorted(cookie["categories"])
    return document_hash(document)
