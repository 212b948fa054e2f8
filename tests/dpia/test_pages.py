from http import HTTPStatus

from django.urls import reverse

from dpia.actions import dpia_create
from tests.dpia.factories import contact_centre_activity


def test_detail_shows_risk_map_svg(client, owner, dpia):
    client.force_login(owner)

    response = client.get(reverse("dpia:dpia_detail", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk}))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<svg" in body
    assert "Risk map: severity by likelihood" in body
    assert "Illegitimate access to data" in body


def test_list_query_count_is_constant(client, organisation, owner, django_assert_max_num_queries):
    for index in range(3):
        activity = contact_centre_activity(organisation, owner, name=f"Desk {index}", slug=f"desk-{index}")
        dpia_create(organisation=organisation, actor=owner, activity=activity)
    client.force_login(owner)
    url = reverse("dpia:dpia_list", kwargs={"org_slug": organisation.slug})
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for index in range(3, 15):
        activity = contact_centre_activity(organisation, owner, name=f"Desk {index}", slug=f"desk-{index}")
        dpia_create(organisation=organisation, actor=owner, activity=activity)

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)

    assert response.content.decode().count("DPIA: Desk") == 15


def test_detail_query_count_is_constant(client, organisation, owner, dpia, django_assert_max_num_queries):
    client.force_login(owner)
    url = reverse("dpia:dpia_detail", kwargs={"org_slug": organisation.slug, "pk": dpia.pk})
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for index in range(20):
        dpia.actions.create(organisation=organisation, measure=f"Measure {index}")
        dpia.risks.create(organisation=organisation, feared_event="custom", title=f"Risk {index}", position=10 + index)

    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
