import io
from http import HTTPStatus

import pytest
from django.urls import reverse

from services.actions import SERVICE_PREFETCH, service_refresh_version
from services.models import Service, ServiceAlias, ServiceCookie, ServiceDomain
from tests.factories import UserFactory
from tests.services.factories import ServiceFactory


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def genesys(db):
    service = ServiceFactory(slug="genesys-cloud", name="Genesys Cloud", categories=["contact-centre"])
    ServiceAlias.objects.create(service=service, name="PureCloud")
    ServiceDomain.objects.create(service=service, domain="cdn.mypurecloud.com")
    ServiceCookie.objects.create(
        service=service, name="PCID", categories=["marketing"], duration_text="1 year", purpose="x"
    )
    ServiceFactory(slug="web-counter", name="Web Counter", last_reviewed="2024-01-01")
    service_refresh_version(service=Service.objects.prefetch_related(*SERVICE_PREFETCH).get(pk=service.pk))
    return service


@pytest.mark.parametrize(
    "term", ["cdn.mypurecloud.com", "PCID", "purecloud", "Genesys", "https://cdn.mypurecloud.com/x"]
)
def test_changelist_search(client, superuser, genesys, term):
    client.force_login(superuser)

    response = client.get(reverse("admin:services_service_changelist"), {"q": term})

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].queryset.values_list("slug", flat=True)) == ["genesys-cloud"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "contact-centre"}, ["genesys-cloud"]),
        ({"reviewed_before": "2025-01-01"}, ["web-counter"]),
        ({"status__exact": "published"}, ["genesys-cloud", "web-counter"]),
    ],
)
def test_changelist_filters(client, superuser, genesys, params, expected):
    client.force_login(superuser)

    response = client.get(reverse("admin:services_service_changelist"), params)

    assert sorted(response.context["cl"].queryset.values_list("slug", flat=True)) == expected


def test_change_page_has_inlines_and_public_link(client, superuser, genesys):
    client.force_login(superuser)

    response = client.get(reverse("admin:services_service_change", args=[genesys.pk]))

    assert response.status_code == HTTPStatus.OK
    assert genesys.get_absolute_url() in response.text
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert {"aliases", "domains", "cookies", "legal_bases", "checklist_items", "dpia_considerations"} <= prefixes
    assert len(prefixes) == 10


def test_history_page(client, superuser, genesys):
    client.force_login(superuser)

    response = client.get(reverse("admin:services_service_history", args=[genesys.pk]))

    assert response.status_code == HTTPStatus.OK


def test_cookie_import_preview_shows_row_errors_and_saves_nothing(client, superuser, genesys):
    client.force_login(superuser)
    data = "service,name,match,categories,duration_text,purpose\ngenesys-cloud,NEWCOOKIE,exact,tracking,1 day,x\n"
    upload = io.BytesIO(data.encode())
    upload.name = "cookies.csv"

    response = client.post(
        reverse("admin:services_servicecookie_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "unknown value(s) tracking" in response.text
    assert not ServiceCookie.objects.filter(name="NEWCOOKIE").exists()


def test_cookie_import_saves_after_confirmation(client, superuser, genesys):
    client.force_login(superuser)
    data = "service,name,categories,duration_text,purpose\ngenesys-cloud,NEWCOOKIE,functional,1 day,Keeps state.\n"
    upload = io.BytesIO(data.encode())
    upload.name = "cookies.csv"
    preview = client.post(
        reverse("admin:services_servicecookie_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    assert not ServiceCookie.objects.filter(name="NEWCOOKIE").exists()
    confirm = preview.context["confirm_form"]

    client.post(reverse("admin:services_servicecookie_process_import"), confirm.initial)

    cookie = ServiceCookie.objects.get(name="NEWCOOKIE")
    assert cookie.source == "staff"
    genesys.refresh_from_db()
    assert genesys.version == 2


def test_service_export_csv(client, superuser, genesys):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:services_service_export"),
        {"format": "0", "resource": "0", "serviceresource_slug": "on", "serviceresource_name": "on"},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().splitlines()[:2] == ["slug,name", "genesys-cloud,Genesys Cloud"]


def form_data(form):
    """Return POST data that resubmits an unbound admin form with its initial values."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is not None:
            data[key] = str(value)
    return data


def change_form_data(response):
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for form in formset.forms:
            data.update(form_data(form))
    return data


def test_staff_edit_raises_version_and_shows_in_history_and_page(client, superuser, genesys):
    client.force_login(superuser)
    url = reverse("admin:services_service_change", args=[genesys.pk])
    data = change_form_data(client.get(url))
    data["summary"] = "Contact-centre platform, reviewed by staff."

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    genesys.refresh_from_db()
    assert genesys.summary == "Contact-centre platform, reviewed by staff."
    assert genesys.version == 2
    assert genesys.history.first().summary == "Contact-centre platform, reviewed by staff."
    history_page = client.get(reverse("admin:services_service_history", args=[genesys.pk]))
    assert "Edited in the admin" in history_page.text or "Version raised" in history_page.text
    client.logout()
    assert "Contact-centre platform, reviewed by staff." in client.get(genesys.get_absolute_url()).text


def test_staff_save_without_change_keeps_version(client, superuser, genesys):
    client.force_login(superuser)
    url = reverse("admin:services_service_change", args=[genesys.pk])

    response = client.post(url, change_form_data(client.get(url)))

    assert response.status_code == HTTPStatus.FOUND
    genesys.refresh_from_db()
    assert genesys.version == 1


def test_invalid_inline_domain_is_reported(client, superuser, genesys):
    client.force_login(superuser)
    url = reverse("admin:services_service_change", args=[genesys.pk])
    data = change_form_data(client.get(url))
    data["domains-0-domain"] = "https://not a host/"

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert "Enter a host name" in response.text
    assert genesys.domains.get().domain == "cdn.mypurecloud.com"
