import pytest

from dpia.actions import dpia_create
from tests.dpia.factories import contact_centre_activity


@pytest.fixture
def activity(organisation, owner):
    return contact_centre_activity(organisation, owner)


@pytest.fixture
def dpia(organisation, owner, activity):
    return dpia_create(organisation=organisation, actor=owner, activity=activity)
