import pytest

from records import demo
from records.models import ChecklistTask, ProcessingActivity, VendorUse
from tests.factories import OrganisationFactory, member
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db


def test_seed_fills_register_and_is_idempotent():
    us_service(slug="genesys-cloud", name="Genesys Cloud")
    ServiceFactory(slug="google-analytics", name="Google Analytics")
    organisation = OrganisationFactory(slug="demo")
    user = member(organisation)

    first = demo.seed(organisation=organisation, user=user)
    counts = (VendorUse.objects.count(), ProcessingActivity.objects.count(), ChecklistTask.objects.count())
    second = demo.seed(organisation=organisation, user=user)

    assert "Genesys Cloud" in first[0]
    assert "Run `manage.py load_catalogue` first" in first[1]
    assert counts[0] == 2
    assert counts[1] == 2
    assert (VendorUse.objects.count(), ProcessingActivity.objects.count(), ChecklistTask.objects.count()) == counts
    assert second[0] == "Kept the vendor register of 'demo'."
    assert ChecklistTask.objects.filter(status="done").exists()
