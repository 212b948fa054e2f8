import json
from http import HTTPStatus

from django.urls import reverse

from dpia.actions import dpia_create
from dpia.document import dpia_to_document
from dpia.models import Dpia
from dpia.selectors import dpia_get
from tests.dpia.factories import contact_centre_activity
from tests.dpia.wizard import complete_all_steps


def export(client, dpia):
    url = reverse("dpia:dpia_export_json", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk})
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response


def import_file(client, dpia, content, name="dpia.json"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dpia = Dpia.objects.get(pk=dpia.pk)
    url = reverse("dpia:dpia_import", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk})
    upload = SimpleUploadedFile(name, content, content_type="application/json")
    return client.post(url, {"file": upload, "lock_version": dpia.lock_version})


def comparable(document):
    return {
        key: value
        for key, value in document.items()
        if key not in ("activity", "version", "status", "signed_by", "signed_at")
    }


def test_export_import_round_trips_every_field(client, organisation, owner, dpia):
    client.force_login(owner)
    complete_all_steps(client, dpia)
    exported = export(client, dpia)
    assert exported["Content-Disposition"].startswith('attachment; filename="dpia-')
    target = dpia_create(
        organisation=organisation,
        actor=owner,
        activity=contact_centre_activity(organisation, owner, name="Second desk", slug="second-desk"),
    )

    response = import_file(client, target, exported.content)

    assert response.status_code == HTTPStatus.FOUND
    original = json.loads(exported.content)
    reimported = dpia_to_document(dpia_get(organisation=organisation, pk=target.pk))
    assert comparable(reimported) == comparable(original)
    assert original["risks"][0]["severity_before"] == 3
    assert original["actions"][0]["due_date"] == "2027-03-31"


def test_malformed_json_changes_nothing(client, owner, dpia):
    client.force_login(owner)
    before = dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk))

    response = import_file(client, dpia, b'{"format": "dpo-desk.dpia", ', name="broken.json")

    body = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "broken.json was not imported" in body
    assert "Invalid JSON at line 1" in body
    assert dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk)) == before


def test_invalid_field_names_path_and_changes_nothing(client, owner, dpia):
    client.force_login(owner)
    document = dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk))
    before = json.loads(json.dumps(document))
    document["risks"][1]["likelihood_after"] = 7
    document["actions"].append(
        {"measure": "x", "status": "planned", "source": "", "owner": "stranger@example.test", "due_date": None}
    )
    document["description"] = "Changed by the import"

    response = import_file(client, dpia, json.dumps(document).encode())

    body = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "risks[1].likelihood_after" in body
    assert dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk)) == before


def test_unknown_member_is_rejected(client, owner, dpia):
    client.force_login(owner)
    document = dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk))
    document["validator"] = "stranger@example.test"

    response = import_file(client, dpia, json.dumps(document).encode())

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "stranger@example.test is not a member of this organisation." in response.content.decode()


def test_duplicate_feared_event_is_rejected(client, owner, dpia):
    client.force_login(owner)
    document = dpia_to_document(dpia_get(organisation=dpia.organisation, pk=dpia.pk))
    document["risks"].append(dict(document["risks"][0]))

    response = import_file(client, dpia, json.dumps(document).encode())

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "appears twice" in response.content.decode()
