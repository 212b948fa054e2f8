"""Sending, resending, revoking and accepting invitations."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from organisations.actions import invitation_accept, invitation_create, invitation_resend, invitation_revoke
from organisations.models import Invitation, Membership
from organisations.roles import Role
from tests.factories import InvitationFactory, UserFactory

BASE_URL = "http://testserver/"


@pytest.fixture
def invitee(db):
    return UserFactory(email="colleague@example.test")


def test_create_sends_email_with_link(organisation, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(
            organisation=organisation,
            actor=admin_user,
            email="Colleague@Example.test",
            role=Role.EDITOR,
            base_url=BASE_URL,
        )

    assert invitation.email == "colleague@example.test"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["colleague@example.test"]
    assert "Acme Analytics" in message.subject
    assert f"http://testserver/organisations/invitations/{invitation.token}/" in message.body


def test_create_for_member_rejected(organisation, admin_user, viewer):
    with pytest.raises(ValidationError, match="already a member"):
        invitation_create(organisation=organisation, actor=admin_user, email=viewer.email, base_url=BASE_URL)

    assert not Invitation.objects.filter(organisation=organisation).exists()


def test_create_twice_rejected(organisation, admin_user):
    invitation_create(organisation=organisation, actor=admin_user, email="a@example.test", base_url=BASE_URL)

    with pytest.raises(ValidationError, match="pending invitation"):
        invitation_create(organisation=organisation, actor=admin_user, email="A@example.test", base_url=BASE_URL)

    assert Invitation.objects.filter(organisation=organisation).count() == 1


def test_create_replaces_expired(organisation, admin_user):
    expired = InvitationFactory(
        organisation=organisation, email="a@example.test", expires_at=timezone.now() - timedelta(days=1)
    )

    invitation_create(organisation=organisation, actor=admin_user, email="a@example.test", base_url=BASE_URL)

    expired.refresh_from_db()
    assert expired.revoked_at is not None
    assert Invitation.objects.for_organisation(organisation).pending().count() == 1


def test_admin_cannot_invite_owner(organisation, admin_user):
    with pytest.raises(PermissionDenied):
        invitation_create(
            organisation=organisation, actor=admin_user, email="a@example.test", role=Role.OWNER, base_url=BASE_URL
        )


def test_editor_cannot_invite(organisation, editor):
    with pytest.raises(PermissionDenied):
        invitation_create(organisation=organisation, actor=editor, email="a@example.test", base_url=BASE_URL)

    assert not Invitation.objects.exists()


def test_accept_creates_membership(organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email=invitee.email, role=Role.EDITOR)

    membership = invitation_accept(token=invitation.token, actor=invitee)

    assert membership.role == Role.EDITOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee
    assert invitation.accepted_at is not None


def test_accept_with_other_email_rejected(organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email="someone-else@example.test")

    with pytest.raises(ValidationError, match="sent to someone-else@example.test"):
        invitation_accept(token=invitation.token, actor=invitee)

    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_with_unverified_email_rejected(organisation, owner, invitee):
    EmailAddress.objects.filter(user=invitee).update(verified=False)
    invitation = InvitationFactory(organisation=organisation, email=invitee.email)

    with pytest.raises(ValidationError, match="sent to"):
        invitation_accept(token=invitation.token, actor=invitee)


def test_accept_with_secondary_verified_email(organisation, owner, invitee):
    EmailAddress.objects.create(user=invitee, email="work@example.test", verified=True, primary=False)
    invitation = InvitationFactory(organisation=organisation, email="work@example.test")

    invitation_accept(token=invitation.token, actor=invitee)

    assert Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_expired_rejected(organisation, owner, invitee):
    invitation = InvitationFactory(
        organisation=organisation, email=invitee.email, expires_at=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(ValidationError, match="expired"):
        invitation_accept(token=invitation.token, actor=invitee)

    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_revoked_rejected(organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email=invitee.email)
    invitation_revoke(organisation=organisation, actor=owner, invitation=invitation)

    with pytest.raises(ValidationError, match="revoked"):
        invitation_accept(token=invitation.token, actor=invitee)

    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_twice_rejected(organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email=invitee.email)
    invitation_accept(token=invitation.token, actor=invitee)

    with pytest.raises(ValidationError, match="already been used"):
        invitation_accept(token=invitation.token, actor=invitee)

    assert Membership.objects.filter(organisation=organisation, user=invitee).count() == 1


def test_accept_unknown_token_rejected(invitee):
    with pytest.raises(ValidationError, match="not valid"):
        invitation_accept(token="no-such-token", actor=invitee)


def test_resend_replaces_token(organisation, owner, invitee, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(
        organisation=organisation, email=invitee.email, expires_at=timezone.now() - timedelta(days=1)
    )
    old_token = invitation.token

    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(organisation=organisation, actor=owner, invitation=invitation, base_url=BASE_URL)

    invitation.refresh_from_db()
    assert invitation.token != old_token
    assert invitation.is_pending
    assert invitation.token in mail.outbox[0].body
    with pytest.raises(ValidationError, match="not valid"):
        invitation_accept(token=old_token, actor=invitee)


def test_revoke_other_organisation_invitation_not_found(organisation, owner, other_organisation):
    foreign = InvitationFactory(organisation=other_organisation)

    with pytest.raises(Invitation.DoesNotExist):
        invitation_revoke(organisation=organisation, actor=owner, invitation=foreign)

    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_accept_page_anonymous_shows_sign_in(client, organisation, owner):
    invitation = InvitationFactory(organisation=organisation, email="new@example.test")

    response = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Acme Analytics" in body
    assert reverse("account_signup") in body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, "expired"),
        ({"revoked_at": timezone.now()}, "revoked"),
        ({"accepted_at": timezone.now()}, "already been used"),
    ],
)
def test_accept_page_unusable_link_message(client, organisation, owner, invitee, changes, message):
    invitation = InvitationFactory(organisation=organisation, email=invitee.email, **changes)
    client.force_login(invitee)

    page = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))
    post = client.post(reverse("invitation_accept", kwargs={"token": invitation.token}), follow=True)

    assert message in page.content.decode()
    assert message in post.content.decode()
    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_page_unknown_token_404(client, db):
    response = client.get(reverse("invitation_accept", kwargs={"token": "unknown"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_accept_page_wrong_account(client, organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email="someone-else@example.test")
    client.force_login(invitee)

    page = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))
    post = client.post(reverse("invitation_accept", kwargs={"token": invitation.token}), follow=True)

    assert "someone-else@example.test" in page.content.decode()
    assert "signed in as colleague@example.test" in post.content.decode()
    assert not Membership.objects.filter(organisation=organisation, user=invitee).exists()


def test_accept_page_joins(client, organisation, owner, invitee):
    invitation = InvitationFactory(organisation=organisation, email=invitee.email, role=Role.VIEWER)
    client.force_login(invitee)

    response = client.post(reverse("invitation_accept", kwargs={"token": invitation.token}))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("organisation_dashboard", kwargs={"org_slug": "acme"})
    assert Membership.objects.get(organisation=organisation, user=invitee).role == Role.VIEWER


def test_invitation_page_sends(client, organisation, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisation_invitations", kwargs={"org_slug": "acme"}),
            {"email": "new@example.test", "role": "editor"},
        )

    assert response.status_code == HTTPStatus.FOUND
    assert Invitation.objects.get(organisation=organisation).role == Role.EDITOR
    assert mail.outbox[0].to == ["new@example.test"]


def test_invitation_page_owner_role_not_offered_to_admin(client, organisation, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("organisation_invitations", kwargs={"org_slug": "acme"}), {"email": "new@example.test", "role": "owner"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "is-invalid" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_page_revoke_and_resend(client, organisation, admin_user, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(organisation=organisation)
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("invitation_resend", kwargs={"org_slug": "acme", "pk": invitation.pk}))
    client.post(reverse("invitation_revoke", kwargs={"org_slug": "acme", "pk": invitation.pk}))

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert len(mail.outbox) == 1


def test_invitation_revoke_of_other_organisation_404(client, organisation, admin_user, other_organisation):
    foreign = InvitationFactory(organisation=other_organisation)
    client.force_login(admin_user)

    response = client.post(reverse("invitation_revoke", kwargs={"org_slug": "acme", "pk": foreign.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_accept_page_member_with_other_email(client, organisation, owner):
    invitation = InvitationFactory(organisation=organisation, email="someone-else@example.test")
    client.force_login(owner)

    response = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))

    body = response.content.decode()
    assert "this invitation was sent to someone-else@example.test" in body
    assert "You are already a member" not in body
