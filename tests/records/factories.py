"""Factories of catalogue entries and register rows for the records tests."""

import datetime

import factory

from records.choices import VendorUseStatus
from records.models import ChecklistTask, ProcessingActivity, VendorUse
from services.models import ChecklistItem, LegalBasis, Service, ServiceCookie, ServiceDomain, SubProcessor, VendorRole


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    slug = factory.Sequence(lambda n: f"vendor-{n}")
    name = factory.Sequence(lambda n: f"Vendor {n}")
    vendor_legal_entity = factory.LazyAttribute(lambda o: f"{o.name} Ltd")
    vendor_city = "Dublin"
    vendor_country = "IE"
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example")
    dpa_url = factory.LazyAttribute(lambda o: f"https://{o.slug}.example/dpa")
    categories = ["analytics"]
    consent_category = "analytics"
    risk_level = "medium"
    risk_rationale = "Tracks visitors across pages."
    summary = "Website audience measurement."
    description = "Measures visits."
    personal_data_text = "Identifiers."
    gdpr_implications = "Processor."
    eprivacy_implications = "Cookies need consent."
    transfers_text = "EU hosting."
    consent_advice = "Ask first."
    tracking_method = "Script."
    server_location = "EU"
    personal_data_categories = ["online-identifiers", "usage-data"]
    data_subject_categories = ["website-visitors"]
    regulations = ["gdpr"]
    transfers_outside_eea = False
    transfer_destinations = []
    transfer_safeguards = []
    consent_text = "{organisation} measures visits. Contact: {privacy_contact}."
    security_measures = ["Encryption in transit"]
    certifications = []
    sources = ["https://example.org/source"]
    last_reviewed = datetime.date(2026, 11, 1)
    status = "published"
    version = 1


def us_service(**overrides):
    """A US vendor with a US sub-processor, cookies, legal bases, roles and a checklist."""
    values = {
        "name": "Callcentre Cloud",
        "slug": "callcentre-cloud",
        "vendor_country": "US",
        "categories": ["contact-centre", "chat", "ai"],
        "personal_data_categories": ["contact-details", "voice-recordings", "special-categories"],
        "data_subject_categories": ["callers", "customers"],
        "transfers_outside_eea": True,
        "transfer_destinations": ["US"],
        "transfer_safeguards": ["scc-2021", "eu-us-dpf"],
        "dpf_certified": True,
        "eu_regions": ["Frankfurt (eu-central-1)"],
        "screening_ai_or_automated_decisions": True,
        "screening_special_category_data": True,
        "data_retention": "Recordings are kept as configured per queue.",
        "certifications": ["ISO/IEC 27001"],
    }
    values.update(overrides)
    service = ServiceFactory(**values)
    VendorRole.objects.create(service=service, role="processor", scope="Handles calls.", position=0)
    LegalBasis.objects.create(
        service=service, basis="contract", covers="Art. 6(1)(b): answering enquiries.", position=0
    )
    LegalBasis.objects.create(service=service, basis="consent", covers="Art. 6(1)(a): call recording.", position=1)
    SubProcessor.objects.create(service=service, name="Hosting Inc.", purpose="Hosting", country="US", position=0)
    SubProcessor.objects.create(service=service, name="Hosting EU GmbH", purpose="Backup", country="DE", position=1)
    ServiceCookie.objects.create(
        service=service,
        name="visitor_id",
        categories=["marketing"],
        duration_seconds=31536000,
        duration_text="1 year",
        purpose="Recognises a visitor.",
        position=0,
    )
    ServiceCookie.objects.create(
        service=service,
        name="chat_session",
        categories=["functional"],
        is_session=True,
        duration_text="Session",
        purpose="Keeps a chat open.",
        position=1,
    )
    ChecklistItem.objects.create(service=service, title="Sign the DPA", detail="With SCCs.", position=0)
    ChecklistItem.objects.create(service=service, title="Announce recording", position=1)
    ServiceDomain.objects.create(service=service, domain="callcentre-cloud.example", position=0)
    return service


class VendorUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VendorUse

    vendor_name = factory.Sequence(lambda n: f"Hand-added vendor {n}")
    status = VendorUseStatus.ACTIVE


class ProcessingActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcessingActivity

    name = factory.Sequence(lambda n: f"Activity {n}")


class ChecklistTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTask

    title = factory.Sequence(lambda n: f"Task {n}")
    organisation = factory.LazyAttribute(lambda o: o.vendor_use.organisation)
