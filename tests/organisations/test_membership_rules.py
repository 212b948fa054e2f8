"""Role changes, removals, leaving and ownership transfer, with the last-owner rules."""

from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from organisations.actions import (
    membership_change_role,
    membership_leave,
    membership_remove,
    organisation_delete,
    organisation_transfer_ownership,
)
from organisations.models import Invitation, Membership, Organisation
from organisations.roles import Role
from tests.factories import InvitationFactory, member


def _membership(organisation, user):
    return Membership.objects.get(organisation=organisation, user=user)


def test_last_owner_cannot_be_demoted(organisation, owner):
    membership = _membership(organisation, owner)

    with pytest.raises(ValidationError, match="last owner"):
        membership_change_role(organisation=organisation, actor=owner, membership=membership, role=Role.ADMIN)

    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_owner_demoted_when_another_owner_exists(organisation, owner):
    second = member(organisation, Role.OWNER)

    membership_change_role(
        organisation=organisation, actor=owner, membership=_membership(organisation, second), role=Role.EDITOR
    )

    assert _membership(organisation, second).role == Role.EDITOR


def test_last_owner_cannot_leave(organisation, owner):
    with pytest.raises(ValidationError, match="last owner"):
        membership_leave(organisation=organisation, actor=owner)

    assert Membership.objects.filter(organisation=organisation, user=owner).exists()


def test_admin_cannot_remove_owner(organisation, owner, admin_user):
    with pytest.raises(PermissionDenied):
        membership_remove(organisation=organisation, actor=admin_user, membership=_membership(organisation, owner))

    assert _membership(organisation, owner).role == Role.OWNER


def test_owner_removes_other_owner(organisation, owner):
    second = member(organisation, Role.OWNER)

    membership_remove(organisation=organisation, actor=owner, membership=_membership(organisation, second))

    assert not Membership.objects.filter(organisation=organisation, user=second).exists()


def test_admin_cannot_grant_owner(organisation, owner, admin_user, viewer):
    with pytest.raises(PermissionDenied):
        membership_change_role(
            organisation=organisation, actor=admin_user, membership=_membership(organisation, viewer), role=Role.OWNER
        )

    assert _membership(organisation, viewer).role == Role.VIEWER


def test_admin_cannot_demote_owner(organisation, owner, admin_user):
    member(organisation, Role.OWNER)

    with pytest.raises(PermissionDenied):
        membership_change_role(
            organisation=organisation, actor=admin_user, membership=_membership(organisation, owner), role=Role.VIEWER
        )

    assert _membership(organisation, owner).role == Role.OWNER


def test_admin_changes_editor_role(organisation, admin_user, editor):
    membership_change_role(
        organisation=organisation, actor=admin_user, membership=_membership(organisation, editor), role=Role.VIEWER
    )

    assert _membership(organisation, editor).role == Role.VIEWER


def test_unknown_role_rejected(organisation, owner, viewer):
    with pytest.raises(ValidationError, match="not a role"):
        membership_change_role(
            organisation=organisation, actor=owner, membership=_membership(organisation, viewer), role="superuser"
        )


def test_admin_removes_viewer(organisation, admin_user, viewer):
    membership_remove(organisation=organisation, actor=admin_user, membership=_membership(organisation, viewer))

    assert not Membership.objects.filter(organisation=organisation, user=viewer).exists()


def test_remove_self_points_to_leave(organisation, owner, admin_user):
    with pytest.raises(ValidationError, match="leave"):
        membership_remove(organisation=organisation, actor=admin_user, membership=_membership(organisation, admin_user))


def test_viewer_leaves(organisation, owner, viewer):
    membership_leave(organisation=organisation, actor=viewer)

    assert not Membership.objects.filter(organisation=organisation, user=viewer).exists()


def test_transfer_makes_actor_admin(organisation, owner, editor):
    organisation_transfer_ownership(organisation=organisation, actor=owner, new_owner=editor)

    assert _membership(organisation, editor).role == Role.OWNER
    assert _membership(organisation, owner).role == Role.ADMIN


def test_transfer_to_non_member_rejected(organisation, owner, other_organisation):
    outsider = member(other_organisation, Role.OWNER)

    with pytest.raises(ValidationError, match="not a member"):
        organisation_transfer_ownership(organisation=organisation, actor=owner, new_owner=outsider)

    assert _membership(organisation, owner).role == Role.OWNER


