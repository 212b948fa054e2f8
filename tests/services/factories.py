"""Factories for catalogue rows (shared reference data, so no organisation)."""

import datetime

import factory

from services.models import Service


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    status = "published"
    vendor_legal_entity = factory.LazyAttribute(lambda o: f"{o.name} Ltd")
    vendor_city = "Dublin"
    vendor_country = "IE"
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example")
    categories = factory.LazyFunction(lambda: ["analytics"])
    consent_category = "analytics"
    risk_level = "medium"
    risk_rationale = "Tracks visitors across pages."
    summary = "Web analytics."
    description = "Counts visits and page views."
    personal_data_text = "Online identifiers."
    gdpr_implications = "The website operator is the controller."
    eprivacy_implications = "Needs consent."
    transfers_text = "None outside the EEA."
    consent_advice = "Load after consent."
    tracking_method = "First-party cookie."
    server_location = "Ireland."
    personal_data_categories = factory.LazyFunction(lambda: ["online-identifiers"])
    data_subject_categories = factory.LazyFunction(lambda: ["website-visitors"])
    regulations = factory.LazyFunction(lambda: ["gdpr"])
    consent_text = "{organisation} uses this service."
    sources = factory.LazyFunction(lambda: ["https://example.com/privacy"])
    last_reviewed = datetime.date(2026, 11, 30)
