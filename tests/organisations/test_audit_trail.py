"""The audit trail page: entries of the organisation only, changed fields, filter, pagination, query count."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.actions import invitation_revoke, membership_change_role, organisation_update
from organisations.audit import audit_entry_page, audited_models
from organisations.models import Membership
from organisations.roles import Role
from tests.factories import InvitationFactory, member

AUDIT_URL = reverse("organisation_audit", kwargs={"org_slug": "acme"})


def _add_activity(organisation, actor, count):
    for index in range(count):
        invitation = InvitationFactory(organisation=organisation, email=f"bulk{index}-{organisation.slug}@example.test")
        invitation_revoke(organisation=organisation, actor=actor, invitation=invitation)
        user = member(organisation, Role.VIEWER)
        membership_change_role(
            organisation=organisation,
            actor=actor,
            membership=Membership.objects.get(organisation=organisation, user=user),
            role=Role.EDITOR,
        )


def test_update_shows_who_and_changed_fields(client, organisation, owner):
    organisation_update(organisation=organisation, actor=owner, dpo_name="Jeanne Dupont")
    client.force_login(owner)

    response = client.get(AUDIT_URL)

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "DPO name" in body
    assert "Jeanne Dupont" in body
    assert owner.email in body


def test_entries_newest_first(organisation, owner):
    organisation_update(organisation=organisation, actor=owner, legal_name="First change SAS")
    organisation_update(organisation=organisation, actor=owner, legal_name="Second change SAS")

    entries = audit_entry_page(organisation=organisation).object_list

    assert entries[0].changes[0].new == "Second change SAS"
    assert entries[0].changes[0].old == "First change SAS"
    assert entries[1].changes[0].new == "First change SAS"
    assert entries[0].user == owner


def test_other_organisation_entries_hidden(client, organisation, owner, other_organisation):
    other_owner = member(other_organisation, Role.OWNER)
    organisation_update(organisation=other_organisation, actor=other_owner, dpo_name="Other Org DPO")
    InvitationFactory(organisation=other_organisation, email="hidden-invitee@example.test")
    client.force_login(owner)

    response = client.get(AUDIT_URL)

    body = response.content.decode()
    assert "Other Org DPO" not in body
    assert "hidden-invitee@example.test" not in body
    assert other_owner.email not in body


def test_filter_by_model(organisation, owner):
    organisation_update(organisation=organisation, actor=owner, dpo_name="Jeanne Dupont")
    InvitationFactory(organisation=organisation, email="filtered@example.test")

    entries = audit_entry_page(organisation=organisation, model_label="organisations.invitation").object_list

    assert [entry.object_label for entry in entries] == ["filtered@example.test"]


def test_unknown_filter_shows_all(client, organisation, owner):
    InvitationFactory(organisation=organisation, email="listed@example.test")
    client.force_login(owner)

    response = client.get(AUDIT_URL, {"model": "auth.user"})

    assert response.status_code == HTTPStatus.OK
    assert "listed@example.test" in response.content.decode()


def test_paginated(organisation, owner):
    _add_activity(organisation, owner, 30)

    first = audit_entry_page(organisation=organisation, page_number=1)
    second = audit_entry_page(organisation=organisation, page_number=2)

    assert len(first.object_list) == 50
    assert first.paginator.count > 100
    assert {(e.model_label, e.history_date) for e in first.object_list}.isdisjoint(
        {(e.model_label, e.history_date) for e in second.object_list}
    )


def test_page_query_count_constant(client, organisation, owner, django_assert_max_num_queries):
    _add_activity(organisation, owner, 2)
    client.force_login(owner)
    client.get(AUDIT_URL)
    with CaptureQueriesContext(connection) as few_rows:
        assert client.get(AUDIT_URL).status_code == HTTPStatus.OK

    _add_activity(organisation, owner, 40)

    with django_assert_max_num_queries(len(few_rows.captured_queries)):
        response = client.get(AUDIT_URL)
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["page_obj"].object_list) == 50


def test_every_owned_model_listed(client, worlds):
    organisation = worlds["organisation"]
    owner = worlds["members"][Role.OWNER]
    client.force_login(owner)

    response = client.get(reverse("organisation_audit", kwargs={"org_slug": organisation.slug}))
    entries = audit_entry_page(organisation=organisation, page_size=10_000).object_list
    labels = {entry.model_label for entry in entries}

    assert response.status_code == HTTPStatus.OK
    assert worlds.other.sentinel not in response.content.decode()
    expected = {label for label, _model, _history in audited_models()}
    assert labels == expected
