"""Organisation, membership, invitation and account API endpoints."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from organisations.models import Invitation, Membership, Organisation
from organisations.roles import Role
from tests.factories import InvitationFactory, member

ROLES = [Role.VIEWER, Role.EDITOR, Role.ADMIN, Role.OWNER]


@pytest.fixture
def api():
    return APIClient()


def _url(name, **kwargs):
    return reverse(f"organisations_api:{name}", kwargs={"org_slug": "acme", **kwargs})


@pytest.mark.parametrize("role", ROLES)
def test_organisation_detail_readable_by_members(api, organisation, role):
    api.force_authenticate(member(organisation, role))

    response = api.get(_url("organisation-detail"))

    assert response.status_code == HTTPStatus.OK
    assert response.json()["slug"] == "acme"
    assert response.json()["role"] == role


@pytest.mark.parametrize(
    ("role", "expected"),
    [(Role.VIEWER, HTTPStatus.FORBIDDEN), (Role.EDITOR, HTTPStatus.FORBIDDEN), (Role.ADMIN, HTTPStatus.OK)],
)
def test_organisation_patch_by_role(api, organisation, role, expected):
    api.force_authenticate(member(organisation, role))

    response = api.patch(_url("organisation-detail"), {"dpo_name": "Jeanne Dupont"}, format="json")

    assert response.status_code == expected
    organisation.refresh_from_db()
    assert (organisation.dpo_name == "Jeanne Dupont") == (expected == HTTPStatus.OK)


def test_organisation_patch_ignores_slug(api, organisation, admin_user):
    api.force_authenticate(admin_user)

    response = api.patch(_url("organisation-detail"), {"slug": "renamed", "name": "Acme"}, format="json")

    assert response.status_code == HTTPStatus.OK
    organisation.refresh_from_db()
    assert organisation.slug == "acme"
    assert organisation.name == "Acme"


def test_organisation_patch_invalid_email(api, organisation, admin_user):
    api.force_authenticate(admin_user)

    response = api.patch(_url("organisation-detail"), {"contact_email": "nope"}, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "contact_email" in response.json()


def test_organisation_detail_other_tenant_404(api, organisation, other_organisation):
    api.force_authenticate(member(other_organisation, Role.OWNER))

    response = api.get(_url("organisation-detail"))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_membership_list_for_viewer(api, organisation, owner, viewer, other_organisation):
    member(other_organisation, Role.OWNER, email="outsider@example.test")
    api.force_authenticate(viewer)

    response = api.get(_url("membership-list"))

    assert response.status_code == HTTPStatus.OK
    emails = {row["email"] for row in response.json()["results"]}
    assert emails == {owner.email, viewer.email}


def test_membership_role_update_by_admin(api, organisation, admin_user, viewer):
    api.force_authenticate(admin_user)
    membership = Membership.objects.get(user=viewer)

    response = api.patch(_url("membership-detail", pk=membership.pk), {"role": "editor"}, format="json")

    assert response.status_code == HTTPStatus.OK
    assert response.json()["role"] == "editor"
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_membership_update_by_editor_forbidden(api, organisation, editor, viewer):
    api.force_authenticate(editor)
    membership = Membership.objects.get(user=viewer)

    response = api.patch(_url("membership-detail", pk=membership.pk), {"role": "admin"}, format="json")

    assert response.status_code == HTTPStatus.FORBIDDEN
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_membership_last_owner_demotion_400(api, organisation, owner):
    api.force_authenticate(owner)
    membership = Membership.objects.get(user=owner)

    response = api.patch(_url("membership-detail", pk=membership.pk), {"role": "admin"}, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "last owner" in str(response.json())
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_membership_owner_grant_by_admin_forbidden(api, organisation, owner, admin_user, viewer):
    api.force_authenticate(admin_user)
    membership = Membership.objects.get(user=viewer)

    response = api.patch(_url("membership-detail", pk=membership.pk), {"role": "owner"}, format="json")

    assert response.status_code == HTTPStatus.FORBIDDEN
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_membership_delete_by_admin(api, organisation, admin_user, viewer):
    api.force_authenticate(admin_user)
    membership = Membership.objects.get(user=viewer)

    response = api.delete(_url("membership-detail", pk=membership.pk))

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_membership_of_other_tenant_404(api, organisation, admin_user, other_organisation):
    outsider = member(other_organisation, Role.VIEWER)
    foreign = Membership.objects.get(user=outsider)
    api.force_authenticate(admin_user)

    response = api.delete(_url("membership-detail", pk=foreign.pk))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_invitation_create_by_admin(api, organisation, admin_user, other_organisation, mailoutbox):
    api.force_authenticate(admin_user)

    response = api.post(
        _url("invitation-list"),
        {"email": "new@example.test", "role": "editor", "organisation": other_organisation.pk},
        format="json",
    )

    assert response.status_code == HTTPStatus.CREATED, response.json()
    assert response.json()["status"] == "pending"
    invitation = Invitation.objects.get(email="new@example.test")
    assert invitation.organisation == organisation
    assert "token" not in response.json()


def test_invitation_create_duplicate_400(api, organisation, admin_user):
    InvitationFactory(organisation=organisation, email="new@example.test")
    api.force_authenticate(admin_user)

    response = api.post(_url("invitation-list"), {"email": "new@example.test", "role": "viewer"}, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "pending invitation" in str(response.json()["email"])


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_invitations_below_admin_forbidden(api, organisation, role):
    api.force_authenticate(member(organisation, role))

    listing = api.get(_url("invitation-list"))
    creation = api.post(_url("invitation-list"), {"email": "new@example.test"}, format="json")

    assert listing.status_code == HTTPStatus.FORBIDDEN
    assert creation.status_code == HTTPStatus.FORBIDDEN
    assert not Invitation.objects.exists()


def test_invitation_delete_revokes(api, organisation, admin_user):
    invitation = InvitationFactory(organisation=organisation)
    api.force_authenticate(admin_user)

    response = api.delete(_url("invitation-detail", pk=invitation.pk))
    listing = api.get(_url("invitation-list"))

    assert response.status_code == HTTPStatus.NO_CONTENT
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert listing.json()["results"][0]["status"] == "revoked"


def test_account_organisation_list(api, organisation, viewer, other_organisation):
    Membership.objects.create(organisation=other_organisation, user=viewer, role=Role.ADMIN)
    api.force_authenticate(viewer)

    response = api.get(reverse("account_api:organisation-list"))

    assert response.status_code == HTTPStatus.OK
    rows = response.json()["results"]
    assert {(row["slug"], row["role"]) for row in rows} == {("acme", "viewer"), ("globex", "admin")}


def test_token_authentication(organisation, viewer):
    token = Token.objects.create(user=viewer)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = client.get(_url("organisation-detail"))

    assert response.status_code == HTTPStatus.OK
    assert Organisation.objects.count() == 1


def test_invitation_resend_new_expiry(api, organisation, admin_user, mailoutbox, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(organisation=organisation, expires_at=timezone.now() - timedelta(days=1))
    api.force_authenticate(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(_url("invitation-resend", pk=invitation.pk))

    assert response.status_code == HTTPStatus.OK
    assert response.json()["status"] == "pending"
    assert len(mailoutbox) == 1


def test_invitation_resend_revoked_400(api, organisation, admin_user, mailoutbox):
    invitation = InvitationFactory(organisation=organisation, revoked_at=timezone.now())
    api.force_authenticate(admin_user)

    response = api.post(_url("invitation-resend", pk=invitation.pk))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "revoked" in str(response.json())
    assert mailoutbox == []