def test_transfer_by_admin_forbidden(organisation, owner, admin_user, editor):
    with pytest.raises(PermissionDenied):
        organisation_transfer_ownership(organisation=organisation, actor=admin_user, new_owner=editor)

    assert _membership(organisation, editor).role == Role.EDITOR


def test_delete_requires_typed_slug(organisation, owner):
    with pytest.raises(ValidationError, match="acme"):
        organisation_delete(organisation=organisation, actor=owner, confirmation="Acme")

    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_delete_removes_owned_rows(organisation, owner, viewer, other_organisation):
    InvitationFactory(organisation=organisation)
    other_invitation = InvitationFactory(organisation=other_organisation)

    organisation_delete(organisation=organisation, actor=owner, confirmation="acme")

    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not Membership.objects.filter(organisation_id=organisation.pk).exists()
    assert not Invitation.objects.filter(organisation_id=organisation.pk).exists()
    assert Invitation.objects.filter(pk=other_invitation.pk).exists()


def test_delete_by_admin_forbidden(organisation, owner, admin_user):
    with pytest.raises(PermissionDenied):
        organisation_delete(organisation=organisation, actor=admin_user, confirmation="acme")

    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_member_page_role_change(client, organisation, owner, viewer):
    client.force_login(owner)
    membership = _membership(organisation, viewer)

    response = client.post(
        reverse("membership_role", kwargs={"org_slug": "acme", "pk": membership.pk}), {"role": "editor"}
    )

    assert response.status_code == HTTPStatus.FOUND
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_member_page_last_owner_message(client, organisation, owner):
    client.force_login(owner)

    response = client.post(reverse("organisation_leave", kwargs={"org_slug": "acme"}), follow=True)

    assert "last owner" in response.content.decode()
    assert _membership(organisation, owner).role == Role.OWNER


def test_delete_page_wrong_slug_shows_error(client, organisation, owner):
    client.force_login(owner)

    response = client.post(reverse("organisation_delete", kwargs={"org_slug": "acme"}), {"confirmation": "globex"})

    assert response.status_code == HTTPStatus.OK
    assert "is-invalid" in response.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_delete_page_by_owner(client, organisation, owner):
    client.force_login(owner)

    response = client.post(reverse("organisation_delete", kwargs={"org_slug": "acme"}), {"confirmation": "acme"})

    assert response.status_code == HTTPStatus.FOUND
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_transfer_page_by_owner(client, organisation, owner, editor):
    client.force_login(owner)

    response = client.post(
        reverse("organisation_transfer", kwargs={"org_slug": "acme"}), {"new_owner": editor.pk, "confirmation": "acme"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert _membership(organisation, editor).role == Role.OWNER
    assert _membership(organisation, owner).role == Role.ADMIN


def test_settings_page_saves_controller_details(client, organisation, admin_user):
    client.force_login(admin_user)
    data = {
        "name": "Acme Analytics",
        "legal_name": "Acme Analytics SAS",
        "address": "1 rue de Rivoli\n75001 Paris",
        "country": "FR",
        "registration_number": "RCS Paris 123",
        "contact_email": "privacy@acme.example",
        "eu_representative": "",
        "dpo_name": "Jeanne Dupont",
        "dpo_contact": "dpo@acme.example",
        "acts_as_processor": "on",
    }

    response = client.post(reverse("organisation_settings", kwargs={"org_slug": "acme"}), data)

    assert response.status_code == HTTPStatus.FOUND
    organisation.refresh_from_db()
    assert organisation.dpo_name == "Jeanne Dupont"
    assert organisation.acts_as_processor is True


def test_settings_page_invalid_email_keeps_data(client, organisation, admin_user):
    client.force_login(admin_user)
    before = organisation.contact_email

    response = client.post(
        reverse("organisation_settings", kwargs={"org_slug": "acme"}),
        {"name": "Renamed", "contact_email": "not-an-address", "country": "FR"},
    )

    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "is-invalid" in body
    assert "Enter a valid email address" in body
    organisation.refresh_from_db()
    assert organisation.name == "Acme Analytics"
    assert organisation.contact_email == before
