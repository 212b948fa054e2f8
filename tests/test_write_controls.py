"""Pages show write controls (links to form pages, forms that change data) only to members who may use them.

A viewer who follows an Edit link or submits a Delete form gets 403, so the register, DPIA and report pages must
not offer those controls to viewers. Each page is rendered as a viewer and as an editor. Every link and form
target on it is resolved to its view, and the view's `required_role` and `write_role` decide whether a viewer
may use it.
"""

from html.parser import HTMLParser
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse

from dpia.actions import dpia_create
from organisations.roles import Role, role_at_least
from records import actions
from records.choices import VendorUseStatus
from records.models import ChecklistTask, ProcessorActivity
from reports.models import ReportJob
from tests.dpia.factories import contact_centre_activity
from tests.records.factories import ServiceFactory, us_service

pytestmark = pytest.mark.django_db

# Attributes that send a request with the method named, for links, forms and htmx controls.
GET_ATTRIBUTES = {"a": ("href",), "*": ("hx-get",)}
WRITE_ATTRIBUTES = ("hx-post", "hx-put", "hx-patch", "hx-delete", "formaction")


class ControlParser(HTMLParser):
    """Collect (method, URL) pairs of the links, forms and htmx attributes of a page."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url = page_url
        self.targets = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in (*GET_ATTRIBUTES.get(tag, ()), *GET_ATTRIBUTES["*"]):
            if values.get(name):
                self.targets.append(("GET", values[name]))
        if tag == "form":
            method = (values.get("method") or "get").upper()
            self.targets.append((method, values.get("action") or self.page_url))
        for name in WRITE_ATTRIBUTES:
            if values.get(name):
                self.targets.append(("POST", values[name]))


def view_class_of(path):
    """Return (view class, URL name) for `path`, or None for URLs outside the organisation pages.

    The view class is None for a function view.
    """
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not parts.path.startswith("/o/"):
        return None
    match = resolve(parts.path)
    return getattr(match.func, "view_class", None), match.view_name


def viewer_may(method, view_class):
    """Return whether OrganisationMixin lets a viewer send `method` to `view_class`."""
    handler = method.lower()
    if handler not in view_class.http_method_names or not hasattr(view_class, handler):
        return False
    required = getattr(view_class, "required_role", Role.VIEWER)
    if method not in ("GET", "HEAD", "OPTIONS"):
        write_role = getattr(view_class, "write_role", Role.EDITOR)
        if role_at_least(write_role, required):
            required = write_role
    return role_at_least(Role.VIEWER, required)


def write_controls(html, page_url):
    """Return the URL names of the page's controls that a viewer may not use, as "METHOD name" strings."""
    parser = ControlParser(page_url)
    parser.feed(html)
    found = set()
    for method, url in parser.targets:
        resolved = view_class_of(url)
        if resolved is None:
            continue
        view_class, view_name = resolved
        assert view_class is not None, f"{view_name} is a function view, so its roles cannot be read"
        if not viewer_may(method, view_class):
            found.add(f"{method} {view_name}")
    return found


@pytest.fixture
def world(organisation, owner):
    """One row of everything the pages list: vendor, activity, checklist task, processor record, DPIA, report."""
    activity = contact_centre_activity(organisation, owner)
    vendor_use = actions.vendor_use_create_from_service(
        organisation=organisation,
        service=us_service(slug="analytics-suite", name="Analytics Suite"),
        actor=owner,
        status=VendorUseStatus.ACTIVE,
    )
    actions.vendor_use_accept_proposals(organisation=organisation, vendor_use=vendor_use, actor=owner)
    # In the catalogue but not in the register, so the catalogue search offers to add it.
    ServiceFactory(slug="analytics-lite", name="Analytics Lite")
    processor_record = ProcessorActivity.objects.create(
        organisation=organisation, controller_name="Client Bank AG", processing_categories="Payroll"
    )
    dpia = dpia_create(organisation=organisation, actor=owner, activity=activity)
    job = ReportJob.objects.create(organisation=organisation, kind="ropa", requested_by=owner)
    assert ChecklistTask.objects.for_organisation(organisation).exists()
    return {
        "activity": activity.pk,
        "vendor": vendor_use.pk,
        "processor_record": processor_record.pk,
        "dpia": dpia.pk,
        "job": job.pk,
        "step": 1,
    }


