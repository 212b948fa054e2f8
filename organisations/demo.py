"""Demo data of the organisations app: colleagues with other roles and a pending invitation."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import User

from .models import Invitation, Membership
from .roles import Role

# Colleagues of the demo DPO, listed on the members page. They have no usable password, so no one can sign in as them.
DEMO_COLLEAGUES = [
    ("marketing.lead@demo-retail.example", "Hugo Bernard", Role.EDITOR),
    ("internal.audit@demo-retail.example", "Léa Petit", Role.VIEWER),
]
DEMO_INVITEE = ("legal.counsel@demo-retail.example", Role.ADMIN)


def seed(*, organisation, user):
    lines = []
    for email, full_name, role in DEMO_COLLEAGUES:
        colleague, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        if created:
            colleague.set_unusable_password()
            colleague.save(update_fields=["password"])
        Membership.objects.get_or_create(organisation=organisation, user=colleague, defaults={"role": role})
    lines.append(f"Demo colleagues in '{organisation.slug}': {len(DEMO_COLLEAGUES)}.")

    email, role = DEMO_INVITEE
    open_invitations = Invitation.objects.for_organisation(organisation).filter(
        email=email, accepted_at__isnull=True, revoked_at__isnull=True
    )
    # An earlier run's invitation may have expired since, so extend it and the invitations page shows a pending one.
    expires_at = timezone.now() + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    if open_invitations.update(expires_at=expires_at) == 0:
        Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=user)
    lines.append(f"Pending demo invitation: {email}.")
    return lines
