"""Which role may open and submit each organisation page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from organisations.models import Membership, Organisation
from organisations.roles import Role
from tests.factories import member

ROLES = [Role.VIEWER, Role.EDITOR, Role.ADMIN, Role.OWNER]

# (url name, lowest role that may GET it, lowest role that may POST to it)
PAGES = [
    ("organisation_dashboard", Role.VIEWER, None),
    ("organisation_members", Role.VIEWER, None),
    ("organisation_settings", Role.ADMIN, Role.ADMIN),
    ("organisation_invitations", Role.ADMIN, Role.ADMIN),
    ("organisation_audit", Role.ADMIN, None),
    ("organisation_transfer", Role.OWNER, Role.OWNER),
    ("organisation_delete", Role.OWNER, Role.OWNER),
    ("organisation_leave", Role.VIEWER, Role.VIEWER),
]


def _rank(role):
    return ROLES.index(role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "read_role", "write_role"), PAGES)
def test_page_get_by_role(client, organisation, role, url_name, read_role, write_role):
    user = member(organisation, role)
    client.force_login(user)

    response = client.get(reverse(url_name, kwargs={"org_slug": organisation.slug}), follow=True)

    expected = HTTPStatus.OK if _rank(role) >= _rank(read_role) else HTTPStatus.FORBIDDEN
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("url_name", "data"),
    [
        ("organisation_settings", {"name": "Changed"}),
        ("organisation_invitations", {"email": "new@example.test", "role": "viewer"}),
        ("organisation_transfer", {"confirmation": "acme"}),
        ("organisation_delete", {"confirmation": "acme"}),
    ],
)
@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_post_below_admin_forbidden(client, organisation, owner, role, url_name, data):
    user = member(organisation, role)
    client.force_login(user)

    response = client.post(reverse(url_name, kwargs={"org_slug": organisation.slug}), data)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Organisation.objects.filter(pk=organisation.pk, name="Acme Analytics").exists()


def test_editor_cannot_change_roles(client, organisation, editor, viewer):
    client.force_login(editor)
    membership = Membership.objects.get(user=viewer)

    response = client.post(
        reverse("membership_role", kwargs={"org_slug": organisation.slug, "pk": membership.pk}), {"role": "admin"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_editor_cannot_remove_members(client, organisation, editor, viewer):
    client.force_login(editor)
    membership = Membership.objects.get(user=viewer)

    response = client.post(reverse("membership_remove", kwargs={"org_slug": organisation.slug, "pk": membership.pk}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize("role", [Role.ADMIN])
def test_admin_cannot_delete_or_transfer(client, organisation, owner, role):
    user = member(organisation, role)
    client.force_login(user)

    delete = client.post(
        reverse("organisation_delete", kwargs={"org_slug": organisation.slug}), {"confirmation": "acme"}
    )
    transfer = client.post(
        reverse("organisation_transfer", kwargs={"org_slug": organisation.slug}),
        {"new_owner": user.pk, "confirmation": "acme"},
    )

    assert delete.status_code == HTTPStatus.FORBIDDEN
    assert transfer.status_code == HTTPStatus.FORBIDDEN
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Membership.objects.get(user=owner).role == Role.OWNER


def test_non_member_gets_404(client, organisation, other_organisation):
    outsider = member(other_organisation, Role.OWNER)
    client.force_login(outsider)

    for url_name, _read, _write in PAGES:
        response = client.get(reverse(url_name, kwargs={"org_slug": organisation.slug}))
        assert response.status_code == HTTPStatus.NOT_FOUND, url_name


def test_anonymous_redirected_to_sign_in(client, organisation):
    response = client.get(reverse("organisation_members", kwargs={"org_slug": organisation.slug}))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
