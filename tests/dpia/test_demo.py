from dpia.demo import seed
from dpia.models import Dpia, Screening


def test_seed_drafts_once(organisation, owner, activity):
    service = activity.recipients.first().vendor_use.service
    service.slug = "genesys-cloud"
    service.save(update_fields=["slug"])

    first = seed(organisation=organisation, user=owner)
    second = seed(organisation=organisation, user=owner)

    assert len(first) == 2
    assert "DPIA required" in first[0]
    assert second == []
    assert Screening.objects.filter(activity=activity).count() == 1
    assert Dpia.objects.filter(activity=activity).count() == 1


def test_seed_without_contact_centre_does_nothing(organisation, owner):
    messages = seed(organisation=organisation, user=owner)

    assert messages == ["No demo activity uses Genesys Cloud, so no DPIA was drafted."]
    assert not Dpia.objects.exists()
