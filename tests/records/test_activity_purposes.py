"""Each activity of a multi-purpose vendor gets only the legal bases of its own purpose."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from records import actions, autofill
from records.models import ProcessingActivity
from services.models import LegalBasis, Service
from tests.records.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def crm_and_newsletter_service():
    """A vendor used for customer management and for e-mail marketing, with one row for both purposes."""
    service = ServiceFactory(
        name="Contact Suite", slug="contact-suite", categories=["crm", "email-marketing"], summary="CRM and mailing."
    )
    LegalBasis.objects.create(
        service=service,
        basis="consent",
        covers="Art. 6(1)(a): sending newsletters and tracking opens.",
        purposes=["email-marketing"],
        position=0,
    )
    LegalBasis.objects.create(
        service=service,
        basis="contract",
        covers="Art. 6(1)(b): managing the customer relationship.",
        purposes=["customer-management"],
        position=1,
    )
    LegalBasis.objects.create(
        service=service, basis="legitimate-interests", covers="Art. 6(1)(f): securing the account.", position=2
    )
    return service


def purposes_of(activity):
    return {(row.purpose, row.legal_basis) for row in activity.purposes.all()}


def test_purposes_for_filters_by_key():
    service = crm_and_newsletter_service()

    newsletter = autofill.purposes_for(service, "email-marketing")
    crm = autofill.purposes_for(service, "customer-management")

    assert newsletter == [
        ("sending newsletters and tracking opens.", "consent"),
        ("securing the account.", "legitimate-interests"),
    ]
    assert crm == [
        ("managing the customer relationship.", "contract"),
        ("securing the account.", "legitimate-interests"),
    ]


def test_purposes_for_without_key_gives_untagged_rows():
    service = crm_and_newsletter_service()

    assert autofill.purposes_for(service) == [("securing the account.", "legitimate-interests")]


def test_purposes_for_untagged_service_gives_every_row():
    service = ServiceFactory(categories=["crm", "email-marketing"])
    LegalBasis.objects.create(service=service, basis="consent", covers="Newsletters.", position=0)
    LegalBasis.objects.create(service=service, basis="contract", covers="Customer records.", position=1)

    expected = [("Newsletters.", "consent"), ("Customer records.", "contract")]
    assert autofill.purposes_for(service, "email-marketing") == expected
    assert autofill.purposes_for(service) == expected


def test_accepted_activities_get_own_purposes(organisation, editor):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    activities = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    by_key = {activity.purpose_key: activity for activity in activities}
    assert set(by_key) == {"customer-management", "email-marketing"}
    assert purposes_of(by_key["email-marketing"]) == {
        ("sending newsletters and tracking opens.", "consent"),
        ("securing the account.", "legitimate-interests"),
    }
    assert purposes_of(by_key["customer-management"]) == {
        ("managing the customer relationship.", "contract"),
        ("securing the account.", "legitimate-interests"),
    }


def test_description_from_summary_only(organisation, editor):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    activities = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    for activity in activities:
        activity.refresh_from_db()
        assert activity.description == "CRM and mailing."


def test_hand_made_activity_gets_untagged_rows(organisation, editor):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Client relations")

    actions.activity_fill_from_vendor_use(
        organisation=organisation, activity=activity, vendor_use=vendor_use, actor=editor
    )

    assert purposes_of(activity) == {("securing the account.", "legitimate-interests")}


def test_activity_matched_by_name_uses_proposal_key(organisation, editor):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    hand_made = actions.activity_create(
        organisation=organisation, actor=editor, name="E-mail marketing and newsletters"
    )

    actions.vendor_use_accept_proposals(
        organisation=organisation, vendor_use=vendor_use, actor=editor, purpose_keys=["email-marketing"]
    )

    hand_made = ProcessingActivity.objects.get(pk=hand_made.pk)
    assert hand_made.purpose_key == ""
    assert purposes_of(hand_made) == {
        ("sending newsletters and tracking opens.", "consent"),
        ("securing the account.", "legitimate-interests"),
    }


def test_activity_of_other_purpose_gets_untagged_rows(organisation, editor):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    activity = actions.activity_create(
        organisation=organisation, actor=editor, name="Web hosting", purpose_key="it-hosting"
    )

    actions.activity_fill_from_vendor_use(
        organisation=organisation, activity=activity, vendor_use=vendor_use, actor=editor
    )

    assert purposes_of(activity) == {("securing the account.", "legitimate-interests")}


def test_link_page_explains_skipped_bases(organisation, editor, client):
    service = crm_and_newsletter_service()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    activity = actions.activity_create(organisation=organisation, actor=editor, name="Client relations")
    client.force_login(editor)
    link_url = reverse("records:activity_link_vendor", kwargs={"org_slug": organisation.slug, "pk": activity.pk})

    response = client.post(link_url, {"vendor_use": vendor_use.pk}, follow=True)

    assert response.status_code == HTTPStatus.OK
    assert "ties some legal bases of Contact Suite to particular purposes" in response.content.decode()
    assert purposes_of(activity) == {("securing the account.", "legitimate-interests")}


def test_shipped_hubspot_activities_split_bases(organisation, editor):
    call_command("load_catalogue", stdout=StringIO(), stderr=StringIO())
    service = Service.objects.get(slug="hubspot")
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    activities = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)

    bases = {activity.purpose_key: {row.legal_basis for row in activity.purposes.all()} for activity in activities}
    assert bases["email-marketing"] == {"consent", "legitimate-interests"}
    assert bases["customer-management"] == {"contract", "legitimate-interests"}
    assert bases["customer-support"] == {"contract"}
