"""Matching of pasted lines (vendor names, domains or URLs) to catalogue services."""

import re
from dataclasses import dataclass

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from services.matching.cache import get_index
from services.matching.matcher import match_host
from services.models import Service, ServiceAlias

# A line is read as a host or URL when it has a dot and no spaces ("genesys.com", "https://x.io/path").
_HOST_LIKE = re.compile(r"^\S+\.\S+$")


@dataclass
class LineMatch:
    line: str
    service: object = None
    matched_by: str = ""

    @property
    def matched(self):
        return self.service is not None


def match_lines(lines):
    """Return one LineMatch per distinct pasted line, in input order; unmatched lines have no service.

    Hosts and URLs go through the catalogue matcher, where a domain rule covers its subdomains. Other lines are
    compared with service names, aliases and slugs, ignoring case.
    """
    distinct = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    index = get_index()
    service_ids = {}
    names = []
    for line in distinct:
        if _HOST_LIKE.match(line):
            matches = match_host(index, line)
            if matches:
                service_ids[line] = (matches[0].service_id, _("domain"))
                continue
        names.append(line)

    lowered = {name.lower(): name for name in names}
    if lowered:
        by_name = Service.objects.published().annotate(key=Lower("name")).filter(key__in=list(lowered))
        for service_id, key in by_name.values_list("pk", "key"):
            service_ids.setdefault(lowered[key], (service_id, _("name")))
        by_slug = Service.objects.published().filter(slug__in=list(lowered))
        for service_id, slug in by_slug.values_list("pk", "slug"):
            service_ids.setdefault(lowered[slug], (service_id, _("name")))
        aliases = ServiceAlias.objects.filter(service__status="published").annotate(key=Lower("name"))
        for service_id, key in aliases.filter(key__in=list(lowered)).values_list("service_id", "key"):
            service_ids.setdefault(lowered[key], (service_id, _("alias")))

    services = Service.objects.in_bulk({service_id for service_id, _matched_by in service_ids.values()})
    results = []
    for line in distinct:
        found = service_ids.get(line)
        if found and found[0] in services:
            results.append(LineMatch(line=line, service=services[found[0]], matched_by=str(found[1])))
        else:
            results.append(LineMatch(line=line))
    return results
