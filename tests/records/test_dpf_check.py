"""The DPF certification of a US recipient: left unchecked by autofill, recorded by a user."""

import datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from records import actions
from records.activity_actions import activity_fill_from_vendor_use
from records.choices import TransferSafeguard
from records.completeness import missing_item_labels
from records.exports.rows import activity_row
from records.forms import SECTION_FORMSETS
from records.models import ActivityTransfer
from records.selectors import activities_for_export
from records.transfer_actions import transfer_record_dpf_check
from tests.records.factories import us_service

pytestmark = pytest.mark.django_db


def check_url(organisation, transfer):
    return reverse(
        "records:activity_transfer_dpf_check",
        kwargs={"org_slug": organisation.slug, "pk": transfer.activity_id, "transfer_pk": transfer.pk},
    )


@pytest.fixture
def dpf_transfer(organisation, editor):
    # Without its US sub-processor, whose onward row would rely on the same DPF certification, the vendor gives
    # a single DPF transfer.
    service = us_service()
    service.subprocessors.filter(country="US").delete()
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    return ActivityTransfer.objects.get(organisation=organisation, safeguard=TransferSafeguard.DPF)


def scc_transfer_in(activity, organisation, editor):
    """Add an uncertified US vendor relying on SCCs to `activity` and return its transfer."""
    service = us_service(name="Dialler", slug="dialler", dpf_certified=False, transfer_safeguards=["scc-2021"])
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    activity_fill_from_vendor_use(organisation=organisation, activity=activity, vendor_use=vendor_use, actor=editor)
    return activity.transfers.get(recipient="Dialler")


def test_autofill_leaves_check_date_empty(dpf_transfer):
    assert dpf_transfer.dpf_checked_on is None
    assert "Callcentre Cloud Ltd" in dpf_transfer.basis_note
    assert "2026-11-01" in dpf_transfer.basis_note
    assert "https://www.dataprivacyframework.gov/list" in dpf_transfer.basis_note


def test_unchecked_dpf_transfer_is_missing_item(dpf_transfer):
    dpf_transfer.activity.refresh_from_db()

    assert "transfer-dpf-check" in dpf_transfer.activity.missing_items
    assert "has not been checked" in str(missing_item_labels(["transfer-dpf-check"])[0])


def test_export_row_lists_dpf_check_missing(organisation, dpf_transfer):
    (activity,) = activities_for_export(organisation=organisation)

    row = activity_row(activity, organisation)

    assert "DPF certification of a US recipient has not been checked" in row["missing"]


def test_button_records_today_with_user(organisation, editor, client, dpf_transfer):
    client.force_login(editor)

    response = client.post(check_url(organisation, dpf_transfer), follow=True)

    assert response.redirect_chain[0][1] == HTTPStatus.FOUND
    dpf_transfer.refresh_from_db()
    assert dpf_transfer.dpf_checked_on == timezone.localdate()
    assert dpf_transfer.history.first().history_user == editor
    assert f"The DPF certification of {dpf_transfer.recipient} was recorded as checked on" in response.content.decode()
    dpf_transfer.activity.refresh_from_db()
    assert "transfer-dpf-check" not in dpf_transfer.activity.missing_items


def test_activity_page_shows_button_to_editor(organisation, editor, client, dpf_transfer):
    client.force_login(editor)

    page = client.get(
        reverse("records:activity_detail", kwargs={"org_slug": organisation.slug, "pk": dpf_transfer.activity_id})
    )

    assert check_url(organisation, dpf_transfer) in page.content.decode()
    assert "DPF certification not checked yet" in page.content.decode()


def test_viewer_cannot_record_check(organisation, viewer, client, dpf_transfer):
    client.force_login(viewer)

    page = client.get(
        reverse("records:activity_detail", kwargs={"org_slug": organisation.slug, "pk": dpf_transfer.activity_id})
    )
    response = client.post(check_url(organisation, dpf_transfer))

    assert check_url(organisation, dpf_transfer) not in page.content.decode()
    assert response.status_code == HTTPStatus.FORBIDDEN
    dpf_transfer.refresh_from_db()
    assert dpf_transfer.dpf_checked_on is None


