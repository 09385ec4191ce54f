"""Benchmark of anonymous public pages through gunicorn (not a test: it prints a table).

    make bench                                   # or: .venv/bin/python bench/site_bench.py
    BENCH_DATABASE_URL=postgres://… make bench   # an EMPTY PostgreSQL database instead

Seeds its own database once (the demo, 10,000 pages, 20,000 events; SQLite file
``.bench/site.sqlite3``, reused by the next runs), then starts gunicorn with two workers on
loopback twice: first with the anonymous page cache off (``PAGE_CACHE_SECONDS=0``: every
request renders the page), then with it on as in production (warmed before measuring; each
worker keeps its own copy, in local memory). For each page it measures requests per second,
p50 and p99 both ways (wrk when installed, else a bounded Python client), their ratios to the
ceiling (a bare Django view returning a short HTML page through the first server and its
middleware, bench/urls.py), whether the page cache served it, its in-process median render
time and SQL queries (the page cache off); then the workers' resident memory. About three
minutes once seeded.

Smaller runs: ``BENCH_SECONDS`` (per page and mode, default 6), ``BENCH_CONNECTIONS`` (8),
``BENCH_RENDERS`` (10), ``BENCH_PAGES`` and ``BENCH_EVENTS`` (the size of the seed).
"""

import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / ".bench"
DATA.mkdir(exist_ok=True)
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "10"))

os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL",
                                            f"sqlite:///{DATA / 'site.sqlite3'}")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DEBUG"] = "false"
os.environ["MEDIA_ROOT"] = str(DATA / "media")
os.environ["PRIVATE_MEDIA_ROOT"] = str(DATA / "media_private")
# In this process, the in-process renders: they measure the page, not the page cache.
os.environ["PAGE_CACHE_SECONDS"] = "0"
for name in ("REDIS_URL", "S3_BUCKET", "EMAIL_HOST"):
    os.environ.pop(name, None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

from bench import harness  # noqa: E402
from bench.search_bench import EVENTS, PAGES  # noqa: E402
from bench.search_bench import seed as seed_pages_and_events  # noqa: E402
from bench.urls import CEILING_URL  # noqa: E402
from events.models import LocalEvent, NationalEventPage  # noqa: E402
from pages.models import NewsArticlePage, NewsIndexPage, PublicationPage, StandardPage  # noqa: E402
from portal.database import refresh_statistics  # noqa: E402
from portal.page_cache import HIT_HEADER  # noqa: E402
from search import indexing  # noqa: E402
from tests.helpers.cluster import (  # noqa: E402
    app_environment,
    free_port,
    start_gunicorn,
    stop,
    wait_until_serving,
)


def seed():
    call_command("migrate", verbosity=0)
    if StandardPage.objects.count() >= PAGES and LocalEvent.objects.count() >= EVENTS:
        print(f"database {connection.settings_dict['NAME']}: already seeded")
        return
    started = time.perf_counter()
    if not NewsArticlePage.objects.exists():  # a seeding that stopped half-way goes on
        call_command("load_demo", verbosity=0)
    seed_pages_and_events()
    indexing.rebuild()
    refresh_statistics()
    print(f"seeded in {time.perf_counter() - started:.0f} s")


def path_of(page) -> str:
    return urlsplit(page.full_url).path


def pages() -> list[tuple[str, str]]:
    public_root = Site.objects.get(is_default_site=True).root_page
    live = {model: model.objects.live().public().descendant_of(public_root)
            for model in (NewsIndexPage, NewsArticlePage, PublicationPage, NationalEventPage)}
    edition = live[NationalEventPage].order_by("-first_published_at").first()
    return [
        ("home", "/"),
        ("news index", path_of(live[NewsIndexPage].first())),
        ("news article", path_of(live[NewsArticlePage].order_by("-first_published_at").first())),
        ("publication", path_of(live[PublicationPage].first())),
        ("regional programme", f"{path_of(edition)}bretagne/?free=1&young=1"),
        ("search", "/recherche/?q=patrimoine"),
        ("ceiling (bare view)", CEILING_URL),
    ]


def in_process(client, url) -> tuple[float, int]:
    median, queries, response = harness.render(client, url, RENDERS)
    assert response.status_code == 200, (url, response.status_code)
    return median, queries


def serve_and_load(targets, **variables) -> tuple[dict, dict, list[float]]:
    """Start gunicorn with the settings' defaults but these variables and load each page in
    turn; return each page's load, what the page cache said of it once warm, and the workers'
    memory."""
    port = free_port()
    env = app_environment(os.environ["DATABASE_URL"], MEDIA_ROOT=os.environ["MEDIA_ROOT"],
                          PRIVATE_MEDIA_ROOT=os.environ["PRIVATE_MEDIA_ROOT"],
                          **variables)
    server = start_gunicorn(env, port, workers=2, settings="bench.settings")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(f"{base}/", server, headers={"Host": settings.PUBLIC_HOST})
        results, served_by = {}, {}
        for _name, url in targets:
            harness.load(f"{base}{url}", settings.PUBLIC_HOST, 1, 2)  # warm both workers
            served_by[url] = harness.response_header(f"{base}{url}", settings.PUBLIC_HOST,
                                                     HIT_HEADER) or "not kept"
            results[url] = harness.load(f"{base}{url}", settings.PUBLIC_HOST, SECONDS,
                                        CONNECTIONS)
        return results, served_by, harness.workers_rss_mb(server.pid)
    finally:
        stop(server)


def main():
    print(f"machine: {harness.machine()}")
    seed()
    targets = pages()
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    rendered = {url: in_process(client, url) for _name, url in targets}
    connection.close()

    uncached, not_kept, memory_uncached = serve_and_load(targets, PAGE_CACHE_SECONDS="0")
    assert set(not_kept.values()) == {"not kept"}, not_kept  # the switch did switch it off
    cached, served_by, memory_cached = serve_and_load(  # the production default
        [target for target in targets if target[1] != CEILING_URL])

    ceiling = uncached[CEILING_URL].rps
    print(f"\ngunicorn, 2 workers, {CONNECTIONS} connections, {SECONDS:.0f} s per page and "
          f"mode, {harness.generator()}; {connection.vendor}, {PAGES} pages, {EVENTS} events; "
          "uncached: the page cache off; cached: on and warm (anonymous visitors); both ratios "
          "to the ceiling, measured with the page cache off\n")
    print("| page | uncached req/s | p50 ms | p99 ms | ratio to ceiling | cached req/s | "
          "p50 ms | p99 ms | ratio to ceiling | page cache | errors | in-process median ms | "
          "queries |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | "
          "---: |")
    for name, url in targets:
        off, on = uncached[url], cached.get(url)
        median, queries = rendered[url]
        cached_columns = (f"{on.rps:.0f} | {on.p50_ms:.1f} | {on.p99_ms:.1f} | "
                          f"{on.rps / ceiling:.1%} | {served_by[url]}" if on else
                          "— | — | — | — | —")
        errors = off.errors + (on.errors if on else 0)
        print(f"| {name} | {off.rps:.0f} | {off.p50_ms:.1f} | {off.p99_ms:.1f} | "
              f"{off.rps / ceiling:.1%} | {cached_columns} | {errors} | {median:.1f} | "
              f"{queries} |")
    print("\nworkers' resident memory after the run: page cache off "
          f"{', '.join(f'{size:.0f} MB' for size in memory_uncached)}; on "
          f"{', '.join(f'{size:.0f} MB' for size in memory_cached)}")


if __name__ == "__main__":
    main()
