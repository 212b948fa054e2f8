"""The report URL fetcher serves the report assets and rejects every other URL."""

import base64
from pathlib import Path

import pytest
from django.conf import settings

from reports.rendering.fetcher import FetchRejected, SafeURLFetcher
from reports.rendering.pdf import ASSETS_DIR


@pytest.fixture
def fetcher():
    return SafeURLFetcher([ASSETS_DIR], max_file_bytes=1024 * 1024, max_data_url_bytes=2048)


def test_serves_report_stylesheet(fetcher):
    response = fetcher.fetch((ASSETS_DIR / "pdf.css").as_uri())

    assert response.content_type == "text/css"
    assert b"table-layout: fixed" in response.read()
    assert fetcher.records[0].served


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "https://example.com/logo.png",
        "http://127.0.0.1:8000/admin/",
        "ftp://example.com/file.css",
        "gopher://127.0.0.1:6379/_FLUSHALL",
        "file:///etc/passwd",
        "file:///etc/hostname",
        "file://otherhost/etc/passwd",
        "//example.com/relative-to-scheme.css",
    ],
)
def test_rejects_network_and_foreign_files(fetcher, url):
    with pytest.raises(FetchRejected):
        fetcher.fetch(url)

    assert fetcher.records[-1].served is False


def test_rejects_media_root_files(fetcher, tmp_path):
    media_file = Path(settings.MEDIA_ROOT) / "reports" / "leak-test.png"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_bytes(b"\x89PNG\r\n\x1a\n")
    try:
        with pytest.raises(FetchRejected, match="outside"):
            fetcher.fetch(media_file.as_uri())
    finally:
        media_file.unlink()


def test_rejects_path_traversal_out_of_assets(fetcher):
    url = (ASSETS_DIR / ".." / ".." / ".." / "config" / "settings.py").as_uri()

    with pytest.raises(FetchRejected, match="outside"):
        fetcher.fetch(url)


def test_rejects_symlink_out_of_assets(tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    (assets / "link.css").symlink_to(secret)
    fetcher = SafeURLFetcher([assets])

    with pytest.raises(FetchRejected, match="outside"):
        fetcher.fetch((assets / "link.css").as_uri())


def test_rejects_disallowed_file_types_inside_assets(tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "notes.txt").write_text("internal")
    fetcher = SafeURLFetcher([assets])

    with pytest.raises(FetchRejected, match="not report assets"):
        fetcher.fetch((assets / "notes.txt").as_uri())


def test_rejects_oversized_asset(tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "big.png").write_bytes(b"0" * 2048)
    fetcher = SafeURLFetcher([assets], max_file_bytes=1024)

    with pytest.raises(FetchRejected, match="larger"):
        fetcher.fetch((assets / "big.png").as_uri())


def test_serves_small_data_url(fetcher):
    pixel = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()

    response = fetcher.fetch(f"data:image/png;base64,{pixel}")

    assert response.read() == b"\x89PNG\r\n\x1a\n"


def test_rejects_data_url_above_limit(fetcher):
    payload = base64.b64encode(b"x" * 4096).decode()

    with pytest.raises(FetchRejected, match="above 2048 bytes"):
        fetcher.fetch(f"data:image/png;base64,{payload}")


@pytest.mark.parametrize("media_type", ["text/html", "application/pdf", "application/x-sh"])
def test_rejects_data_url_of_other_types(fetcher, media_type):
    with pytest.raises(FetchRejected, match="not allowed"):
        fetcher.fetch(f"data:{media_type},hello")
