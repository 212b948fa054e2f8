import pytest

from services.matching.cache import get_index
from services.matching.domains import normalise_host, registrable_domain, site_domain
from services.matching.index import CatalogueIndex, build_index
from services.matching.matcher import Item, ItemKind, match_cookie, match_host, match_items
from services.models import Service, ServiceCookie, ServiceDomain
from tests.services.factories import ServiceFactory


@pytest.fixture
def index():
    index = CatalogueIndex()
    index.add_service(1, "genesys-cloud", "Genesys Cloud")
    for domain in ["genesys.com", "mypurecloud.com", "mypurecloud.de", "cdn.mypurecloud.com", "pure.cloud"]:
        index.add_domain(1, domain)
    index.add_cookie(1, "PCID", is_prefix=False)
    index.add_cookie(1, "_genesys.widgets.", is_prefix=True)

    index.add_service(2, "google-analytics", "Google Analytics")
    index.add_domain(2, "google-analytics.com")
    index.add_cookie(2, "_ga", is_prefix=False)
    index.add_cookie(2, "_ga_", is_prefix=True)

    index.add_service(3, "google-ads", "Google Ads")
    index.add_domain(3, "doubleclick.net")
    index.add_cookie(3, "IDE", is_prefix=False, domain=".doubleclick.net")
    index.add_cookie(3, "_gcl_", is_prefix=True)

    index.add_service(4, "short-prefix", "Short Prefix Vendor")
    index.add_cookie(4, "_g", is_prefix=True)

    index.add_service(5, "maps-api", "Maps API")
    index.add_domain(5, "maps.example.co.uk")
    index.add_service(6, "example-group", "Example Group")
    index.add_domain(6, "example.co.uk")
    return index.finish()


def slugs(matches):
    return [match.slug for match in matches]


@pytest.mark.parametrize(
    "host",
    ["genesys.com", "www.genesys.com", "apps.mypurecloud.de", "https://cdn.mypurecloud.com/widget.js", "PURE.CLOUD."],
)
def test_host_matches_domain_and_subdomains(index, host):
    assert slugs(match_host(index, host)) == ["genesys-cloud"]


@pytest.mark.parametrize(
    "host", ["notgenesys.com", "genesys.com.evil.example", "mypurecloud.com.br", "genesys.co", "xpure.cloud"]
)
def test_look_alike_host_is_unknown(index, host):
    assert match_host(index, host) == []


def test_most_specific_domain_rule_wins(index):
    assert slugs(match_host(index, "tiles.maps.example.co.uk")) == ["maps-api"]
    assert slugs(match_host(index, "www.example.co.uk")) == ["example-group"]


def test_domain_evidence_names_rule_and_host(index):
    [match] = match_host(index, "cdn.mypurecloud.com")

    assert match.confidence == "high"
    assert [(e.rule, e.pattern, e.matched) for e in match.evidence] == [
        ("domain", "cdn.mypurecloud.com", "cdn.mypurecloud.com")
    ]


def test_exact_cookie_beats_prefix(index):
    [match] = match_cookie(index, "_ga")

    assert match.slug == "google-analytics"
    assert match.evidence[0].rule == "cookie-exact"


def test_prefix_matches_start_never_substring(index):
    assert slugs(match_cookie(index, "_ga_K3YZ12")) == ["google-analytics"]
    assert match_cookie(index, "x_ga_K3YZ12") == []
    assert match_cookie(index, "session_genesys.widgets.state") == []


def test_longest_prefix_wins(index):
    [match] = match_cookie(index, "_gcl_au")

    assert match.slug == "google-ads"
    assert match.evidence[0].pattern == "_gcl_*"


def test_short_prefix_gives_low_confidence(index):
    [match] = match_cookie(index, "_gxyz")

    assert match.slug == "short-prefix"
    assert match.confidence == "low"


def test_cookie_names_are_case_sensitive(index):
    assert match_cookie(index, "pcid") == []


def test_first_party_cookie_not_attributed_to_other_domain_rule(index):
    assert match_cookie(index, "IDE", domain="shop.example.com", site="shop.example.com") == []
    assert match_cookie(index, "IDE", domain=".example.com") == []


def test_cookie_from_rule_domain_matches(index):
    [match] = match_cookie(index, "IDE", domain=".doubleclick.net", site="shop.example.com")

    assert match.slug == "google-ads"
    assert match.confidence == "high"


def test_unknown_cookie_from_vendor_domain_gets_lower_confidence(index):
    [match] = match_cookie(index, "fresh_cookie", domain="apps.mypurecloud.com", site="shop.example.com")

    assert match.slug == "genesys-cloud"
    assert match.confidence == "medium"
    assert match.evidence[0].rule == "cookie-domain"


def test_unknown_items_come_back_unknown(index):
    items = [
        Item(ItemKind.HOST, "cdn.unknown-vendor.example"),
        Item(ItemKind.COOKIE, "mystery"),
        Item(ItemKind.URL, ""),
    ]

    results = match_items(index, items)

    assert [result.as_dict()["status"] for result in results] == ["unknown", "unknown", "unknown"]


def test_host_claimed_by_two_services_is_medium():
    index = CatalogueIndex()
    index.add_service(1, "a", "A")
    index.add_service(2, "b", "B")
    index.add_domain(1, "shared.example")
    index.add_domain(2, "shared.example")
    index.finish()

    matches = match_host(index, "shared.example")

    assert slugs(matches) == ["a", "b"]
    assert {match.confidence for match in matches} == {"medium"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Example.COM.", "example.com"),
        (".example.com", "example.com"),
        ("example.com:8443", "example.com"),
        ("https://user@www.example.com:443/path?q=1", "www.example.com"),
        ("www.example.com/path", "www.example.com"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("", ""),
    ],
)
def test_normalise_host(value, expected):
    assert normalise_host(value) == expected


def test_registrable_domain_follows_public_suffix_list():
    assert registrable_domain("cdn.mypurecloud.com") == "mypurecloud.com"
    assert registrable_domain("a.b.example.co.uk") == "example.co.uk"
    assert registrable_domain("d1234.cloudfront.net") == "cloudfront.net"
    assert site_domain("alice.github.io") == "alice.github.io"
    assert site_domain("alice.github.io") != site_domain("bob.github.io")


def test_build_index_reads_published_services_only(db):
    published = ServiceFactory(slug="published-one")
    ServiceDomain.objects.create(service=published, domain="published.example")
    draft = ServiceFactory(slug="draft-one", status="draft")
    ServiceDomain.objects.create(service=draft, domain="draft.example")

    index = build_index()

    assert slugs(match_host(index, "www.published.example")) == ["published-one"]
    assert match_host(index, "draft.example") == []
    assert slugs(match_host(build_index(include_drafts=True), "draft.example")) == ["draft-one"]


def test_shared_index_is_rebuilt_after_catalogue_change(db):
    service = ServiceFactory(slug="vendor")
    assert match_cookie(get_index(), "vendor_cookie") == []

    ServiceCookie.objects.create(
        service=service, name="vendor_cookie", categories=["analytics"], duration_text="1 day", purpose="Counts."
    )

    assert slugs(match_cookie(get_index(), "vendor_cookie")) == ["vendor"]
    Service.objects.filter(pk=service.pk).delete()
    assert match_cookie(get_index(), "vendor_cookie") == []
