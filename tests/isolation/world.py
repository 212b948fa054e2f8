"""Build two organisations for the isolation proofs: A owns one of everything, B has one member per role.

Every text that organisation A's rows carry includes `world.sentinel`, so a response that shows any of A's data
to a member of B is caught by searching the body for it.
"""

import importlib
import pkgutil
import secrets
from pathlib import Path

from django.apps import apps

from organisations.models import Organisation
from organisations.roles import Role
from organisations.tenancy import organisation_owned_models
from tests.factories import OrganisationFactory, member

WORLD_MODULE_PREFIX = "world_"


class World(dict):
    """Objects of organisation A by key (`world["organisation"]`, `world["members"][Role.OWNER]`, ...).

    `sentinel` is a lower-case token of letters and digits, usable in names, slugs and e-mail addresses.
    """

    def __init__(self, sentinel):
        super().__init__()
        self.sentinel = sentinel


def _new_sentinel(label):
    return f"sentinel{label}{secrets.token_hex(5)}"


def world_modules():
    """Return the tests/isolation/world_<app>.py modules in INSTALLED_APPS order.

    A module whose name matches no installed app raises LookupError, so a typo cannot silently skip it.
    """
    package_dir = Path(__file__).parent
    names = [
        info.name for info in pkgutil.iter_modules([str(package_dir)]) if info.name.startswith(WORLD_MODULE_PREFIX)
    ]
    app_order = [config.label for config in apps.get_app_configs()]
    labels = {name: name.removeprefix(WORLD_MODULE_PREFIX) for name in names}
    for name, label in labels.items():
        if label not in app_order:
            raise LookupError(f"{name}.py does not name an installed app label ({', '.join(app_order)}).")
    ordered = sorted(names, key=lambda name: app_order.index(labels[name]))
    return [importlib.import_module(f"{__package__}.{name}") for name in ordered]


def _members(organisation, sentinel, label):
    return {
        role: member(
            organisation,
            role,
            email=f"{label}-{role}-{sentinel}@example.test",
            full_name=f"{label} {role} {sentinel}",
        )
        for role in Role
    }


def populate_organisation(world, organisation, label):
    """Add one member of each role to `organisation`, then let every world_<app>.py add its rows."""
    world["organisation"] = organisation
    world["members"] = _members(organisation, world.sentinel, label)
    for module in world_modules():
        module.populate(world, organisation, world["members"][Role.OWNER])
    return world


def build_world(*, populate_other=False):
    """Create organisation A with all its rows and organisation B with a member of each role.

    Returns A's World, with `world["other_organisation"]`, `world["outsiders"]` (B's members by role) and
    `world.other`, B's own World. With `populate_other`, B also gets one of every row, for tests that need
    another organisation's ids.
    """
    sentinel = _new_sentinel("a")
    organisation_a = OrganisationFactory(
        name=f"Organisation A {sentinel}",
        legal_name=f"Organisation A {sentinel} SAS",
        contact_email=f"privacy-{sentinel}@example.test",
    )
    world = populate_organisation(World(sentinel), organisation_a, "a")

    other = World(_new_sentinel("b"))
    organisation_b = OrganisationFactory(name=f"Organisation B {other.sentinel}")
    if populate_other:
        populate_organisation(other, organisation_b, "b")
    else:
        other["organisation"] = organisation_b
        other["members"] = _members(organisation_b, other.sentinel, "b")

    world.other = other
    world["other_organisation"] = organisation_b
    world["outsiders"] = other["members"]
    return world


def owned_rows_snapshot(organisation, users=()):
    """Return every stored value of `organisation`: its row, its owned rows of every model and `users`' rows."""
    snapshot = {
        "organisations.Organisation": list(Organisation._base_manager.filter(pk=organisation.pk).values()),
    }
    for model in organisation_owned_models():
        rows = model._base_manager.filter(organisation=organisation).order_by("pk").values()
        snapshot[model._meta.label] = list(rows)
    if users:
        user_model = type(users[0])
        rows = user_model._base_manager.filter(pk__in=[user.pk for user in users]).order_by("pk").values()
        snapshot[user_model._meta.label] = list(rows)
    return snapshot
