"""Drive Debian's Chromium with Playwright against pytest-django's live server.

Test packages other than tests/integration/ use the `browser_page` fixture by importing it into their
conftest.py: `from tests.integration.browser import browser_page  # noqa: F401`.
"""

import os
import shutil
from dataclasses import dataclass, field

import pytest

from tests.conftest import skip_or_fail

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path():
    """Return the path of the system Chromium, or None when it is not installed."""
    for candidate in (os.environ.get("DPO_DESK_CHROMIUM"), *CHROMIUM_CANDIDATES):
        if candidate and shutil.which(candidate):
            return candidate
    return None


@dataclass
class PageProblems:
    """Console errors (Content-Security-Policy violations among them) and failed or 4xx/5xx responses."""

    console_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)


def _record_console_error(page, problems, message):
    # NOTE: "Failed to load resource" repeats, without the URL, a response that the response handler records
    # with its URL. Chromium's own /favicon.ico request reaches only the console, so it is not reported.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        problems.console_errors.append(f"{page.url}: {message.text}")


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A Playwright page in headless Chromium, with `page.problems` collecting errors the page ran into."""
    executable = chromium_path()
    if executable is None:
        skip_or_fail(
            "The browser tests need Chromium: apt-get install chromium (make SYSTEM_PACKAGES_FLAGS=--browser)."
        )
    # Playwright's synchronous API runs an event loop in this thread, so Django would raise SynchronousOnlyOperation
    # on ORM calls from the test. The test code is synchronous, which makes the override safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        problems = PageProblems()
        page.on("console", lambda message: _record_console_error(page, problems, message))
        page.on("requestfailed", lambda request: problems.failed_requests.append(f"{request.url} failed"))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and problems.failed_requests.append(f"{response.url} answered {response.status}")
            ),
        )
        page.problems = problems
        try:
            yield page
        finally:
            context.close()
            browser.close()
