"""The isolation checks themselves: each kind of leak must be reported."""

import pytest
from django.urls import reverse

from .checks import member_control_failure, tenant_route_failures
from .registry import ALL_METHODS

pytestmark = pytest.mark.urls("tests.isolation.leaky_urls")


def failures_for(world, name):
    url = reverse(name, kwargs={"org_slug": world["organisation"].slug})
    return tenant_route_failures(world, url, methods=ALL_METHODS, is_api=False)


def test_checks_pass_member_only_view(world):
    assert failures_for(world, "safe") == []


def test_checks_report_leaked_data(world):
    failures = failures_for(world, "leak")

    assert any("as B viewer answered 200, expected 404" in failure for failure in failures)
    assert any("as anonymous answered 200" in failure for failure in failures)
    assert any("showed organisation A's data" in failure for failure in failures)


def test_checks_report_changed_rows(world):
    failures = failures_for(world, "delete")

    assert any("rows of organisations.Invitation of organisation A changed" in failure for failure in failures)


def test_control_reports_url_owner_cannot_reach(world):
    url = reverse("safe", kwargs={"org_slug": "no-such-organisation"})

    failure = member_control_failure(world, url, methods=ALL_METHODS, is_api=False)

    assert failure is not None
    assert "answered 404" in failure


def test_control_passes_owner_reachable_url(world):
    url = reverse("safe", kwargs={"org_slug": world["organisation"].slug})

    assert member_control_failure(world, url, methods=ALL_METHODS, is_api=False) is None
