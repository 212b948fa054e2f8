"""Admin imports of catalogue files that cannot be read: one clear message on the form, nothing saved."""

import io
from http import HTTPStatus

import pytest
from django.urls import reverse

from services.models import Service, ServiceCookie
from tests.factories import UserFactory
from tests.services.factories import ServiceFactory


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def genesys(db):
    return ServiceFactory(slug="genesys-cloud", name="Genesys Cloud", categories=["contact-centre"])


def _post_import(client, url_name, content, name, file_format="0"):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(reverse(url_name), {"import_file": upload, "format": file_format, "resource": "0"})


def _file_errors(response):
    return response.context["form"].errors.get("import_file", [])


def test_service_import_rejects_latin1_file(client, superuser, genesys):
    client.force_login(superuser)
    content = "slug,name\ngenesys-cloud,Génesys\n".encode("latin-1")

    response = _post_import(client, "admin:services_service_import", content, "services.csv")

    errors = _file_errors(response)
    assert response.status_code == HTTPStatus.OK
    assert len(errors) == 1
    assert "services.csv is not UTF-8 text" in errors[0]
    assert "0xe9" in errors[0]
    assert "CSV UTF-8" in errors[0]
    assert "UnicodeDecodeError" not in response.text
    assert Service.objects.get(slug="genesys-cloud").name == "Genesys Cloud"


def test_service_import_requires_slug_column(client, superuser, genesys):
    client.force_login(superuser)
    content = b"name,website\nGenesys Cloud renamed,https://www.genesys.com\n"

    response = _post_import(client, "admin:services_service_import", content, "services.csv")

    errors = _file_errors(response)
    assert response.status_code == HTTPStatus.OK
    assert len(errors) == 1
    assert "services.csv has no “slug” column" in errors[0]
    assert "Columns found: name, website" in errors[0]
    assert "Traceback" not in response.text
    assert not Service.objects.filter(name="Genesys Cloud renamed").exists()


def test_cookie_import_requires_only_undefaulted_columns(client, superuser, genesys):
    client.force_login(superuser)
    content = b"name,categories,duration_text,purpose\nNEWCOOKIE,functional,1 day,Keeps state.\n"

    response = _post_import(client, "admin:services_servicecookie_import", content, "cookies.csv")

    errors = _file_errors(response)
    assert len(errors) == 1
    assert "cookies.csv has no “service” column" in errors[0]
    assert "match" not in errors[0].split("Columns found")[0]
    assert not ServiceCookie.objects.filter(name="NEWCOOKIE").exists()


def test_service_import_rejects_malformed_json(client, superuser, genesys):
    client.force_login(superuser)
    form = client.get(reverse("admin:services_service_import")).context["form"]
    json_index = next(value for value, title in form.fields["format"].choices if title == "json")

    response = _post_import(
        client, "admin:services_service_import", b'[{"slug": "genesys-cloud",', "services.json", json_index
    )

    errors = _file_errors(response)
    assert len(errors) == 1
    assert "services.json could not be read as json" in errors[0]
    assert Service.objects.get(slug="genesys-cloud").name == "Genesys Cloud"


def test_service_import_with_bom_reaches_preview(client, superuser, genesys):
    client.force_login(superuser)
    content = "slug,name\ngenesys-cloud,Genesys Cloud\n".encode("utf-8-sig")

    response = _post_import(client, "admin:services_service_import", content, "services.csv")

    assert response.status_code == HTTPStatus.OK
    assert _file_errors(response) == []
    assert "confirm_form" in response.context
