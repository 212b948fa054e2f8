"""A person signs in with a real browser and reaches the organisation dashboard without page errors."""

import re

import pytest

from organisations.roles import Role
from tests.factories import TEST_PASSWORD, OrganisationFactory, member

from .browser import browser_page  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_reaches_dashboard(browser_page):  # noqa: F811 (fixture)
    organisation = OrganisationFactory(name="Browser Test Bakery", slug="browser-bakery")
    user = member(organisation, Role.OWNER, email="owner@browser-bakery.example")
    page = browser_page

    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/o/browser-bakery/records/$"))

    assert "Browser Test Bakery" in page.content()
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    assert page.problems.console_errors == []
    assert page.problems.failed_requests == []