# Pages that a viewer may open, with the keys of `world` that fill their URL arguments.
PAGES = [
    ("records:dashboard", {}),
    ("records:vendor_list", {}),
    ("records:catalogue_search", {}),
    ("records:vendor_detail", {"pk": "vendor"}),
    ("records:activity_list", {}),
    ("records:activity_detail", {"pk": "activity"}),
    ("records:processor_activity_list", {}),
    ("records:processor_activity_detail", {"pk": "processor_record"}),
    ("records:checklist", {}),
    ("records:exports", {}),
    ("records:cookie_declaration", {}),
    ("records:consent_texts", {}),
    ("dpia:dpia_list", {}),
    ("dpia:screening", {"activity_pk": "activity"}),
    ("dpia:dpia_detail", {"pk": "dpia"}),
    ("dpia:dpia_step", {"pk": "dpia", "step": "step"}),
    ("dpia:version_list", {"pk": "dpia"}),
    ("reports:job_list", {}),
    ("reports:job_detail", {"pk": "job"}),
]
# Pages that offer editors no write control either: they only read, or link to pages open to viewers.
READ_ONLY_PAGES = {
    "records:dashboard",
    "records:cookie_declaration",
    "records:consent_texts",
    "records:exports",
    "dpia:dpia_list",
    "dpia:version_list",
    "reports:job_list",
    "reports:job_detail",
}


def page_url(organisation, url_name, arguments, world):
    kwargs = {"org_slug": organisation.slug, **{name: world[key] for name, key in arguments.items()}}
    url = reverse(url_name, kwargs=kwargs)
    if url_name == "records:catalogue_search":
        url += "?q=Analytics"
    return url


@pytest.mark.parametrize(("url_name", "arguments"), PAGES)
def test_viewer_sees_no_write_controls(client, organisation, viewer, world, url_name, arguments):
    client.force_login(viewer)
    url = page_url(organisation, url_name, arguments, world)

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert write_controls(response.text, url) == set()


@pytest.mark.parametrize(("url_name", "arguments"), [page for page in PAGES if page[0] not in READ_ONLY_PAGES])
def test_editor_sees_write_controls(client, organisation, editor, world, url_name, arguments):
    client.force_login(editor)
    url = page_url(organisation, url_name, arguments, world)

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert write_controls(response.text, url)


def test_parser_finds_known_write_controls(organisation, world):
    org_slug = organisation.slug
    vendor_edit = reverse("records:vendor_edit", kwargs={"org_slug": org_slug, "pk": world["vendor"]})
    activity_delete = reverse("records:activity_delete", kwargs={"org_slug": org_slug, "pk": world["activity"]})
    vendor_list = reverse("records:vendor_list", kwargs={"org_slug": org_slug})
    html = (
        f'<a href="{vendor_edit}">Edit</a>'
        f'<form method="post" action="{activity_delete}"></form>'
        f'<a href="{vendor_list}">Vendors</a>'
        f'<form method="get" action="{vendor_list}"></form>'
    )

    found = write_controls(html, vendor_list)

    assert found == {"GET records:vendor_edit", "POST records:activity_delete"}


@pytest.mark.parametrize(
    ("url_name", "arguments"),
    [
        ("records:vendor_proposals", {"pk": "vendor"}),
        ("records:processor_activity_edit", {"pk": "processor_record"}),
        ("dpia:dpia_import", {"pk": "dpia"}),
    ],
)
def test_form_page_forbidden_to_viewer(client, organisation, viewer, world, url_name, arguments):
    client.force_login(viewer)

    response = client.get(page_url(organisation, url_name, arguments, world))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_processor_record_readable_by_viewer(client, organisation, viewer, world):
    client.force_login(viewer)
    url = page_url(organisation, "records:processor_activity_detail", {"pk": "processor_record"}, world)

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "Client Bank AG" in response.text
    assert "Payroll" in response.text
    # No EU representative or DPO is recorded for this controller.
    assert response.text.count("None recorded") == 2
    assert "Art. 30(2)(a): controller contact details" in response.text


def test_processor_form_offers_delete_to_editor(client, organisation, editor, world):
    client.force_login(editor)

    response = client.get(page_url(organisation, "records:processor_activity_edit", {"pk": "processor_record"}, world))

    assert response.status_code == HTTPStatus.OK
    assert 'name="delete"' in response.text
