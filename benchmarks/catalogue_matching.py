"""Measure the catalogue matcher: 10,000 requests against 10,000 synthetic services.

Each synthetic service has 3 domain rules (two on its own registrable domain, one on a shared public suffix
such as co.uk), 5 exact cookie rules and 1 prefix cookie rule. Each request contains 6 items: a host, a URL,
an unknown look-alike host, an exact cookie, a prefixed cookie with its setting domain, and an unknown cookie.

The baseline is a naive matcher that scans every rule for every item. It is far slower, so it runs on a sample
of the same requests and its cost per request is reported from that sample.

Run: .venv/bin/python benchmarks/catalogue_matching.py [--services N] [--requests N] [--baseline-sample N]
No database is needed: the index is built from synthetic rows in memory, as build_index() does from the rows
it reads.
"""

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from services.matching.domains import host_matches_rule, normalise_host  # noqa: E402
from services.matching.index import CatalogueIndex  # noqa: E402
from services.matching.matcher import Item, ItemKind, match_items  # noqa: E402

SUFFIXES = ["com", "net", "io", "de", "fr", "co.uk", "com.au"]


def synthetic_catalogue(count, rng):
    services = []
    for number in range(count):
        base = f"vendor{number}x{rng.randrange(10**6)}"
        suffix = SUFFIXES[number % len(SUFFIXES)]
        services.append(
            {
                "id": number + 1,
                "slug": f"vendor-{number}",
                "name": f"Vendor {number}",
                "domains": [f"{base}.{suffix}", f"cdn.{base}-static.com", f"api.{base}.io"],
                "exact_cookies": [f"_v{number}_{kind}" for kind in ("id", "sess", "consent", "ab", "ref")],
                "prefix_cookies": [f"_v{number}pfx_"],
            }
        )
    return services


def build(services):
    index = CatalogueIndex()
    for service in services:
        index.add_service(service["id"], service["slug"], service["name"])
        for domain in service["domains"]:
            index.add_domain(service["id"], domain)
        for name in service["exact_cookies"]:
            index.add_cookie(service["id"], name, is_prefix=False)
        for name in service["prefix_cookies"]:
            index.add_cookie(service["id"], name, is_prefix=True, domain=service["domains"][0])
    return index.finish()


def synthetic_requests(services, count, rng):
    requests = []
    for _ in range(count):
        service = rng.choice(services)
        domain = service["domains"][0]
        requests.append(
            [
                Item(ItemKind.HOST, f"www.{domain}"),
                Item(ItemKind.URL, f"https://cdn.{domain}/script.js?v=3"),
                Item(ItemKind.HOST, f"not{domain}"),
                Item(ItemKind.COOKIE, rng.choice(service["exact_cookies"])),
                Item(ItemKind.COOKIE, service["prefix_cookies"][0] + "A1B2C3", domain="." + domain),
                Item(ItemKind.COOKIE, f"unknown_{rng.randrange(10**6)}"),
            ]
        )
    return requests


def naive_match(services, items):
    """Scan every rule of every service for every item; the same answers, without an index."""
    results = []
    for item in items:
        found = []
        if item.kind == ItemKind.COOKIE:
            for service in services:
                if item.value in service["exact_cookies"]:
                    found.append(service["slug"])
            if not found:
                best = 0
                for service in services:
                    for prefix in service["prefix_cookies"]:
                        if item.value.startswith(prefix) and len(prefix) >= best:
                            if len(prefix) > best:
                                found, best = [], len(prefix)
                            found.append(service["slug"])
        else:
            host = normalise_host(item.value)
            for service in services:
                if any(host_matches_rule(host, rule) for rule in service["domains"]):
                    found.append(service["slug"])
        results.append(found)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000, help="Number of synthetic services.")
    parser.add_argument("--requests", type=int, default=10_000, help="Number of match requests.")
    parser.add_argument("--baseline-sample", type=int, default=200, help="Requests timed with the naive scan.")
    parser.add_argument("--seed", type=int, default=20261204, help="Random seed, for repeatable data.")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    services = synthetic_catalogue(args.services, rng)
    requests = synthetic_requests(services, args.requests, rng)
    items_per_request = len(requests[0])

    started = time.perf_counter()
    index = build(services)
    build_seconds = time.perf_counter() - started

    started = time.perf_counter()
    unknown = matched = 0
    for items in requests:
        for result in match_items(index, items, site="shop.example.com"):
            if result.is_unknown:
                unknown += 1
            else:
                matched += 1
    indexed_seconds = time.perf_counter() - started

    sample = requests[: args.baseline_sample]
    started = time.perf_counter()
    for items in sample:
        naive_match(services, items)
    naive_seconds = time.perf_counter() - started

    # The two matchers must agree on which service each item belongs to, or the comparison means nothing.
    for items in sample:
        indexed = [[match.slug for match in result.matches] for result in match_items(index, items)]
        naive = naive_match(services, items)
        if [sorted(found) for found in indexed] != [sorted(found) for found in naive]:
            raise SystemExit(f"indexed and naive matchers disagree on {items}: {indexed} != {naive}")

    indexed_per_request = indexed_seconds / len(requests)
    naive_per_request = naive_seconds / len(sample)
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"Catalogue: {args.services} services, index rules {index.size}")
    print(f"Index build: {build_seconds * 1000:.1f} ms")
    print(
        f"Indexed matcher: {len(requests)} requests x {items_per_request} items in {indexed_seconds:.3f} s, "
        f"{indexed_per_request * 1e6:.1f} us per request ({matched} items matched, {unknown} unknown)"
    )
    print(
        f"Baseline (naive linear scan): {len(sample)} requests in {naive_seconds:.3f} s, "
        f"{naive_per_request * 1e6:.1f} us per request"
    )
    print(f"Speed-up over the baseline: {naive_per_request / indexed_per_request:.0f}x")


if __name__ == "__main__":
    main()
