"""Benchmark of the portal search in the database mode (not a test: it prints figures).

    .venv/bin/python bench/search_bench.py            # throw-away SQLite file
    DATABASE_URL=postgres://… .venv/bin/python bench/search_bench.py   # an EMPTY database

Seeds 10,000 content pages (``BENCH_PAGES``) and 20,000 approved local events
(``BENCH_EVENTS``), rebuilds the search index and prints its throughput, then the median
server-side time and query count of search pages (target 150 ms) and of suggestions
(target 50 ms), for an anonymous visitor on the public site.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "20000"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "30"))
SEARCH_TARGET_MS = 150
SUGGESTIONS_TARGET_MS = 50

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["ELASTICSEARCH_URL"] = ""  # the database mode

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
from pages.models import StandardPage  # noqa: E402
from search import indexing  # noqa: E402
from search.models import SearchEntry  # noqa: E402

WORDS = ("patrimoine", "chapelle", "musée", "archives", "jardin", "monument", "fouilles",
         "abbaye", "château", "moulin", "phare", "lavoir", "église", "manoir", "théâtre")
SEARCHES = ["/recherche/?q=patrimoine", "/recherche/?q=chapelle+rennes",
            "/recherche/?q=abbayes&type=page", "/recherche/?q=jardin&page=3"]
SUGGESTIONS = ["/recherche/suggestions/?q=chap", "/recherche/suggestions/?q=Égli",
               "/recherche/suggestions/?q=patrimoine+du"]


def seed():
    call_command("migrate", verbosity=0)
    public_site, _intranet = ensure_sites()
    home = public_site.root_page
    existing = StandardPage.objects.count()
    if existing < PAGES:
        started = time.perf_counter()
        section = StandardPage.objects.child_of(home).filter(slug="rubrique").first()
        if section is None:  # else a seeding that stopped half-way goes on
            section = StandardPage(title="Rubrique de démonstration", slug="rubrique")
            home.add_child(instance=section)
        for number in range(existing, PAGES):
            first, second = WORDS[number % len(WORDS)], WORDS[(number * 7) % len(WORDS)]
            section.add_child(instance=StandardPage(
                title=f"{first.capitalize()} et {second} n° {number}", slug=f"page-{number}",
                summary=f"Une page sur le {first} et le {second} de la région.",
                body=[("paragraph", f"<p>Le {first} accueille des visites ; le {second} "
                                    "se visite aussi.</p>")],
            ))
        print(f"seeded {PAGES - existing} pages in {time.perf_counter() - started:.1f} s")
    edition = ensure_national_event(home.specific)
    ensure_regional_pages(edition)
    existing = LocalEvent.objects.filter(edition=edition).count()
    if existing < EVENTS:
        started = time.perf_counter()
        generate_events(EVENTS - existing, edition, seed_organiser())
        print(f"seeded {EVENTS - existing} events in {time.perf_counter() - started:.1f} s")


def measure(client, url):
    median, queries, response = harness.render(client, url, RENDERS)
    assert response.status_code == 200, (url, response.status_code)
    return median, queries


def main():
    seed()
    started = time.perf_counter()
    indexing.rebuild()
    elapsed = time.perf_counter() - started
    entries = SearchEntry.objects.count()
    print(f"rebuild: {entries} entries in {elapsed:.1f} s ({entries / elapsed:.0f} entries/s)")
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    print(f"database: {connection.vendor}, {RENDERS} renders each, median")
    for label, urls, target in (("search", SEARCHES, SEARCH_TARGET_MS),
                                ("suggestions", SUGGESTIONS, SUGGESTIONS_TARGET_MS)):
        for url in urls:
            median, queries = measure(client, url)
            verdict = "ok" if median <= target else "OVER TARGET"
            print(f"{label:12} {url:45} {median:7.1f} ms  {queries:3} queries  "
                  f"(target {target} ms: {verdict})")


if __name__ == "__main__":
    main()
