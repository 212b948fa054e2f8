from http import HTTPStatus

import pytest
from django.urls import reverse

from dpia.models import Action, Dpia, Risk
from organisations.roles import Role
from tests.dpia.factories import contact_centre_activity
from tests.factories import member


def api(name, organisation, **kwargs):
    return reverse(f"dpia_api:{name}", kwargs={"org_slug": organisation.slug, **kwargs})


def test_create_drafts_dpia(client, organisation, owner, activity):
    client.force_login(owner)

    response = client.post(api("dpia-list", organisation), {"activity": activity.pk}, content_type="application/json")

    assert response.status_code == HTTPStatus.CREATED
    body = response.json()
    assert body["title"] == "DPIA: Customer contact centre"
    assert body["lock_version"] == 0
    assert Risk.objects.filter(dpia_id=body["id"]).count() == 3


def test_create_with_other_organisations_activity_fails_like_missing(client, organisation, owner, other_organisation):
    foreign = contact_centre_activity(other_organisation, member(other_organisation, Role.OWNER), slug="foreign-cc")
    client.force_login(owner)

    foreign_response = client.post(
        api("dpia-list", organisation), {"activity": foreign.pk}, content_type="application/json"
    )
    missing_response = client.post(
        api("dpia-list", organisation), {"activity": 999999}, content_type="application/json"
    )

    assert foreign_response.status_code == HTTPStatus.BAD_REQUEST
    assert foreign_response.json()["activity"][0].replace(str(foreign.pk), "ID") == missing_response.json()["activity"][
        0
    ].replace("999999", "ID")
    assert not Dpia.objects.exists()


def test_patch_needs_current_lock_version(client, organisation, owner, dpia):
    client.force_login(owner)
    url = api("dpia-detail", organisation, pk=dpia.pk)

    ok = client.patch(url, {"description": "API edit", "lock_version": 0}, content_type="application/json")
    stale = client.patch(url, {"description": "Stale edit", "lock_version": 0}, content_type="application/json")

    assert ok.status_code == HTTPStatus.OK
    assert ok.json()["lock_version"] == 1
    assert stale.status_code == HTTPStatus.CONFLICT
    assert Dpia.objects.get(pk=dpia.pk).description == "API edit"


def test_risk_score_update_bumps_lock_version(client, organisation, owner, dpia):
    client.force_login(owner)
    risk = dpia.risks.first()

    response = client.patch(
        api("dpia-risk-detail", organisation, pk=risk.pk), {"severity_before": 4}, content_type="application/json"
    )

    assert response.status_code == HTTPStatus.OK
    assert Risk.objects.get(pk=risk.pk).severity_before == 4
    assert Dpia.objects.get(pk=dpia.pk).lock_version == 1


def test_feared_event_cannot_be_deleted(client, organisation, owner, dpia):
    client.force_login(owner)
    risk = dpia.risks.exclude(feared_event="custom").first()

    response = client.delete(api("dpia-risk-detail", organisation, pk=risk.pk))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Risk.objects.filter(pk=risk.pk).exists()


def test_action_owner_must_be_member(client, organisation, owner, other_organisation, dpia):
    outsider = member(other_organisation, Role.OWNER)
    client.force_login(owner)

    response = client.post(
        api("dpia-action-list", organisation),
        {"dpia": dpia.pk, "measure": "Mask fields", "owner": outsider.pk, "status": "planned"},
        content_type="application/json",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "owner" in response.json()
    assert not Action.objects.filter(measure="Mask fields").exists()


@pytest.mark.parametrize("name", ["dpia-list", "dpia-principle-list", "dpia-risk-list", "dpia-action-list"])
def test_viewer_reads_but_cannot_write(client, organisation, dpia, name):
    viewer = member(organisation, Role.VIEWER)
    client.force_login(viewer)

    read = client.get(api(name, organisation))
    write = client.post(api(name, organisation), {}, content_type="application/json")

    assert read.status_code == HTTPStatus.OK
    assert write.status_code == HTTPStatus.FORBIDDEN


def test_schema_lists_dpia_routes(client, owner):
    client.force_login(owner)

    response = client.get(reverse("api_schema"))

    body = response.content.decode()
    assert "/api/v1/o/{org_slug}/dpias/" in body
    assert "/api/v1/o/{org_slug}/dpia-risks/{id}/" in body
