"""Catalogue updates reaching the processing activities filled from a vendor: the diff, the review page, the API."""

import datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from organisations.roles import Role
from records import actions, selectors
from records.activity_catalogue_diff import CHANGE, KEPT, REMOVE
from records.activity_catalogue_update import vendor_use_activity_diffs
from records.forms import SECTION_FORMSETS
from records.models import ActivityPurpose, ActivityRecipient, ActivityTransfer, ProcessingActivity, RetentionPeriod
from services.models import LegalBasis, SubProcessor
from tests.factories import member
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db

DATA_RETENTION_ROW = "Data held by Callcentre Cloud"


@pytest.fixture
def vendor_use(organisation, editor):
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=us_service(), actor=editor)
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    return vendor_use


@pytest.fixture
def activity(organisation, vendor_use):
    return ProcessingActivity.objects.for_organisation(organisation).order_by("pk").first()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def publish(service, **values):
    """Save `values` on the catalogue entry and raise its version, as a catalogue release does."""
    for field, value in values.items():
        setattr(service, field, value)
    service.version += 1
    service.save()


def add_speech_subprocessor(service):
    SubProcessor.objects.create(
        service=service, name="Speech AI Corp", purpose="Transcription", country="US", position=2
    )


def fresh_vendor_use(vendor_use):
    """Return the vendor use with its service and the service's rows loaded again, as a new request would."""
    return selectors.vendor_use_get(organisation=vendor_use.organisation, pk=vendor_use.pk)


def diff_of(organisation, vendor_use, activity):
    diffs = vendor_use_activity_diffs(organisation=organisation, vendor_use=fresh_vendor_use(vendor_use))
    return next(diff for diff in diffs if diff.activity.pk == activity.pk)


def items(diff, section):
    return [item for item in [*diff.additions, *diff.changes, *diff.removals, *diff.kept] if item.section == section]


def review_url(organisation, vendor_use):
    return reverse("records:vendor_catalogue_update", kwargs={"org_slug": organisation.slug, "pk": vendor_use.pk})


def formset_post_data(organisation, activity, section):
    """Return the POST data of a section form as the page renders it, every row unchanged."""
    formset = SECTION_FORMSETS[section](instance=activity, organisation=organisation, prefix=section)
    data = {f"{section}-{key}": value for key, value in formset.management_form.initial.items()}
    data[f"{section}-TOTAL_FORMS"] = str(len(formset.initial_forms))
    for index, form in enumerate(formset.initial_forms):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[f"{section}-{index}-{name}"] = getattr(value, "pk", value)
    return data


def test_unchanged_catalogue_proposes_nothing(organisation, vendor_use, activity):
    diff = diff_of(organisation, vendor_use, activity)

    assert diff.is_empty


