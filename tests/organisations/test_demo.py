"""The organisations app's demo data."""

from datetime import timedelta

from django.utils import timezone

from organisations import demo
from organisations.models import Invitation, Membership
from organisations.roles import Role


def test_seed_twice_duplicates_nothing(organisation, owner):
    demo.seed(organisation=organisation, user=owner)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))

    demo.seed(organisation=organisation, user=owner)

    assert Membership.objects.filter(organisation=organisation).count() == 1 + len(demo.DEMO_COLLEAGUES)
    assert Membership.objects.get(organisation=organisation, user__email=demo.DEMO_COLLEAGUES[0][0]).role == Role.EDITOR
    assert Invitation.objects.for_organisation(organisation).pending().count() == 1
    assert Invitation.objects.count() == 1
