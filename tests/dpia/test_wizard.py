from http import HTTPStatus

import pytest
from django.urls import reverse

from dpia.models import Dpia, DpiaVersion
from organisations.roles import Role
from tests.dpia.wizard import complete_all_steps, complete_step_data, step_url
from tests.factories import member


def test_step_page_shows_drafted_values_and_sources(client, owner, dpia):
    client.force_login(owner)

    response = client.get(step_url(dpia, 1))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Answering enquiries" in body
    assert "Record of processing: Customer contact centre" in body


def test_step_saves_and_marks_complete(client, owner, dpia):
    client.force_login(owner)

    response = client.post(step_url(dpia, 1), complete_step_data(dpia, 1) | {"next": "1"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == step_url(dpia, 2)
    dpia.refresh_from_db()
    assert dpia.completed_steps == [1]
    assert dpia.lock_version == 1


def test_incomplete_step_is_saved_with_missing_answers(client, owner, dpia):
    client.force_login(owner)
    data = complete_step_data(dpia, 5) | {"validation-dpo_opinion": "", "validation-decision": ""}

    response = client.post(step_url(dpia, 5), data, follow=True)

    body = response.content.decode()
    assert "Record the DPO&#x27;s opinion." in body
    assert "Record the decision." in body
    dpia.refresh_from_db()
    assert dpia.data_subjects_not_consulted_reason == "A customer panel was not available."
    assert 5 not in dpia.completed_steps


def test_invalid_score_saves_nothing(client, owner, dpia):
    client.force_login(owner)
    data = complete_step_data(dpia, 3)
    data["risks-0-severity_before"] = "9"

    response = client.post(step_url(dpia, 3), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Select a valid choice" in response.content.decode()
    assert not dpia.risks.filter(severity_after__isnull=False).exists()
    assert Dpia.objects.get(pk=dpia.pk).lock_version == 0


def test_concurrent_edit_is_detected(client, owner, editor, dpia):
    stale = complete_step_data(dpia, 1) | {"context-description": "Editor's description"}
    client.force_login(owner)
    client.post(step_url(dpia, 1), complete_step_data(dpia, 1) | {"context-description": "Owner's description"})
    client.force_login(editor)

    response = client.post(step_url(dpia, 1), stale)

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Someone else saved this DPIA" in response.content.decode()
    assert Dpia.objects.get(pk=dpia.pk).description == "Owner's description"


def test_missing_lock_version_is_rejected(client, owner, dpia):
    client.force_login(owner)
    data = complete_step_data(dpia, 1)
    del data["lock_version"]

    response = client.post(step_url(dpia, 1), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_viewer_reads_but_cannot_save(client, organisation, dpia):
    viewer = member(organisation, Role.VIEWER)
    client.force_login(viewer)

    read = client.get(step_url(dpia, 2))
    write = client.post(step_url(dpia, 2), complete_step_data(dpia, 2))

    assert read.status_code == HTTPStatus.OK
    assert write.status_code == HTTPStatus.FORBIDDEN
    assert Dpia.objects.get(pk=dpia.pk).lock_version == 0


def test_autosave_returns_status_fragment(client, owner, dpia):
    client.force_login(owner)

    response = client.post(step_url(dpia, 1), complete_step_data(dpia, 1), headers={"HX-Request": "true"})

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Saved at" in body
    assert 'name="lock_version" id="lock-version" value="1"' in body


def sign(client, dpia):
    dpia = Dpia.objects.get(pk=dpia.pk)
    url = reverse("dpia:dpia_sign", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk})
    return client.post(url, {"lock_version": dpia.lock_version}, follow=True)


def test_only_validator_signs(client, organisation, owner, dpia):
    client.force_login(owner)
    complete_all_steps(client, dpia)
    admin = member(organisation, Role.ADMIN)
    dpia.validator = admin
    dpia.save()

    response = sign(client, dpia)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not DpiaVersion.objects.exists()


def test_sign_requires_complete_steps(client, owner, dpia):
    client.force_login(owner)

    response = sign(client, dpia)

    assert "Complete these steps before signing" in response.content.decode()
    assert not DpiaVersion.objects.exists()


def test_sign_freezes_version_and_edit_starts_next(client, owner, dpia):
    client.force_login(owner)
    complete_all_steps(client, dpia)

    sign(client, dpia)

    dpia.refresh_from_db()
    assert dpia.status == "signed"
    version = DpiaVersion.objects.get(dpia=dpia)
    assert version.number == 1
    assert version.snapshot["decision"] == "accepted_with_actions"

    client.post(step_url(dpia, 1), complete_step_data(dpia, 1) | {"context-description": "Now with voicebots."})

    dpia.refresh_from_db()
    assert dpia.status == "draft"
    assert dpia.version == 2
    assert DpiaVersion.objects.get(dpia=dpia).snapshot["description"] != "Now with voicebots."

    compare = client.get(
        reverse("dpia:version_list", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk}),
        {"from": "1", "to": "current"},
    )
    body = compare.content.decode()
    assert "<td>Description of the processing</td>" in body
    assert "Now with voicebots." in body
    assert "<td>Version</td>" in body
    assert "<td>Decision</td>" in body
    assert "Accepted once the action plan is carried out" in body


@pytest.mark.parametrize("step", [1, 2, 3, 4, 5])
def test_every_step_renders(client, owner, dpia, step):
    client.force_login(owner)

    response = client.get(step_url(dpia, step))

    assert response.status_code == HTTPStatus.OK


def test_unknown_step_is_not_found(client, owner, dpia):
    client.force_login(owner)

    response = client.get(step_url(dpia, 6))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_drafted_steps_count_as_complete(dpia):
    from dpia.steps import STEPS, step_problems

    expected = sorted(step.number for step in STEPS if not step_problems(dpia, step.number))

    assert expected
    assert Dpia.objects.get(pk=dpia.pk).completed_steps == expected


def test_sign_button_waits_for_complete_steps(client, owner, dpia):
    client.force_login(owner)
    detail = reverse("dpia:dpia_detail", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk})

    before = client.get(detail).content.decode()
    complete_all_steps(client, dpia)
    after = client.get(detail).content.decode()

    assert "Sign this version" not in before
    assert "once every step is complete" in before
    assert "Sign this version" in after
