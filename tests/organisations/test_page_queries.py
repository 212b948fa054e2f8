"""Members and invitations pages: search, and a number of queries that does not grow with the rows."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.roles import Role
from tests.factories import InvitationFactory, member


def _add_rows(organisation, owner, count):
    for index in range(count):
        member(organisation, Role.EDITOR, full_name=f"Bulk Member {index}")
        InvitationFactory(organisation=organisation, invited_by=owner)


@pytest.mark.parametrize("url_name", ["organisation_members", "organisation_invitations"])
def test_query_count_constant(client, organisation, owner, django_assert_max_num_queries, url_name):
    url = reverse(url_name, kwargs={"org_slug": organisation.slug})
    _add_rows(organisation, owner, 2)
    client.force_login(owner)
    client.get(url)
    with CaptureQueriesContext(connection) as few_rows:
        assert client.get(url).status_code == HTTPStatus.OK

    _add_rows(organisation, owner, 30)

    with django_assert_max_num_queries(len(few_rows.captured_queries)):
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK


def test_members_search_by_name_and_email(client, organisation, owner):
    member(organisation, Role.VIEWER, full_name="Jeanne Dupont", email="j.dupont@example.test")
    member(organisation, Role.VIEWER, full_name="Marc Leroy", email="m.leroy@example.test")
    client.force_login(owner)
    url = reverse("organisation_members", kwargs={"org_slug": organisation.slug})

    by_name = client.get(url, {"q": "dupont"}).content.decode()
    by_email = client.get(url, {"q": "m.leroy"}).content.decode()

    assert "j.dupont@example.test" in by_name
    assert "m.leroy@example.test" not in by_name
    assert "m.leroy@example.test" in by_email
    assert "j.dupont@example.test" not in by_email


def test_members_owners_listed_first(client, organisation, owner):
    member(organisation, Role.VIEWER, email="aaa-viewer@example.test")
    client.force_login(owner)

    response = client.get(reverse("organisation_members", kwargs={"org_slug": organisation.slug}))

    memberships = list(response.context["memberships"])
    assert memberships[0].user == owner
    assert memberships[1].user.email == "aaa-viewer@example.test"