def test_new_subprocessor_proposes_recipient_and_transfer(organisation, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    publish(service)

    diff = diff_of(organisation, vendor_use, activity)

    added = {(item.section, item.key) for item in diff.additions}
    assert ("recipients", ("sub-processor", "Speech AI Corp")) in added
    assert ("transfers", ("US", "Speech AI Corp")) in added
    assert not diff.changes
    assert not diff.removals


def test_dpf_check_date_survives_catalogue_update(organisation, editor, vendor_use, activity):
    transfer = ActivityTransfer.objects.get(activity=activity, country="US", recipient=vendor_use.vendor_name)
    assert transfer.safeguard == "dpf"
    assert transfer.dpf_checked_on is None
    transfer.dpf_checked_on = datetime.date(2026, 11, 30)
    transfer.save()
    add_speech_subprocessor(vendor_use.service)
    publish(vendor_use.service, data_retention="Recordings are deleted after 90 days.")

    diff = diff_of(organisation, vendor_use, activity)
    plan = [item.choice for item in [*diff.additions, *diff.changes]]
    actions.vendor_use_catalogue_apply(
        organisation=organisation,
        vendor_use=fresh_vendor_use(vendor_use),
        actor=editor,
        activity_choices=plan,
        expected_version=vendor_use.service.version,
    )

    transfer.refresh_from_db()
    assert [item.key for item in diff.changes] == [(DATA_RETENTION_ROW,)]
    assert transfer.dpf_checked_on == datetime.date(2026, 11, 30)


def test_retention_subject_change_is_proposed(organisation, vendor_use, activity):
    row = RetentionPeriod.objects.get(activity=activity, data_category=DATA_RETENTION_ROW)
    RetentionPeriod.objects.filter(pk=row.pk).update(applies_to="cookies")

    diff = diff_of(organisation, vendor_use, activity)

    (change,) = diff.changes
    assert [difference.field for difference in change.fields] == ["applies_to"]


def test_changed_retention_text_proposes_change(organisation, vendor_use, activity):
    publish(vendor_use.service, data_retention="Recordings are deleted after 90 days.")

    diff = diff_of(organisation, vendor_use, activity)

    (change,) = diff.changes
    assert change.action == CHANGE
    assert change.key == (DATA_RETENTION_ROW,)
    assert [difference.field for difference in change.fields] == ["period"]
    assert change.fields[0].current == "Recordings are kept as configured per queue."
    assert change.fields[0].proposed == "Recordings are deleted after 90 days."


def test_dropped_legal_basis_proposes_removal(organisation, vendor_use, activity):
    LegalBasis.objects.filter(service=vendor_use.service, basis="consent").delete()
    publish(vendor_use.service)

    diff = diff_of(organisation, vendor_use, activity)

    (removal,) = diff.removals
    assert removal.action == REMOVE
    assert removal.key == ("call recording.",)
    assert removal.choice


def test_section_form_marks_prefilled_row_edited(organisation, editor_client, activity):
    row = RetentionPeriod.objects.get(activity=activity, data_category=DATA_RETENTION_ROW)
    rows = list(activity.retention_periods.order_by("pk"))
    index = rows.index(row)
    data = formset_post_data(organisation, activity, "retention")
    data[f"retention-{index}-period"] = "Deleted after 30 days, as agreed with the works council."

    response = editor_client.post(
        reverse(
            "records:activity_section_edit",
            kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "retention"},
        ),
        data,
    )

    assert response.status_code == HTTPStatus.FOUND
    row.refresh_from_db()
    assert row.period == "Deleted after 30 days, as agreed with the works council."
    assert row.source["edited"] is True
    assert row.source["service"] == "callcentre-cloud"
    untouched = [other for other in activity.retention_periods.all() if other.pk != row.pk]
    assert untouched
    assert all("edited" not in other.source for other in untouched)


def test_edited_row_is_never_offered(organisation, editor_client, vendor_use, activity):
    row = RetentionPeriod.objects.get(activity=activity, data_category=DATA_RETENTION_ROW)
    rows = list(activity.retention_periods.order_by("pk"))
    data = formset_post_data(organisation, activity, "retention")
    data[f"retention-{rows.index(row)}-period"] = "Our own period."
    editor_client.post(
        reverse(
            "records:activity_section_edit",
            kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "retention"},
        ),
        data,
    )
    publish(vendor_use.service, data_retention="Recordings are deleted after 90 days.")

    diff = diff_of(organisation, vendor_use, activity)
    page = editor_client.get(review_url(organisation, vendor_use)).content.decode()

    assert not diff.changes
    (kept,) = diff.kept
    assert kept.action == KEPT
    assert kept.kept_action == CHANGE
    assert kept.choice == ""
    assert "kept, edited by you" in page


def test_edited_row_is_never_removed(organisation, vendor_use, activity):
    row = ActivityPurpose.objects.get(activity=activity, purpose="call recording.")
    row.source = {**row.source, "edited": True}
    row.save()
    LegalBasis.objects.filter(service=vendor_use.service, basis="consent").delete()
    publish(vendor_use.service)

    diff = diff_of(organisation, vendor_use, activity)

    assert not diff.removals
    assert [(item.kept_action, item.key) for item in diff.kept] == [(REMOVE, ("call recording.",))]


