"""Host names and registrable domains, from the Public Suffix List snapshot bundled in `publicsuffixlist`.

No network access happens here: the package ships its own copy of the list.
"""

import functools
import ipaddress
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

# Two views of the list. Vendor domain rules are grouped by their ICANN registrable domain, so that a rule such
# as cloudfront.net (a public suffix only in the list's private section) still has a key. A website's own
# domain uses the full list, so that two sites on github.io are not the same site.
_ICANN = PublicSuffixList(only_icann=True)
_FULL = PublicSuffixList()


def normalise_host(value):
    """Return the lower-case ASCII host name of a host, cookie domain or URL, or "" when there is none.

    Accepts "Example.COM.", ".example.com" (cookie domain attribute), "example.com:443" and full URLs.
    """
    text = (value or "").strip()
    if not text:
        return ""
    if "://" in text:
        text = urlsplit(text).hostname or ""
    elif "/" in text:
        text = urlsplit("//" + text).hostname or ""
    else:
        text = text.rsplit("@", 1)[-1]
        if text.count(":") == 1:
            text = text.split(":", 1)[0]
    text = text.strip().strip(".").lower()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        text = text.encode("idna").decode("ascii")
    except UnicodeError:
        return text
    return text


def is_ip_address(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=65536)
def registrable_domain(host):
    """Return the ICANN registrable domain of `host` (cdn.mypurecloud.com -> mypurecloud.com).

    A host that is itself a public suffix, an IP address or a single label returns itself, so that it can
    still serve as an index key.
    """
    host = normalise_host(host)
    if not host or is_ip_address(host):
        return host
    return _ICANN.privatesuffix(host) or host


@functools.lru_cache(maxsize=65536)
def site_domain(host):
    """Return the registrable domain of a website's host, honouring private suffixes such as github.io."""
    host = normalise_host(host)
    if not host or is_ip_address(host):
        return host
    return _FULL.privatesuffix(host) or host


def host_matches_rule(host, rule):
    """True when `host` is the rule's domain or one of its subdomains (never a look-alike such as notgenesys.com)."""
    return host == rule or host.endswith("." + rule)


def host_and_parents(host):
    """Return the host and each parent domain with at least two labels (a.b.example.com, b.example.com, ...)."""
    labels = normalise_host(host).split(".")
    return [".".join(labels[index:]) for index in range(len(labels) - 1)] if len(labels) > 1 else []
