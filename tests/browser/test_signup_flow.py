"""End-to-end in Chromium: a DPO signs up, creates an organisation and invites a colleague, who joins as a viewer."""

import re
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core import mail

from organisations.models import Membership, Organisation
from organisations.roles import Role
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-and-unusual-passphrase-19"
FOUNDER = "founder@example.test"
COLLEAGUE = "colleague@example.test"


@pytest.fixture
def browser(monkeypatch):
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests.")
    # The live server thread and Playwright's synchronous API share this process and its event loop.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, console_errors):
    """Open a page in a fresh browser context (its own cookies) that records console errors, CSP violations included."""
    page = browser.new_context().new_page()

    def record(message):
        # "Failed to load resource" repeats a 4xx response; the test requests forbidden pages on purpose.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            console_errors.append(f"{page.url}: {message.text}")

    page.on("console", record)
    return page


def _last_link(pattern):
    """Return the last URL in the captured outbox that matches `pattern`."""
    for message in reversed(mail.outbox):
        match = re.search(pattern, message.body)
        if match:
            return match.group(0)
    raise AssertionError(f"No e-mail contains a link matching {pattern!r}; outbox: {[m.subject for m in mail.outbox]}")


def _sign_up(page, base_url, email):
    page.goto(f"{base_url}/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))


def _confirm_email(page):
    page.goto(_last_link(r"http://[^\s]+/accounts/confirm-email/[^\s/]+/"))
    page.click("main form button[type=submit]")


def test_signup_invite_and_viewer_is_read_only(live_server, browser, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    base_url = live_server.url

    # The founder signs up, confirms the address from another browser, then signs in there.
    console_errors = []
    page = _new_page(browser, console_errors)
    _sign_up(page, base_url, FOUNDER)
    assert "verify" in page.inner_text("main").lower()

    page.context.close()
    page = _new_page(browser, console_errors)
    _confirm_email(page)
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", FOUNDER)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/organisations/new/$"))

    # ... creates an organisation ...
    page.fill("input[name=name]", "Northwind Clinic")
    page.fill("input[name=slug]", "northwind")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/o/northwind/records/$"))
    assert "Northwind Clinic" in page.inner_text("nav")

    # ... and invites a colleague as a viewer.
    page.goto(f"{base_url}/o/northwind/invitations/")
    page.fill("input[name=email]", COLLEAGUE)
    page.check("input[name=role][value=viewer]")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/o/northwind/invitations/$"))
    assert "Invitation sent to colleague@example.test" in page.inner_text("main")
    invitation_link = _last_link(r"http://[^\s]+/organisations/invitations/[^\s/]+/")

    # The colleague opens the link, creates an account with the invited address and confirms it.
    page = _new_page(browser, console_errors)
    page.goto(invitation_link)
    assert "Invitation to join Northwind Clinic" in page.inner_text("main")
    page.get_by_role("link", name="Create an account").click()
    page.wait_for_url(re.compile(r"/accounts/signup/"))
    page.fill("input[name=email]", COLLEAGUE)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    _confirm_email(page)

    # Confirming signs the colleague in and brings them back to the invitation.
    page.wait_for_url(invitation_link)
    page.get_by_role("button", name="Join Northwind Clinic").click()
    page.wait_for_url(re.compile(r"/o/northwind/records/$"))
    assert "Northwind Clinic" in page.inner_text("nav")

    organisation = Organisation.objects.get(slug="northwind")
    assert Membership.objects.get(organisation=organisation, user__email=COLLEAGUE).role == Role.VIEWER

    # As a viewer the colleague can list the members but change nothing.
    page.goto(f"{base_url}/o/northwind/members/")
    members_text = page.inner_text("main")
    assert FOUNDER in members_text
    assert page.locator("main select[name=role]").count() == 0
    assert page.locator("main a:has-text('Remove')").count() == 0
    for path in ("settings/", "invitations/", "audit/", "transfer/", "delete/"):
        response = page.goto(f"{base_url}/o/northwind/{path}")
        assert response.status == HTTPStatus.FORBIDDEN, path

    # The register is read-only for a viewer too: no links to its form pages, but the RoPA PDF may be requested.
    for path in ("records/vendors/", "records/activities/", "records/processor-records/", "records/exports/"):
        page.goto(f"{base_url}/o/northwind/{path}")
        for form_page in ("/new/", "/edit/", "/delete/", "/bulk/"):
            assert page.locator(f"main a[href*='{form_page}']").count() == 0, (path, form_page)
    assert page.locator("main form[action$='/records/exports/ropa-pdf/'] button").count() == 1
    for path in ("records/vendors/new/", "records/activities/new/", "records/processor-records/new/"):
        response = page.goto(f"{base_url}/o/northwind/{path}")
        assert response.status == HTTPStatus.FORBIDDEN, path

    status = page.evaluate(
        """async (url) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken=')).split('=')[1];
            const body = new URLSearchParams({name: 'Renamed by a viewer', csrfmiddlewaretoken: token});
            const response = await fetch(url, {method: 'POST', body, credentials: 'same-origin'});
            return response.status;
        }""",
        f"{base_url}/o/northwind/settings/",
    )
    assert status == HTTPStatus.FORBIDDEN
    organisation.refresh_from_db()
    assert organisation.name == "Northwind Clinic"

    assert console_errors == []
