"""Writes on organisations, memberships and invitations.

Every function takes keyword arguments only, the organisation first and the acting user as `actor=`. Each one
validates, saves in one transaction with `actor` recorded as the author of the history entry, then queues side
effects (e-mails) with `transaction.on_commit`. A rule violation raises django.core.exceptions.ValidationError with a
message that can be shown to the user as is, and leaves stored data unchanged.
"""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Invitation, Membership, Organisation, _new_invitation_token
from .roles import Role, role_at_least

logger = logging.getLogger(__name__)

# Controller details an admin may edit on the settings page and through the API. The slug is left out on
# purpose: it appears in every bookmarked address and API client of the organisation.
ORGANISATION_EDITABLE_FIELDS = (
    "name",
    "legal_name",
    "address",
    "country",
    "registration_number",
    "contact_email",
    "eu_representative",
    "dpo_name",
    "dpo_contact",
    "acts_as_processor",
)


def _unique_slug(name):
    base = slugify(name)[:50] or "organisation"
    slug = base
    suffix = 2
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


def _membership_of(organisation, user):
    return Membership.objects.for_organisation(organisation).filter(user=user).first()


def _require_role(organisation, actor, role):
    """Return `actor`'s membership, or raise PermissionDenied when their role is below `role`."""
    membership = _membership_of(organisation, actor)
    if membership is None or not role_at_least(membership.role, role):
        raise PermissionDenied(_("Your role in this organisation does not allow this action."))
    return membership


def _save(instance, actor, **kwargs):
    instance._history_user = actor
    instance.save(**kwargs)


def _owner_count(organisation):
    return Membership.objects.for_organisation(organisation).owners().count()


def _lock_memberships(organisation):
    """Lock the organisation's memberships so two concurrent demotions cannot both pass the last-owner check."""
    list(Membership.objects.for_organisation(organisation).select_for_update().values_list("pk", flat=True))


# Organisations


@transaction.atomic
def organisation_create(*, actor, name, slug=None, **details):
    """Create an organisation with `actor` as its first owner."""
    organisation = Organisation(name=name, slug=slug or _unique_slug(name), **details)
    organisation.full_clean()
    _save(organisation, actor)

    _save(Membership(organisation=organisation, user=actor, role=Role.OWNER), actor)

    logger.info("Organisation %s created by user %s.", organisation.pk, actor.pk)
    return organisation


