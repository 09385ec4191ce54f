"""Benchmark of the events programme at scale (not a test: it prints figures).

    .venv/bin/python bench/events_bench.py            # throw-away SQLite file
    DATABASE_URL=postgres://… .venv/bin/python bench/events_bench.py   # an EMPTY database

Seeds 20,000 approved local events over every region, then prints the median server-side
render time and query count of filtered programme pages, and the time and peak Python
memory (tracemalloc) of the full CSV, JSON and ICS exports, each against its target.
"""

import os
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVENTS = int(os.environ.get("BENCH_EVENTS", "20000"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "30"))
RENDER_TARGET_MS = 100
EXPORT_TARGET_S = 5

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import harness  # noqa: E402
from events.management.commands.seed_events import seed_organiser  # noqa: E402
from events.models import LocalEvent  # noqa: E402
from events.seeding import ensure_national_event, ensure_regional_pages, generate_events  # noqa: E402
from pages.base.sites import ensure_sites  # noqa: E402


def seed():
    call_command("migrate", verbosity=0)
    public_site, _intranet = ensure_sites()
    edition = ensure_national_event(public_site.root_page.specific, 2026)
    ensure_regional_pages(edition)
    existing = LocalEvent.objects.filter(edition=edition).count()
    if existing < EVENTS:
        started = time.perf_counter()
        generate_events(EVENTS - existing, edition, seed_organiser())
        print(f"seeded {EVENTS - existing} events in {time.perf_counter() - started:.1f} s")
    return edition


def measure_render(client, url):
    median, queries, response = harness.render(client, url, RENDERS)
    assert response.status_code == 200, (url, response.status_code)
    matching = re.search(r'role="status">(\d+)', response.content.decode()).group(1)
    return median, queries, matching


def stream(client, url) -> int:
    return sum(len(chunk) for chunk in client.get(url).streaming_content)


def measure_export(client, url):
    """Time without tracing (tracemalloc slows Python down), then peak memory with it."""
    started = time.perf_counter()
    size = stream(client, url)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    stream(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1024 / 1024, size / 1024 / 1024


def main():
    edition = seed()
    vendor = connection.vendor
    total = LocalEvent.objects.published().count()
    print(f"database: {vendor}; published local events: {total}")
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    base = edition.url
    pages = [
        f"{base}bretagne/?free=1&date_from=2026-09-19&date_to=2026-09-19",
        f"{base}?region=occitanie&access=motor&young=1",
        f"{base}?q=chapelle&booking=none&page=2",
    ]
    print(f"\nprogramme pages (median of {RENDERS}, target {RENDER_TARGET_MS} ms):")
    for url in pages:
        median, queries, count = measure_render(client, url)
        print(f"  {url}\n    {median:6.1f} ms  ratio {median / RENDER_TARGET_MS:4.2f}  "
              f"{queries} queries  {count} matching events")
    print(f"\nexports of every published event (target {EXPORT_TARGET_S} s):")
    # A subset of about half the events: the peak should not follow the count.
    subset = "&date_to=2026-09-19"
    for name, url in (("CSV", "/evenements/export.csv"), ("JSON", "/evenements/export.json"),
                      ("ICS", "/evenements/flux.ics")):
        elapsed, peak, size = measure_export(client, f"{url}?edition={edition.pk}")
        _e, subset_peak, subset_size = measure_export(client,
                                                      f"{url}?edition={edition.pk}{subset}")
        print(f"  {name:4} {elapsed:5.2f} s  ratio {elapsed / EXPORT_TARGET_S:4.2f}  "
              f"{size:6.1f} MB streamed  peak memory {peak:5.1f} MB "
              f"(first day only, {subset_size:4.1f} MB: peak {subset_peak:4.1f} MB)")


if __name__ == "__main__":
    main()
