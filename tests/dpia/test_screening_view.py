from http import HTTPStatus

from django.urls import reverse

from dpia.choices import Criterion
from dpia.models import Screening
from organisations.roles import Role
from tests.factories import member


def screening_url(activity):
    return reverse("dpia:screening", kwargs={"org_slug": activity.organisation.slug, "activity_pk": activity.pk})


def suggested_post():
    """The suggestions for the contact-centre activity, accepted as they are."""
    met = [Criterion.EVALUATION_SCORING, Criterion.SENSITIVE_DATA, Criterion.LARGE_SCALE,
           Criterion.INNOVATIVE_TECHNOLOGY, Criterion.ART35_3B]  # fmt: skip
    return {f"met_{criterion.value}": "on" for criterion in met}


def test_page_pre_ticks_criteria_with_reasons(client, owner, activity):
    client.force_login(owner)

    response = client.get(screening_url(activity))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'name="met_evaluation_scoring" id="id_met_evaluation_scoring" checked' in body
    assert 'name="met_systematic_monitoring" id="id_met_systematic_monitoring" >' in body
    assert "offers AI features or automated decisions (such as sentiment analysis or scoring)" in body
    assert "transfers data outside the EEA (United States of America)" in body or "(US)" in body


def test_accepting_suggestions_records_required(client, owner, activity):
    client.force_login(owner)

    response = client.post(screening_url(activity), suggested_post(), follow=True)

    screening = Screening.objects.get(activity=activity)
    assert screening.outcome == "required"
    assert "Screening recorded: DPIA required." in response.content.decode()
    reasons = {answer.criterion: answer.reason for answer in screening.answers.all() if answer.met}
    assert "sentiment analysis" in reasons[Criterion.EVALUATION_SCORING]
    assert "special-category" in reasons[Criterion.SENSITIVE_DATA]
    assert "US" in screening.notes
    activity.refresh_from_db()
    assert activity.dpia_required is True


def test_override_needs_justification(client, owner, activity):
    client.force_login(owner)
    data = suggested_post()
    del data["met_large_scale"]

    response = client.post(screening_url(activity), data)

    assert response.status_code == HTTPStatus.OK
    assert "You changed the suggested answer: explain why" in response.content.decode()
    assert not Screening.objects.exists()


def test_justified_override_is_recorded(client, owner, activity):
    client.force_login(owner)
    data = suggested_post()
    del data["met_large_scale"]
    data["justification_large_scale"] = "Only 300 calls a year."

    client.post(screening_url(activity), data)

    answer = Screening.objects.get().answers.get(criterion=Criterion.LARGE_SCALE)
    assert answer.met is False
    assert answer.suggested is True
    assert answer.justification == "Only 300 calls a year."


def test_viewer_cannot_record(client, organisation, activity):
    client.force_login(member(organisation, Role.VIEWER))

    response = client.post(screening_url(activity), suggested_post())

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Screening.objects.exists()
