"""Match host names, URLs and cookies to catalogue services, with the evidence and a confidence.

Rules, in the order they apply:
- A domain rule matches its own host and every subdomain, never a look-alike (notgenesys.com is not
  genesys.com). When several rules match a host, the longest (most specific) rule wins.
- An exact cookie rule beats any prefix rule. Among prefix rules the longest prefix wins, and a prefix
  matches only the start of a name, never a substring elsewhere.
- A prefix shorter than MIN_CONFIDENT_PREFIX characters gives low confidence only.
- A cookie rule that names a setting domain matches only a cookie set by that domain or its subdomains,
  so a cookie set on the website's own domain is not attributed to a vendor whose rule names another one.
- Anything else comes back as unknown.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from .domains import host_matches_rule, normalise_host, site_domain

MIN_CONFIDENT_PREFIX = 4


class ItemKind(StrEnum):
    HOST = "host"
    URL = "url"
    COOKIE = "cookie"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


_RANK = {Confidence.HIGH: 3, Confidence.MEDIUM: 2, Confidence.LOW: 1}


def _lower(confidence):
    return Confidence.MEDIUM if confidence == Confidence.HIGH else Confidence.LOW


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    value: str
    domain: str = ""  # For a cookie: the domain that set it, when known.


@dataclass
class Evidence:
    rule: str  # "domain", "cookie-exact", "cookie-prefix" or "cookie-domain"
    pattern: str
    matched: str
    note: str = ""

    def as_dict(self):
        data = {"rule": self.rule, "pattern": self.pattern, "matched": self.matched}
        if self.note:
            data["note"] = self.note
        return data


@dataclass
class ServiceMatch:
    service_id: int
    slug: str
    name: str
    confidence: Confidence
    evidence: list = field(default_factory=list)
    categories: tuple = ()

    def as_dict(self):
        data = {
            "service": self.slug,
            "name": self.name,
            "confidence": str(self.confidence),
            "evidence": [evidence.as_dict() for evidence in self.evidence],
        }
        if self.categories:
            data["cookie_categories"] = list(self.categories)
        return data


@dataclass
class ItemResult:
    item: Item
    matches: list

    @property
    def is_unknown(self):
        return not self.matches

    def as_dict(self):
        data = {"kind": str(self.item.kind), "value": self.item.value}
        if self.item.domain:
            data["domain"] = self.item.domain
        data["status"] = "unknown" if self.is_unknown else "matched"
        data["matches"] = [match.as_dict() for match in self.matches]
        return data


def _merge(matches):
    """Keep one match per service, with the best confidence and all the evidence, best first."""
    by_service = {}
    for match in matches:
        kept = by_service.get(match.service_id)
        if kept is None:
            by_service[match.service_id] = match
            continue
        kept.evidence.extend(match.evidence)
        if _RANK[match.confidence] > _RANK[kept.confidence]:
            kept.confidence = match.confidence
    return sorted(by_service.values(), key=lambda match: (-_RANK[match.confidence], match.name))


def match_host(index, value):
    """Return the services whose domain rules cover the host of `value` (a host name or a URL)."""
    host = normalise_host(value)
    if not host:
        return []
    winning_length = None
    matches = []
    for rule in index.domain_rules_for(host):
        if winning_length is not None and len(rule.domain) < winning_length:
            break
        if host_matches_rule(host, rule.domain):
            winning_length = len(rule.domain)
            how = "host is the rule's domain" if host == rule.domain else "host is a subdomain of the rule's domain"
            matches.append(
                ServiceMatch(
                    rule.service.id,
                    rule.service.slug,
                    rule.service.name,
                    Confidence.HIGH,
                    [Evidence("domain", rule.domain, host, how)],
                )
            )
    merged = _merge(matches)
    if len(merged) > 1:
        # Several vendors claim the same host: none of them is certain.
        for match in merged:
            match.confidence = Confidence.MEDIUM
    return merged


def _domain_verdict(rule, cookie_domain, site):
    """Return (accepted, note, lower) for a cookie rule given the cookie's setting domain and the site."""
    if rule.domain:
        if not cookie_domain:
            return True, "setting domain not given, rule expects " + rule.domain, False
        if host_matches_rule(cookie_domain, rule.domain) or host_matches_rule(rule.domain, cookie_domain):
            return True, "", False
        return False, "", False
    if cookie_domain and site and site_domain(cookie_domain) != site_domain(site):
        # A first-party rule seen on a third-party domain: the name fits, the place does not.
        return True, f"rule describes a first-party cookie, but it was set by {cookie_domain}", True
    return True, "", False


def _cookie_rule_match(rule, confidence, evidence):
    return ServiceMatch(
        rule.service.id, rule.service.slug, rule.service.name, confidence, [evidence], tuple(rule.categories)
    )


def match_cookie(index, name, *, domain="", site=""):
    """Return the services whose cookie rules cover a cookie `name` set by `domain` on `site`."""
    name = (name or "").strip()
    if not name:
        return []
    cookie_domain = normalise_host(domain)

    matches = []
    for rule in index.exact_cookies.get(name, ()):
        accepted, note, lower = _domain_verdict(rule, cookie_domain, site)
        if accepted:
            confidence = _lower(Confidence.HIGH) if lower else Confidence.HIGH
            matches.append(_cookie_rule_match(rule, confidence, Evidence("cookie-exact", rule.name, name, note)))
    if matches:
        return _finish_cookie_matches(matches)

    for prefix, rules in index.prefix_rules_for(name):
        for rule in rules:
            accepted, note, lower = _domain_verdict(rule, cookie_domain, site)
            if not accepted:
                continue
            if len(prefix) < MIN_CONFIDENT_PREFIX:
                confidence = Confidence.LOW
                note = (note + "; " if note else "") + f"prefix of only {len(prefix)} characters"
            else:
                confidence = Confidence.HIGH
            if lower:
                confidence = _lower(confidence)
            matches.append(_cookie_rule_match(rule, confidence, Evidence("cookie-prefix", rule.name + "*", name, note)))
        if matches:
            # The longest matching prefix wins; shorter prefixes are not consulted.
            return _finish_cookie_matches(matches)

    if cookie_domain and not (site and site_domain(cookie_domain) == site_domain(site)):
        # Unknown name, but set by a vendor's domain: attribute it to that vendor with less certainty.
        host_matches = match_host(index, cookie_domain)
        for match in host_matches:
            match.confidence = _lower(match.confidence)
            for evidence in match.evidence:
                evidence.rule = "cookie-domain"
                evidence.note = (
                    f"cookie {name!r} is not in the catalogue, but its setting domain belongs to the service"
                )
        return host_matches
    return []


def _finish_cookie_matches(matches):
    merged = _merge(matches)
    if len(merged) > 1:
        for match in merged:
            if match.confidence == Confidence.HIGH:
                match.confidence = Confidence.MEDIUM
    return merged


def match_items(index, items, *, site=""):
    """Match each item; return one ItemResult per item, in input order."""
    results = []
    for item in items:
        if item.kind == ItemKind.COOKIE:
            matches = match_cookie(index, item.value, domain=item.domain, site=site)
        else:
            matches = match_host(index, item.value)
        results.append(ItemResult(item, matches))
    return results
