"""Filling a record kept as a processor (Art. 30(2)) from the vendor register."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from records import actions
from records.choices import TransferSafeguard, VendorRole
from records.models import ProcessorActivity
from records.processor_actions import processor_activity_fill_from_register
from records.processor_fill import append_lines
from services.models import SubProcessor
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(organisation):
    return ProcessorActivity.objects.create(
        organisation=organisation,
        controller_name="Client SA",
        processing_categories="Customer support",
        sub_processors="Our own data centre (Brussels)",
        transfers="Written by hand: none so far",
    )


def fill_url(organisation, record):
    return reverse("records:processor_activity_fill", kwargs={"org_slug": organisation.slug, "pk": record.pk})


def test_scc_vendor_gets_module_three(organisation, editor, record):
    service = ServiceFactory(
        name="Helpdesk India",
        vendor_country="IN",
        vendor_legal_entity="Helpdesk India Pvt Ltd",
        transfer_destinations=["IN"],
        transfer_safeguards=["scc-2021"],
    )
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    lines = record.transfers.splitlines()
    assert lines[0] == "Written by hand: none so far"
    assert len(lines) == 2
    assert lines[1].startswith("India (Helpdesk India)")
    assert "SCC module 3" in lines[1]
    assert "transfer impact assessment needed" in lines[1]
    assert record.sub_processors.splitlines() == [
        "Our own data centre (Brussels)",
        "Helpdesk India (Helpdesk India Pvt Ltd, India)",
    ]


def test_dpf_vendor_and_onward_transfers(organisation, editor, record):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)

    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    lines = record.transfers.splitlines()[1:]
    assert len(lines) == 2
    assert "Callcentre Cloud" in lines[0]
    assert str(TransferSafeguard.DPF.label) in lines[0]
    assert "dataprivacyframework.gov/list" in lines[0]
    assert "SCCs (module 3) are also in place" in lines[0]
    assert "Hosting Inc." in lines[1]
    assert "DPF principle on onward transfers" in lines[1]


def test_eea_vendor_lists_only_onward_transfers(organisation, editor, record):
    service = us_service(
        name="Mailer",
        slug="mailer",
        vendor_country="FR",
        transfer_destinations=["US", "IN"],
        transfer_safeguards=["scc-2021"],
        dpf_certified=False,
    )
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    lines = record.transfers.splitlines()[1:]
    assert len(lines) == 2
    assert not any(line.startswith("United States of America (Mailer)") for line in lines)
    assert lines[0].startswith("United States of America (Hosting Inc.)")
    assert "SCC module 3" in lines[0]
    assert "Mailer (France), as processor and exporter" in lines[0]
    assert lines[1].startswith("India (Sub-processors or group companies of Mailer in India)")


def test_subprocessor_condition_in_fill_line(organisation, editor, record):
    service = us_service()
    SubProcessor.objects.create(
        service=service,
        name="Model Lab Inc.",
        purpose="Text generation",
        country="US",
        condition="when AI features are enabled",
        position=5,
    )
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)

    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    (line,) = [line for line in record.transfers.splitlines() if "Model Lab Inc." in line]
    assert line.endswith("Applies only when AI features are enabled.")


def test_hand_added_vendor_uses_own_safeguards(organisation, editor, record):
    vendor_use = actions.vendor_use_create_manual(
        organisation=organisation,
        actor=editor,
        vendor_name="Translation Agency",
        vendor_country="JP",
        transfer_safeguards=[TransferSafeguard.SCC],
    )

    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    assert record.sub_processors.splitlines()[-1] == "Translation Agency (Japan)"
    assert record.transfers.splitlines()[-1].startswith("Japan (Translation Agency): Adequacy decision")


def test_second_fill_adds_nothing(organisation, editor, record):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )
    record.refresh_from_db()
    before = (record.sub_processors, record.transfers)

    added = processor_activity_fill_from_register(
        organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
    )

    record.refresh_from_db()
    assert added == 0
    assert (record.sub_processors, record.transfers) == before


def test_controller_vendor_rejected(organisation, editor, record):
    vendor_use = actions.vendor_use_create_manual(
        organisation=organisation, actor=editor, vendor_name="Ad Network", vendor_role=VendorRole.INDEPENDENT_CONTROLLER
    )

    with pytest.raises(ValidationError, match="not recorded as a processor"):
        processor_activity_fill_from_register(
            organisation=organisation, record=record, actor=editor, vendor_uses=[vendor_use]
        )

    record.refresh_from_db()
    assert record.sub_processors == "Our own data centre (Brussels)"


def test_append_lines_keeps_user_text():
    text, added = append_lines("first\nsecond\n\n", ["second", "third"])

    assert text == "first\nsecond\nthird"
    assert added == 1


def test_append_lines_to_empty_text():
    assert append_lines("", ["one", "one"]) == ("one", 1)


def test_fill_page_appends_and_records_user(organisation, editor, client, record):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    client.force_login(editor)

    page = client.get(fill_url(organisation, record))
    response = client.post(fill_url(organisation, record), {"vendor_uses": [vendor_use.pk]})

    assert "Callcentre Cloud" in page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    record.refresh_from_db()
    assert "Callcentre Cloud" in record.sub_processors
    assert record.history.first().history_user == editor


def test_fill_page_rejects_other_tenant_vendor(organisation, other_organisation, editor, client, record):
    foreign = actions.vendor_use_create_manual(organisation=other_organisation, actor=None, vendor_name="Foreign")
    client.force_login(editor)

    response = client.post(fill_url(organisation, record), {"vendor_uses": [foreign.pk]})

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()
    record.refresh_from_db()
    assert "Foreign" not in record.sub_processors


def test_fill_page_requires_a_vendor(organisation, editor, client, record):
    actions.vendor_use_create_manual(organisation=organisation, actor=editor, vendor_name="Print Shop")
    client.force_login(editor)

    response = client.post(fill_url(organisation, record), {})

    assert "Choose at least one vendor from your register." in response.content.decode()


def test_viewer_cannot_fill(organisation, viewer, client, record):
    client.force_login(viewer)

    response = client.post(fill_url(organisation, record), {})

    assert response.status_code == HTTPStatus.FORBIDDEN