@transaction.atomic
def organisation_update(*, organisation, actor, **fields):
    """Change the controller details of `organisation` (admin or owner)."""
    _require_role(organisation, actor, Role.ADMIN)
    unknown = sorted(set(fields) - set(ORGANISATION_EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(_("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)})

    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    _save(organisation, actor, update_fields=[*fields, "updated_at"])

    logger.info("Organisation %s updated by user %s (fields: %s).", organisation.pk, actor.pk, ", ".join(fields))
    return organisation


@transaction.atomic
def organisation_transfer_ownership(*, organisation, actor, new_owner):
    """Make member `new_owner` an owner and `actor` (an owner) an admin."""
    actor_membership = _require_role(organisation, actor, Role.OWNER)
    _lock_memberships(organisation)
    if new_owner == actor:
        raise ValidationError(_("Choose another member: you are already an owner."))
    target = _membership_of(organisation, new_owner)
    if target is None:
        raise ValidationError(_("%(email)s is not a member of this organisation.") % {"email": new_owner.email})

    target.role = Role.OWNER
    _save(target, actor, update_fields=["role"])
    actor_membership.role = Role.ADMIN
    _save(actor_membership, actor, update_fields=["role"])

    logger.info(
        "Organisation %s: ownership transferred from user %s to user %s.", organisation.pk, actor.pk, new_owner.pk
    )
    return target


@transaction.atomic
def organisation_delete(*, organisation, actor, confirmation):
    """Delete `organisation` and everything it owns (owner only). `confirmation` must be the slug, typed."""
    _require_role(organisation, actor, Role.OWNER)
    if (confirmation or "").strip() != organisation.slug:
        raise ValidationError(
            _("Type the organisation's slug “%(slug)s” exactly to confirm the deletion.") % {"slug": organisation.slug},
            code="confirmation",
        )

    organisation_pk = organisation.pk
    organisation._history_user = actor
    organisation.delete()

    logger.info("Organisation %s deleted by user %s.", organisation_pk, actor.pk)


# Memberships


def _check_role(role):
    if role not in Role.values:
        raise ValidationError(
            _("“%(role)s” is not a role. Choose one of: %(roles)s.") % {"role": role, "roles": ", ".join(Role.values)},
            code="invalid_role",
        )
    return Role(role)


@transaction.atomic
def membership_change_role(*, organisation, actor, membership, role):
    """Give `membership` a new role. Admins manage viewer, editor and admin roles; only owners grant or take
    the owner role, and the last owner cannot be demoted."""
    actor_membership = _require_role(organisation, actor, Role.ADMIN)
    role = _check_role(role)
    _lock_memberships(organisation)
    membership = Membership.objects.for_organisation(organisation).get(pk=membership.pk)

    if (role == Role.OWNER or membership.role == Role.OWNER) and actor_membership.role != Role.OWNER:
        raise PermissionDenied(_("Only an owner can grant or remove the owner role."))
    if membership.role == Role.OWNER and role != Role.OWNER and _owner_count(organisation) == 1:
        raise ValidationError(
            _("%(email)s is the last owner. Make another member an owner first.") % {"email": membership.user.email},
            code="last_owner",
        )
    if membership.role == role:
        return membership

    membership.role = role
    _save(membership, actor, update_fields=["role"])

    logger.info(
        "Organisation %s: membership %s set to role %s by user %s.", organisation.pk, membership.pk, role, actor.pk
    )
    return membership


def _delete_membership(organisation, actor, membership):
    if membership.role == Role.OWNER and _owner_count(organisation) == 1:
        raise ValidationError(
            _("%(email)s is the last owner. Make another member an owner, or delete the organisation.")
            % {"email": membership.user.email},
            code="last_owner",
        )
    membership._history_user = actor
    membership.delete()


@transaction.atomic
def membership_remove(*, organisation, actor, membership):
    """Remove another member (admin or owner; removing an owner takes an owner). The last owner stays."""
    actor_membership = _require_role(organisation, actor, Role.ADMIN)
    _lock_memberships(organisation)
    membership = Membership.objects.for_organisation(organisation).select_related("user").get(pk=membership.pk)
    if membership.pk == actor_membership.pk:
        raise ValidationError(_("To remove yourself, leave the organisation instead."), code="self")
    if membership.role == Role.OWNER and actor_membership.role != Role.OWNER:
        raise PermissionDenied(_("Only an owner can remove another owner."))

    _delete_membership(organisation, actor, membership)

    logger.info("Organisation %s: membership %s removed by user %s.", organisation.pk, membership.pk, actor.pk)


@transaction.atomic
def membership_leave(*, organisation, actor):
    """Remove `actor`'s own membership. The last owner cannot leave."""
    membership = _require_role(organisation, actor, Role.VIEWER)
    _lock_memberships(organisation)

    _delete_membership(organisation, actor, membership)

    logger.info("Organisation %s: user %s left.", organisation.pk, actor.pk)


# Invitations


def invitation_accept_url(invitation, *, base_url):
    """Return the absolute address of the page that accepts `invitation`."""
    path = reverse("invitation_accept", kwargs={"token": invitation.token})
    return base_url.rstrip("/") + path


def _send_invitation_email(invitation_pk, base_url):
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(pk=invitation_pk)
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "accept_url": invitation_accept_url(invitation, base_url=base_url),
        "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
    }
    subject = render_to_string("organisations/email/invitation_subject.txt", context).strip()
    body = render_to_string("organisations/email/invitation_message.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [invitation.email])
    logger.info("Invitation %s e-mailed for organisation %s.", invitation.pk, invitation.organisation_id)


@transaction.atomic
def invitation_create(*, organisation, actor, email, role=Role.VIEWER, base_url):
    """Invite `email` to join with `role` and e-mail them a link valid for INVITATION_MAX_AGE_DAYS days.

    Admins invite viewers, editors and admins; only owners invite owners. An expired invitation to the same
    address is revoked and replaced; a pending one is an error (resend it instead).
    """
    actor_membership = _require_role(organisation, actor, Role.ADMIN)
    role = _check_role(role)
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": _("Enter the e-mail address of the person to invite.")})
    if role == Role.OWNER and actor_membership.role != Role.OWNER:
        raise PermissionDenied(_("Only an owner can invite another owner."))
    if Membership.objects.for_organisation(organisation).filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already a member of this organisation.") % {"email": email}})

    open_invitations = Invitation.objects.for_organisation(organisation).filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    )
    for previous in open_invitations.select_for_update():
        if previous.is_pending:
            raise ValidationError(
                {"email": _("%(email)s already has a pending invitation. Resend it instead.") % {"email": email}}
            )
        previous.revoked_at = timezone.now()
        _save(previous, actor, update_fields=["revoked_at"])

    invitation = Invitation(organisation=organisation, email=email, role=role, invited_by=actor)
    invitation.full_clean(exclude=["organisation", "invited_by", "expires_at"])
    try:
        with transaction.atomic():
            _save(invitation, actor)
    except IntegrityError as error:
        # Another admin invited the same address at the same moment.
        raise ValidationError(
            {"email": _("%(email)s already has a pending invitation. Resend it instead.") % {"email": email}}
        ) from error

    transaction.on_commit(lambda: _send_invitation_email(invitation.pk, base_url))
    logger.info("Organisation %s: invitation %s created by user %s.", organisation.pk, invitation.pk, actor.pk)
    return invitation


def _open_invitation(organisation, invitation):
    invitation = Invitation.objects.for_organisation(organisation).select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."), code="accepted")
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been revoked."), code="revoked")
    return invitation


@transaction.atomic
def invitation_resend(*, organisation, actor, invitation, base_url):
    """E-mail `invitation` again with a new link, valid for another INVITATION_MAX_AGE_DAYS days.

    The previous link stops working, so a forwarded or leaked e-mail cannot be used any more.
    """
    _require_role(organisation, actor, Role.ADMIN)
    invitation = _open_invitation(organisation, invitation)

    invitation.token = _new_invitation_token()
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    _save(invitation, actor, update_fields=["token", "expires_at"])

    transaction.on_commit(lambda: _send_invitation_email(invitation.pk, base_url))
    logger.info("Organisation %s: invitation %s resent by user %s.", organisation.pk, invitation.pk, actor.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, organisation, actor, invitation):
    """Revoke an invitation that has not been accepted, so its link stops working."""
    _require_role(organisation, actor, Role.ADMIN)
    invitation = _open_invitation(organisation, invitation)

    invitation.revoked_at = timezone.now()
    _save(invitation, actor, update_fields=["revoked_at"])

    logger.info("Organisation %s: invitation %s revoked by user %s.", organisation.pk, invitation.pk, actor.pk)
    return invitation


def user_has_verified_email(user, email):
    """Return whether `email` is one of `user`'s verified e-mail addresses."""
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def invitation_accept(*, token, actor):
    """Accept the invitation with `token` as `actor`, who must have verified the invited e-mail address.

    Returns the new membership. Raises ValidationError for an unknown, expired, revoked or used token, for a
    different e-mail address and for someone who is already a member.
    """
    invitation = Invitation.objects.select_for_update().select_related("organisation").filter(token=token).first()
    if invitation is None:
        raise ValidationError(
            _("This invitation link is not valid. It may have been replaced by a newer e-mail: ask for a new one."),
            code="unknown",
        )
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="accepted")
    if invitation.revoked_at is not None:
        raise ValidationError(
            _("This invitation has been revoked. Ask an admin of the organisation for a new one."), code="revoked"
        )
    if invitation.is_expired:
        raise ValidationError(
            _("This invitation expired on %(date)s. Ask an admin of the organisation to resend it.")
            % {"date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M")},
            code="expired",
        )
    if not user_has_verified_email(actor, invitation.email):
        raise ValidationError(
            _(
                "This invitation was sent to %(invited)s, but you are signed in as %(current)s. "
                "Sign in with the invited address (or add and verify it on your account) to accept."
            )
            % {"invited": invitation.email, "current": actor.email},
            code="wrong_email",
        )
    organisation = invitation.organisation
    if _membership_of(organisation, actor) is not None:
        raise ValidationError(
            _("You are already a member of %(organisation)s.") % {"organisation": organisation.name},
            code="member",
        )

    membership = Membership(organisation=organisation, user=actor, role=invitation.role)
    _save(membership, actor)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    _save(invitation, actor, update_fields=["accepted_at", "accepted_by"])

    logger.info("Organisation %s: invitation %s accepted by user %s.", organisation.pk, invitation.pk, actor.pk)
    return membership
