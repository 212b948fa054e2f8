from http import HTTPStatus

import pytest
from django.urls import reverse

from organisations.roles import Role
from tests.factories import member

FORM_PAGES = ["records:vendor_bulk", "records:vendor_create", "records:activity_create"]


@pytest.mark.parametrize("url_name", FORM_PAGES)
def test_viewer_gets_role_page_not_form(client, organisation, url_name):
    client.force_login(member(organisation, Role.VIEWER))

    response = client.get(reverse(url_name, kwargs={"org_slug": organisation.slug}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Your role in this organisation does not allow this action." in response.content.decode()


@pytest.mark.parametrize("url_name", FORM_PAGES)
def test_editor_gets_form(client, organisation, url_name):
    client.force_login(member(organisation, Role.EDITOR))

    response = client.get(reverse(url_name, kwargs={"org_slug": organisation.slug}))

    assert response.status_code == HTTPStatus.OK
