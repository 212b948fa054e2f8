"""The URL fetcher WeasyPrint uses for reports: it serves allow-listed project assets and rejects everything else.

WeasyPrint calls its URL fetcher for every stylesheet, image, font, object and attachment a document names.
The default fetcher follows http(s), redirects, file:// and data: URLs, which would let text in a report reach
cloud metadata services, internal hosts or any file the worker can read (other organisations' media included).
This fetcher never opens a network connection and reads only regular files under the allow-listed directories.
"""

import base64
import binascii
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# File types a report may load: stylesheets, images and fonts. Anything else (HTML, PDF, archives,
# text files) is rejected even inside an allowed directory.
ALLOWED_SUFFIXES = {
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}
ALLOWED_DATA_MEDIA_TYPES = {"image/png", "image/jpeg", "image/gif", "image/svg+xml", "text/css"}
DATA_URL_RE = re.compile(r"^data:(?P<media>[^,;]*)(?P<params>(;[^,;]*)*?)(?P<base64>;base64)?,(?P<data>.*)$", re.S)


class FetchRejected(ValueError):
    """A report named a URL that the fetcher does not serve."""


@dataclass(frozen=True)
class FetchRecord:
    url: str
    served: bool
    reason: str


class SafeURLFetcher(URLFetcher):
    """Serve files from `allowed_dirs` (after resolving symlinks) and small data: URLs; reject the rest.

    Every request is kept in `records`, so callers and tests can see what a document asked for.
    Rejections raise FetchRejected, which WeasyPrint turns into a warning and an empty resource:
    the document still renders, without that resource.
    """

    def __init__(self, allowed_dirs, *, max_file_bytes=5 * 1024 * 1024, max_data_url_bytes=64 * 1024):
        # No protocol allowed and no redirects for the urllib machinery of the parent class; fetch() below
        # never calls it anyway.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.allowed_dirs = tuple(Path(directory).resolve() for directory in allowed_dirs)
        self.max_file_bytes = max_file_bytes
        self.max_data_url_bytes = max_data_url_bytes
        self.records = []

    @property
    def rejected(self):
        return [record for record in self.records if not record.served]

    def fetch(self, url, headers=None):
        try:
            response = self._serve(url)
        except FetchRejected as rejection:
            self.records.append(FetchRecord(url=url[:300], served=False, reason=str(rejection)))
            logger.warning("Report fetcher rejected %s: %s", url[:300], rejection)
            raise
        self.records.append(FetchRecord(url=url[:300], served=True, reason=""))
        return response

    def _serve(self, url):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "file":
            return self._serve_file(url)
        if scheme == "data":
            return self._serve_data(url)
        raise FetchRejected(f"the {scheme or 'relative'} scheme is not allowed; reports load only their own assets")

    def _serve_file(self, url):
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise FetchRejected("file URLs on another host are not allowed")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(directory) for directory in self.allowed_dirs):
            raise FetchRejected("the file is outside the report asset directories")
        content_type = ALLOWED_SUFFIXES.get(path.suffix.lower())
        if content_type is None:
            raise FetchRejected(f"files of type {path.suffix or '(none)'} are not report assets")
        if not path.is_file():
            raise FetchRejected("no such asset")
        if path.stat().st_size > self.max_file_bytes:
            raise FetchRejected(f"the asset is larger than {self.max_file_bytes} bytes")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    def _serve_data(self, url):
        if len(url) > self.max_data_url_bytes:
            raise FetchRejected(f"data URLs above {self.max_data_url_bytes} bytes are not allowed")
        match = DATA_URL_RE.match(url)
        if match is None:
            raise FetchRejected("malformed data URL")
        media_type = (match["media"] or "text/plain").strip().lower()
        if media_type not in ALLOWED_DATA_MEDIA_TYPES:
            raise FetchRejected(f"data URLs of type {media_type} are not allowed")
        if match["base64"]:
            try:
                body = base64.b64decode(match["data"], validate=False)
            except (binascii.Error, ValueError) as error:
                raise FetchRejected(f"invalid base64 in data URL: {error}") from None
        else:
            body = unquote(match["data"]).encode()
        return URLFetcherResponse(url[:64], body, {"Content-Type": media_type})