def test_check_of_other_tenant_row_is_404(organisation, other_organisation, client, dpf_transfer):
    from tests.factories import member

    outsider_vendor = actions.vendor_use_create_from_service(
        organisation=other_organisation, service=dpf_transfer.activity.recipients.first().vendor_use.service, actor=None
    )
    actions.vendor_use_accept_proposals(organisation=other_organisation, vendor_use=outsider_vendor, actor=None)
    own_activity = outsider_vendor.recipient_rows.first().activity
    outsider = member(other_organisation, role="editor")
    client.force_login(outsider)

    # Organisation A's row under B's slug and B's own activity: both unknown to B.
    foreign = reverse(
        "records:activity_transfer_dpf_check",
        kwargs={"org_slug": other_organisation.slug, "pk": own_activity.pk, "transfer_pk": dpf_transfer.pk},
    )
    response = client.post(foreign)
    direct = client.post(check_url(organisation, dpf_transfer))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert direct.status_code == HTTPStatus.NOT_FOUND
    dpf_transfer.refresh_from_db()
    assert dpf_transfer.dpf_checked_on is None


def test_check_rejected_for_non_dpf_transfer(organisation, editor, dpf_transfer):
    scc_transfer = scc_transfer_in(dpf_transfer.activity, organisation, editor)

    with pytest.raises(ValidationError, match="does not rely on the Data Privacy Framework"):
        transfer_record_dpf_check(organisation=organisation, transfer=scc_transfer, actor=editor)

    scc_transfer.refresh_from_db()
    assert scc_transfer.dpf_checked_on is None


def test_check_date_in_future_rejected(organisation, editor, dpf_transfer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError, match="in the future"):
        transfer_record_dpf_check(organisation=organisation, transfer=dpf_transfer, actor=editor, checked_on=tomorrow)

    dpf_transfer.refresh_from_db()
    assert dpf_transfer.dpf_checked_on is None


def _formset_data(activity, transfer, **changes):
    prefix = "transfers"
    row = {
        "id": transfer.pk,
        "country": transfer.country.code,
        "recipient": transfer.recipient,
        "vendor_use": transfer.vendor_use_id or "",
        "safeguard": transfer.safeguard,
        "scc_module": transfer.scc_module,
        "basis_note": transfer.basis_note,
        "documentation_url": transfer.documentation_url,
        "dpf_checked_on": "",
    }
    row.update(changes)
    others = list(activity.transfers.exclude(pk=transfer.pk))
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(others) + 1),
        f"{prefix}-INITIAL_FORMS": str(len(others) + 1),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate([transfer, *others]):
        values = (
            row
            if item is transfer
            else {
                "id": item.pk,
                "country": item.country.code,
                "recipient": item.recipient,
                "vendor_use": item.vendor_use_id or "",
                "safeguard": item.safeguard,
                "scc_module": item.scc_module,
                "basis_note": item.basis_note,
                "documentation_url": item.documentation_url,
                "dpf_checked_on": "",
            }
        )
        for key, value in values.items():
            data[f"{prefix}-{index}-{key}"] = value
        data[f"{prefix}-{index}-activity"] = activity.pk
    return data


def test_formset_edits_check_date(organisation, editor, client, dpf_transfer):
    client.force_login(editor)
    activity = dpf_transfer.activity
    url = reverse(
        "records:activity_section_edit",
        kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "transfers"},
    )

    response = client.post(url, _formset_data(activity, dpf_transfer, dpf_checked_on="2026-12-01"))

    assert response.status_code == HTTPStatus.FOUND
    dpf_transfer.refresh_from_db()
    assert dpf_transfer.dpf_checked_on == datetime.date(2026, 12, 1)


def test_formset_rejects_date_on_scc_transfer(organisation, editor, dpf_transfer):
    activity = dpf_transfer.activity
    scc_transfer = scc_transfer_in(activity, organisation, editor)
    formset = SECTION_FORMSETS["transfers"](
        _formset_data(activity, scc_transfer, dpf_checked_on="2026-12-01"),
        instance=activity,
        organisation=organisation,
        prefix="transfers",
    )

    assert not formset.is_valid()
    assert "Only a transfer relying on the Data Privacy Framework" in str(formset.errors)


def test_dashboard_counts_unchecked_dpf_transfers(organisation, editor, client, dpf_transfer):
    client.force_login(editor)
    url = reverse("records:dashboard", kwargs={"org_slug": organisation.slug})

    before = client.get(url).content.decode()
    transfer_record_dpf_check(organisation=organisation, transfer=dpf_transfer, actor=editor)
    after = client.get(url).content.decode()

    assert "1 transfer relies on the DPF without a recorded check" in before
    assert "without a recorded check" not in after
