"""The catalogue data files shipped in services/catalogue/data/ validate, load and state the required facts."""

from io import StringIO

import pytest
from django.core.management import call_command

from services.catalogue.validation import DATA_DIR, cross_reference_errors, read_catalogue, read_file
from services.matching.cache import get_index
from services.matching.matcher import match_cookie, match_host
from services.models import Service

DATA_FILES = sorted(DATA_DIR.glob("*.yaml"))


def test_catalogue_has_at_least_sixty_entries():
    assert len(DATA_FILES) >= 60


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_data_file_matches_schema(path):
    _entry, errors = read_file(path)

    assert [str(error) for error in errors] == []


def test_data_files_reference_each_other_correctly():
    entries, _errors = read_catalogue(DATA_DIR)

    errors = cross_reference_errors(entries)

    assert [str(error) for error in errors] == []


@pytest.fixture
def shipped_catalogue(db):
    call_command("load_catalogue", stdout=StringIO(), stderr=StringIO())


def test_shipped_catalogue_loads_idempotently(shipped_catalogue, client):
    stdout = StringIO()

    call_command("load_catalogue", "--force", stdout=stdout, stderr=StringIO())

    assert f"0 created, 0 updated, {len(DATA_FILES)} unchanged" in stdout.getvalue()
    assert Service.objects.count() == len(DATA_FILES)
    assert set(Service.objects.values_list("version", flat=True)) == {1}
    # Every published entry's page renders.
    for slug in Service.objects.published().values_list("slug", flat=True):
        assert client.get(f"/services/{slug}/").status_code == 200, slug
    # A name written like an HTML element is shown as text.
    model_viewer = Service.objects.filter(slug="model-viewer").first()
    if model_viewer is not None:
        response = client.get(model_viewer.get_absolute_url())
        assert "<model-viewer>" not in response.text


GENESYS = DATA_DIR / "genesys-cloud.yaml"


@pytest.mark.skipif(not GENESYS.exists(), reason="genesys-cloud.yaml is not in the catalogue yet")
def test_genesys_cloud_has_required_facts(shipped_catalogue):
    service = Service.objects.get(slug="genesys-cloud")

    assert service.name == "Genesys Cloud"
    assert service.vendor_legal_entity == "Genesys Cloud Services, Inc."
    assert service.vendor_city == "Daly City"
    assert str(service.vendor_country) == "US"
    assert "contact-centre" in service.categories
    assert service.consent_category == "marketing"
    assert service.risk_level == "high"
    assert {
        "genesys.com",
        "mypurecloud.com",
        "mypurecloud.ie",
        "mypurecloud.de",
        "pure.cloud",
        "cdn.mypurecloud.com",
    } <= set(service.domains.values_list("domain", flat=True))
    cookies = {cookie.name: cookie for cookie in service.cookies.all()}
    assert set(cookies["PCID"].categories) == {"functional", "marketing"}
    assert cookies["PCID"].duration_seconds == 365 * 86400
    assert cookies["_genesys_chat_session"].is_session
    assert cookies["_genesys_chat_session"].categories == ["functional"]
    assert cookies["_genesys_co_browse"].is_session
    assert cookies["gms.UserConsent"].categories == ["strictly-necessary"]
    assert cookies["gms.UserConsent"].duration_seconds == 365 * 86400
    assert cookies["_genesys_telemetry"].categories == ["analytics"]
    assert cookies["_genesys_telemetry"].duration_seconds == 180 * 86400
    bases = {basis.basis: basis.covers for basis in service.legal_bases.all()}
    assert set(bases) == {"contract", "consent", "legitimate-interests"}
    assert "recording" in bases["consent"]
    assert "sentiment" in bases["consent"]
    assert "fraud" in bases["legitimate-interests"]
    assert set(service.regulations) >= {
        "gdpr",
        "eprivacy-directive",
        "eprivacy-regulation-proposal",
        "national-telecoms-law",
        "eu-ai-act",
    }
    assert service.transfers_outside_eea
    assert "US" in service.transfer_destinations
    assert set(service.transfer_safeguards) >= {"scc-2021", "eu-us-dpf"}
    assert any("Frankfurt" in region for region in service.eu_regions)
    assert any("Dublin" in region for region in service.eu_regions)
    subprocessors = {item.name: item for item in service.subprocessors.all()}
    assert any("Amazon Web Services" in name for name in subprocessors)
    openai = next(item for name, item in subprocessors.items() if "OpenAI" in name)
    assert openai.condition
    assert service.checklist_items.count() == 8
    assert service.dpia_considerations.count() >= 6
    alternatives = {item.name: str(item.country) for item in service.eu_alternatives.all()}
    for name, country in [
        ("Diabolocom", "FR"),
        ("Vocalcom", "FR"),
        ("Odigo", "FR"),
        ("Solgari", "IE"),
        ("Anywhere365", "NL"),
        ("3CX", "CY"),
        ("Aircall", "FR"),
        ("CloudTalk", "SK"),
    ]:
        assert alternatives.get(name) == country, name
    assert any(name.lower() == "vicidial" for name in alternatives)
    assert "FreeSWITCH" in alternatives
    assert "{organisation}" in service.consent_text

    # The matcher finds it by its CDN host and its cookie, and not by a look-alike domain.
    index = get_index()

    assert [match.slug for match in match_host(index, "cdn.mypurecloud.com")] == ["genesys-cloud"]
    assert [match.slug for match in match_host(index, "notgenesys.com")] == []
    assert [match.slug for match in match_cookie(index, "PCID")] == ["genesys-cloud"]
