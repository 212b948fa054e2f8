"""Organisation-owned rows of the organisations app for the isolation world."""

from organisations.roles import Role
from tests.factories import InvitationFactory


def populate(world, organisation, user):
    # The world builder has already added one member per role, so memberships exist before this runs.
    world["membership"] = user.memberships.get(organisation=organisation)
    world["invitation"] = InvitationFactory(
        organisation=organisation,
        email=f"invitee-{world.sentinel}@example.test",
        role=Role.EDITOR,
        invited_by=user,
    )