def test_renamed_row_is_not_proposed_again(organisation, editor_client, vendor_use, activity):
    rows = list(activity.purposes.order_by("pk"))
    index = [row.purpose for row in rows].index("answering enquiries.")
    data = formset_post_data(organisation, activity, "purposes")
    data[f"purposes-{index}-purpose"] = "Answering customer enquiries by phone"
    editor_client.post(
        reverse(
            "records:activity_section_edit",
            kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "purposes"},
        ),
        data,
    )
    publish(vendor_use.service, summary="New summary.")

    diff = diff_of(organisation, vendor_use, activity)

    assert not items(diff, "purposes")


def test_review_page_applies_chosen_rows(organisation, editor, editor_client, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    LegalBasis.objects.filter(service=service, basis="consent").delete()
    publish(service, data_retention="Recordings are deleted after 90 days.")
    diff = diff_of(organisation, vendor_use, activity)
    chosen = [item.choice for item in [*diff.additions, *diff.changes, *diff.removals]]

    page = editor_client.get(review_url(organisation, vendor_use))
    response = editor_client.post(
        review_url(organisation, vendor_use), {"activity_changes": chosen, "catalogue_version": service.version}
    )

    assert page.status_code == HTTPStatus.OK
    assert response.status_code == HTTPStatus.FOUND
    recipient = ActivityRecipient.objects.get(activity=activity, name="Speech AI Corp")
    assert recipient.vendor_use_id == vendor_use.pk
    assert recipient.source["version"] == 2
    transfer = ActivityTransfer.objects.get(activity=activity, recipient="Speech AI Corp")
    assert transfer.country == "US"
    retention = RetentionPeriod.objects.get(activity=activity, data_category=DATA_RETENTION_ROW)
    assert retention.period == "Recordings are deleted after 90 days."
    assert retention.source["version"] == 2
    assert not ActivityPurpose.objects.filter(activity=activity, purpose="call recording.").exists()
    assert retention.history.latest().history_user == editor
    activity.refresh_from_db()
    recipient_sources = {entry["service"]: entry["version"] for entry in activity.provenance["recipients"]}
    assert recipient_sources["callcentre-cloud"] == 2
    vendor_use.refresh_from_db()
    assert vendor_use.catalogue_version == 2
    assert vendor_use.needs_catalogue_review is False
    assert diff_of(organisation, vendor_use, activity).is_empty
    after = editor_client.get(review_url(organisation, vendor_use)).content.decode()
    assert "reviewed against version 2 of the catalogue entry, the current one" in after
    assert "now at version 2" not in after


def test_review_page_ticks_additions_not_removals(organisation, editor_client, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    LegalBasis.objects.filter(service=service, basis="consent").delete()
    publish(service)
    diff = diff_of(organisation, vendor_use, activity)

    page = editor_client.get(review_url(organisation, vendor_use)).content.decode()

    for item in diff.additions:
        assert f'value="{item.choice}" id="choice-{item.choice}" checked' in page
    (removal,) = diff.removals
    assert f'value="{removal.choice}" id="choice-{removal.choice}">' in page


def test_stale_choice_changes_nothing(organisation, editor, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    publish(service, data_retention="Recordings are deleted after 90 days.", dpa_url="https://callcentre.example/v2")
    diff = diff_of(organisation, vendor_use, activity)
    chosen = [item.choice for item in [*diff.additions, *diff.changes]]
    # The row changes after the page was shown, so its proposed change no longer matches.
    RetentionPeriod.objects.filter(activity=activity, data_category=DATA_RETENTION_ROW).update(
        period="Changed meanwhile"
    )

    with pytest.raises(ValidationError) as error:
        actions.vendor_use_catalogue_apply(
            organisation=organisation,
            vendor_use=fresh_vendor_use(vendor_use),
            actor=editor,
            fields=["dpa_url"],
            activity_choices=chosen,
        )

    assert "Retention periods of" in " ".join(error.value.messages)
    assert "Nothing was changed" in " ".join(error.value.messages)
    assert not ActivityRecipient.objects.filter(activity=activity, name="Speech AI Corp").exists()
    vendor_use.refresh_from_db()
    assert vendor_use.dpa_url != "https://callcentre.example/v2"
    assert vendor_use.catalogue_version == 1


def test_unknown_choice_is_rejected(organisation, editor, vendor_use, activity):
    publish(vendor_use.service)

    with pytest.raises(ValidationError, match="matches no proposed change"):
        actions.vendor_use_catalogue_apply(
            organisation=organisation, vendor_use=fresh_vendor_use(vendor_use), actor=editor, activity_choices=["x"]
        )

    vendor_use.refresh_from_db()
    assert vendor_use.catalogue_version == 1


def test_newer_catalogue_version_is_rejected(organisation, editor, editor_client, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    publish(service)
    diff = diff_of(organisation, vendor_use, activity)
    shown_version = service.version
    publish(service, summary="Another release.")

    response = editor_client.post(
        review_url(organisation, vendor_use),
        {"activity_changes": [item.choice for item in diff.additions], "catalogue_version": shown_version},
        follow=True,
    )

    assert "changed to version 3 while you reviewed version 2" in response.content.decode()
    assert not ActivityRecipient.objects.filter(activity=activity, name="Speech AI Corp").exists()
    vendor_use.refresh_from_db()
    assert vendor_use.catalogue_version == 1


def test_viewer_cannot_apply(organisation, viewer, client, vendor_use, activity):
    add_speech_subprocessor(vendor_use.service)
    publish(vendor_use.service)
    diff = diff_of(organisation, vendor_use, activity)
    client.force_login(viewer)

    page = client.get(review_url(organisation, vendor_use))
    response = client.post(review_url(organisation, vendor_use), {"activity_changes": [diff.additions[0].choice]})

    assert page.status_code == HTTPStatus.OK
    assert "Take the selected values" not in page.content.decode()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not ActivityRecipient.objects.filter(name="Speech AI Corp").exists()


def test_review_page_queries_bounded(organisation, editor, editor_client, vendor_use, django_assert_max_num_queries):
    service = vendor_use.service
    add_speech_subprocessor(service)
    LegalBasis.objects.filter(service=service, basis="consent").delete()
    publish(service, data_retention="Recordings are deleted after 90 days.")

    def link_activities(count):
        """Link `count` activities filled from the vendor, with their rows set back to catalogue version 1."""
        for _number in range(count):
            extra = actions.activity_create(
                organisation=organisation, actor=editor, name=f"Support line {ProcessingActivity.objects.count()}"
            )
            actions.activity_fill_from_vendor_use(
                organisation=organisation, activity=extra, vendor_use=vendor_use, actor=editor
            )
            extra.recipients.filter(name="Speech AI Corp").delete()
            extra.transfers.filter(recipient="Speech AI Corp").delete()
            extra.retention_periods.filter(data_category=DATA_RETENTION_ROW).update(period="Kept per queue.")
            ActivityPurpose.objects.create(
                organisation=organisation,
                activity=extra,
                purpose="call recording.",
                legal_basis="consent",
                source={"service": service.slug, "name": service.name, "version": 1},
            )

    link_activities(1)
    with CaptureQueriesContext(connection) as queries:
        assert editor_client.get(review_url(organisation, vendor_use)).status_code == HTTPStatus.OK
    small = len(queries.captured_queries)

    link_activities(6)

    with django_assert_max_num_queries(small):
        response = editor_client.get(review_url(organisation, vendor_use))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert page.count("Support line") == 7
    assert page.count("Delete Purposes and legal bases: call recording.") == 8


@pytest.fixture
def api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def api_url(organisation, path):
    return f"/api/v1/o/{organisation.slug}/{path}"


def test_api_child_list_marks_changed_row_edited(organisation, api, activity):
    response = api.get(api_url(organisation, f"activities/{activity.pk}/"))
    rows = response.json()["retention_periods"]
    for row in rows:
        if row["data_category"] == DATA_RETENTION_ROW:
            row["period"] = "Deleted after 30 days."

    updated = api.patch(api_url(organisation, f"activities/{activity.pk}/"), {"retention_periods": rows}, format="json")

    assert updated.status_code == HTTPStatus.OK
    edited = RetentionPeriod.objects.get(activity=activity, data_category=DATA_RETENTION_ROW)
    assert edited.period == "Deleted after 30 days."
    assert edited.source["edited"] is True
    assert edited.source["service"] == "callcentre-cloud"
    unchanged = RetentionPeriod.objects.exclude(pk=edited.pk).get(activity=activity)
    assert unchanged.source == {"service": "callcentre-cloud", "name": "Callcentre Cloud", "version": 1}


def test_api_child_list_still_replaces_rows(organisation, api, activity):
    response = api.patch(
        api_url(organisation, f"activities/{activity.pk}/"),
        {"retention_periods": [{"data_category": "Invoices", "period": "10 years"}]},
        format="json",
    )

    assert response.status_code == HTTPStatus.OK
    assert list(activity.retention_periods.values_list("data_category", "period", "source")) == [
        ("Invoices", "10 years", {})
    ]


def test_api_diff_and_apply_activity_rows(organisation, api, vendor_use, activity):
    service = vendor_use.service
    add_speech_subprocessor(service)
    publish(service)

    diff = api.get(api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-diff/")).json()
    (activity_diff,) = [entry for entry in diff["activities"] if entry["activity"] == activity.pk]
    choices = [item["choice"] for item in activity_diff["additions"]]
    stale = api.post(
        api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-apply/"),
        {"activity_changes": [*choices, "0-recipients-add-0"]},
        format="json",
    )
    applied = api.post(
        api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-apply/"),
        {"activity_changes": choices, "catalogue_version": diff["to_version"]},
        format="json",
    )

    assert {tuple(item["key"]) for item in activity_diff["additions"]} == {
        ("sub-processor", "Speech AI Corp"),
        ("US", "Speech AI Corp"),
    }
    assert stale.status_code == HTTPStatus.BAD_REQUEST
    assert applied.status_code == HTTPStatus.OK
    assert applied.json()["catalogue_version"] == 2
    assert ActivityRecipient.objects.filter(activity=activity, name="Speech AI Corp").count() == 1
    assert ActivityTransfer.objects.filter(activity=activity, recipient="Speech AI Corp").count() == 1


def test_api_diff_hides_other_organisations_activities(organisation, other_organisation, api, vendor_use, activity):

    outsider = member(other_organisation, Role.OWNER)
    theirs = actions.vendor_use_create_from_service(
        organisation=other_organisation, service=vendor_use.service, actor=outsider
    )
    actions.vendor_use_accept_proposals(organisation=other_organisation, vendor_use=theirs, actor=outsider)
    add_speech_subprocessor(vendor_use.service)
    publish(vendor_use.service)

    ours = api.get(api_url(organisation, f"vendor-uses/{vendor_use.pk}/catalogue-diff/")).json()
    foreign = api.get(api_url(organisation, f"vendor-uses/{theirs.pk}/catalogue-diff/"))

    assert [entry["activity"] for entry in ours["activities"]] == [activity.pk]
    assert foreign.status_code == HTTPStatus.NOT_FOUND


def field_proposals(organisation, vendor_use, activity, field):
    diff = diff_of(organisation, vendor_use, activity)
    return [proposal for proposal in diff.field_proposals if proposal.field == field]


def test_new_data_subject_category_proposed_and_taken(organisation, editor, vendor_use, activity):
    publish(vendor_use.service, data_subject_categories=["callers", "customers", "employees"])

    (proposal,) = field_proposals(organisation, vendor_use, activity, "data_subject_categories")
    actions.vendor_use_catalogue_apply(
        organisation=organisation,
        vendor_use=fresh_vendor_use(vendor_use),
        actor=editor,
        activity_choices=[proposal.choice],
    )

    assert proposal.action == "add"
    assert proposal.value == "employees"
    activity.refresh_from_db()
    assert activity.data_subject_categories == ["callers", "customers", "employees"]
    assert activity.provenance["data_subject_categories"][0]["version"] == 2
    assert activity.history.latest().history_user == editor


def test_edited_data_subjects_are_kept(organisation, editor, vendor_use, activity):
    actions.activity_update(
        organisation=organisation, activity=activity, actor=editor, changes={"data_subject_categories": ["callers"]}
    )
    publish(vendor_use.service, data_subject_categories=["callers", "customers", "employees"])

    proposals = field_proposals(organisation, vendor_use, activity, "data_subject_categories")

    assert [proposal.action for proposal in proposals] == [KEPT, KEPT]
    assert all(proposal.choice == "" for proposal in proposals)


def test_changed_security_measures_replace_their_line(organisation, editor, vendor_use, activity):
    publish(vendor_use.service, security_measures=["Encryption at rest"])

    (proposal,) = field_proposals(organisation, vendor_use, activity, "security_measures")
    actions.vendor_use_catalogue_apply(
        organisation=organisation,
        vendor_use=fresh_vendor_use(vendor_use),
        actor=editor,
        activity_choices=[proposal.choice],
    )

    assert proposal.action == "change"
    activity.refresh_from_db()
    assert activity.security_measures == ("Callcentre Cloud: Encryption at rest; certifications: ISO/IEC 27001.")


def test_dpia_turned_off_by_user_is_kept(organisation, editor, vendor_use, activity):
    actions.activity_update(
        organisation=organisation, activity=activity, actor=editor, changes={"dpia_required": False}
    )
    publish(vendor_use.service, summary="New summary.")

    (proposal,) = field_proposals(organisation, vendor_use, activity, "dpia_required")

    assert proposal.action == KEPT
    assert proposal.choice == ""


def test_new_dpia_criteria_propose_dpia(organisation, editor, editor_client):
    service = ServiceFactory(name="Visit Counter", slug="visit-counter")
    vendor_use = actions.vendor_use_create_from_service(organisation=organisation, service=service, actor=editor)
    (activity,) = actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=editor)
    publish(service, screening_systematic_monitoring=True, screening_large_scale=True)

    (proposal,) = field_proposals(organisation, vendor_use, activity, "dpia_required")
    page = editor_client.get(review_url(organisation, vendor_use)).content.decode()
    editor_client.post(
        review_url(organisation, vendor_use), {"activity_changes": [proposal.choice], "catalogue_version": 2}
    )

    assert f'value="{proposal.choice}"' in page
    activity.refresh_from_db()
    assert activity.dpia_required is True
    assert "Visit Counter: WP248 criteria met" in activity.dpia_reason
    assert activity.provenance["dpia_required"][0]["version"] == 2


def test_deleted_row_is_offered_unticked(organisation, editor_client, vendor_use, activity):
    rows = list(activity.recipients.all())
    index = [row.name for row in rows].index("Hosting Inc.")
    data = formset_post_data(organisation, activity, "recipients")
    data[f"recipients-{index}-DELETE"] = "on"
    deleted = editor_client.post(
        reverse(
            "records:activity_section_edit",
            kwargs={"org_slug": organisation.slug, "pk": activity.pk, "section": "recipients"},
        ),
        data,
    )
    publish(vendor_use.service, summary="New summary.")

    diff = diff_of(organisation, vendor_use, activity)
    page = editor_client.get(review_url(organisation, vendor_use)).content.decode()

    assert deleted.status_code == HTTPStatus.FOUND
    (addition,) = [item for item in diff.additions if item.section == "recipients"]
    assert addition.key == ("sub-processor", "Hosting Inc.")
    assert addition.deleted_on is not None
    assert f'value="{addition.choice}" id="choice-{addition.choice}">' in page
    assert "deleted from this activity on" in page


def test_many_stale_choices_are_counted(organisation, editor, vendor_use, activity):
    choices = [f"{activity.pk}-recipients-add-{number}" for number in range(12)]

    with pytest.raises(ValidationError) as error:
        actions.vendor_use_catalogue_apply(
            organisation=organisation, vendor_use=fresh_vendor_use(vendor_use), actor=editor, activity_choices=choices
        )

    messages = error.value.messages
    assert len(messages) == 12
    assert messages[0].startswith("Recipients of “Customer support and contact handling”")
    assert messages[10] == "2 more choices match no proposed change."
