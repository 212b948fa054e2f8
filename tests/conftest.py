import os

import pytest

from organisations.roles import Role
from tests.factories import OrganisationFactory, member

# With DPO_DESK_REQUIRE_SERVICES=1 (set by .ci/run) a test that needs PostgreSQL, Redis or a worker fails
# instead of being skipped when they are missing.
REQUIRE_SERVICES = os.environ.get("DPO_DESK_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason):
    """Skip the current test, or fail it when the services are required."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (DPO_DESK_REQUIRE_SERVICES=1, so this cannot be skipped)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def celery_tasks_in_process(request):
    """Run Celery tasks in the test process, as the embedded default does, even when REDIS_URL is set.

    Tests marked `services` talk to a real worker through the broker, so they keep the configured mode.
    """
    if request.node.get_closest_marker("services"):
        yield
        return
    from config.celery import app

    previous = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Acme Analytics", slug="acme")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Globex Retail", slug="globex")


@pytest.fixture
def owner(organisation):
    return member(organisation, Role.OWNER)


@pytest.fixture
def admin_user(organisation):
    return member(organisation, Role.ADMIN)


@pytest.fixture
def editor(organisation):
    return member(organisation, Role.EDITOR)


@pytest.fixture
def viewer(organisation):
    return member(organisation, Role.VIEWER)
