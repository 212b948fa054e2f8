"""A complete, valid catalogue document for tests, and helpers to write data files."""

import copy

import yaml


def make_document(slug="example-chat", name="Example Chat", **overrides):
    document = {
        "slug": slug,
        "name": name,
        "status": "published",
        "aliases": [f"{name} Classic"],
        "vendor": {"legal_entity": f"{name} GmbH", "city": "Berlin", "country": "DE"},
        "website": f"https://{slug}.example",
        "privacy_policy_url": f"https://{slug}.example/privacy",
        "categories": ["chat", "customer-support"],
        "consent_category": "functional",
        "risk": {"level": "medium", "rationale": "Chat transcripts can contain anything a visitor types."},
        "summary": "Live chat widget for websites.",
        "description": "A widget that lets visitors talk to support agents.",
        "texts": {
            "personal_data": "Chat messages, visitor identifier, IP address.",
            "gdpr_implications": "The website operator is the controller.",
            "eprivacy_implications": "The widget cookies need consent unless the visitor opens the chat.",
            "transfers": "Hosted in Germany.",
            "consent_advice": "Load the widget after consent or on click.",
            "tracking_method": "JavaScript widget with a first-party cookie.",
            "server_location": "Frankfurt, Germany.",
        },
        "personal_data_categories": ["identifiers", "communication-content"],
        "data_subject_categories": ["website-visitors", "customers"],
        "vendor_roles": [{"role": "processor", "scope": "Hosting the chat on the operator's behalf."}],
        "subprocessors": [{"name": "Hosting AG", "purpose": "Hosting", "country": "DE"}],
        "legal_bases": [
            {"basis": "contract", "covers": "Answering enquiries."},
            {"basis": "consent", "covers": "Widget cookies."},
        ],
        "regulations": ["gdpr", "eprivacy-directive"],
        "transfers": {"outside_eea": False, "destinations": [], "safeguards": [], "dpf_certified": False},
        "domains": [f"{slug}.example", f"cdn.{slug}-static.example"],
        "cookies": [
            {
                "name": f"{slug.replace('-', '_')}_id",
                "match": "exact",
                "categories": ["functional"],
                "duration": {"seconds": 31536000, "text": "1 year"},
                "purpose": "Recognises the visitor.",
                "first_party": True,
            },
            {
                "name": f"{slug.replace('-', '_')}_sess_",
                "match": "prefix",
                "categories": ["functional"],
                "duration": {"session": True, "text": "Session"},
                "purpose": "Keeps the chat open.",
            },
        ],
        "checklist": [{"title": "Sign the DPA", "detail": "Before go-live."}, {"title": "Gate the widget"}],
        "dpia": {
            "considerations": [
                {"title": "Free text", "detail": "Visitors may type health data.", "kind": "risk-source"}
            ],
            "screening": {
                "ai_or_automated_decisions": False,
                "special_category_data": True,
                "systematic_monitoring": False,
                "large_scale": False,
                "innovative_technology": False,
                "transfers_outside_eea": False,
            },
        },
        "consent_text": "{organisation} uses Example Chat. Questions: {privacy_contact}.",
        "faq": [{"question": "Is it hosted in the EU?", "answer": "Yes, in Frankfurt."}],
        "eu_alternatives": [{"name": "Other Chat", "country": "FR"}],
        "provenance": {"sources": [f"https://{slug}.example/privacy"], "last_reviewed": "2026-11-30"},
    }
    for key, value in overrides.items():
        document[key] = value
    return copy.deepcopy(document)


def write_document(directory, document, file_name=None):
    path = directory / (file_name or f"{document['slug']}.yaml")
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
