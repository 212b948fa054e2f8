"""In-memory index of the catalogue's domain and cookie rules, built once and shared by every lookup.

Lookups cost a few dictionary probes whatever the catalogue size:
- domain rules are grouped by registrable domain, so a host is compared only with the rules of its own
  registrable domain;
- exact cookie names sit in a dictionary;
- prefix cookie rules sit in a dictionary keyed by prefix, with the sorted list of distinct prefix lengths,
  so that finding every rule that is a prefix of a name takes one probe per distinct length, longest first.
"""

from collections import defaultdict
from dataclasses import dataclass

from .domains import normalise_host, registrable_domain


@dataclass(frozen=True, slots=True)
class ServiceRef:
    id: int
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class DomainRule:
    service: ServiceRef
    domain: str


@dataclass(frozen=True, slots=True)
class CookieRule:
    service: ServiceRef
    name: str
    is_prefix: bool
    domain: str  # Normalised setting domain; "" when the cookie is set on the website's own domain.
    storage: str
    categories: tuple
    cookie_id: int | None = None


class CatalogueIndex:
    def __init__(self):
        self.services = {}
        self.domains_by_registrable = defaultdict(list)
        self.exact_cookies = defaultdict(list)
        self.prefix_cookies = defaultdict(list)
        self.prefix_lengths = []

    def add_service(self, service_id, slug, name):
        ref = ServiceRef(service_id, slug, name)
        self.services[service_id] = ref
        return ref

    def add_domain(self, service_id, domain):
        host = normalise_host(domain)
        if host:
            self.domains_by_registrable[registrable_domain(host)].append(DomainRule(self.services[service_id], host))

    def add_cookie(self, service_id, name, *, is_prefix, domain="", storage="cookie", categories=(), cookie_id=None):
        rule = CookieRule(
            self.services[service_id], name, is_prefix, normalise_host(domain), storage, tuple(categories), cookie_id
        )
        if is_prefix:
            self.prefix_cookies[name].append(rule)
        else:
            self.exact_cookies[name].append(rule)

    def finish(self):
        """Sort what lookups rely on; call once after adding every rule."""
        self.prefix_lengths = sorted({len(prefix) for prefix in self.prefix_cookies if prefix}, reverse=True)
        for rules in self.domains_by_registrable.values():
            rules.sort(key=lambda rule: len(rule.domain), reverse=True)
        self.domains_by_registrable = dict(self.domains_by_registrable)
        self.exact_cookies = dict(self.exact_cookies)
        self.prefix_cookies = dict(self.prefix_cookies)
        return self

    def domain_rules_for(self, host):
        """Return the domain rules of the host's registrable domain, most specific (longest) first."""
        return self.domains_by_registrable.get(registrable_domain(host), ())

    def prefix_rules_for(self, name):
        """Yield (prefix, rules) for every prefix rule that starts `name`, longest prefix first."""
        for length in self.prefix_lengths:
            if length <= len(name):
                rules = self.prefix_cookies.get(name[:length])
                if rules:
                    yield name[:length], rules

    @property
    def size(self):
        return {
            "services": len(self.services),
            "domain_rules": sum(len(rules) for rules in self.domains_by_registrable.values()),
            "exact_cookie_rules": sum(len(rules) for rules in self.exact_cookies.values()),
            "prefix_cookie_rules": sum(len(rules) for rules in self.prefix_cookies.values()),
        }


def build_index(services=None, *, include_drafts=False):
    """Build the index from the database with three queries (services, domains, cookies)."""
    from services.models import Service, ServiceCookie, ServiceDomain

    queryset = services if services is not None else Service.objects.all()
    if not include_drafts:
        queryset = queryset.published()
    index = CatalogueIndex()
    for service_id, slug, name in queryset.values_list("id", "slug", "name"):
        index.add_service(service_id, slug, name)
    service_ids = queryset.values("id")
    for service_id, domain in ServiceDomain.objects.filter(service__in=service_ids).values_list("service_id", "domain"):
        index.add_domain(service_id, domain)
    cookies = ServiceCookie.objects.filter(service__in=service_ids).values_list(
        "id", "service_id", "name", "match", "domain", "storage", "categories"
    )
    for cookie_id, service_id, name, match, domain, storage, categories in cookies:
        index.add_cookie(
            service_id,
            name,
            is_prefix=match == "prefix",
            domain=domain,
            storage=storage,
            categories=categories or (),
            cookie_id=cookie_id,
        )
    return index.finish()
