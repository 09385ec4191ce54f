"""Benchmark of every page type, in process (not a test: it prints figures).

    .venv/bin/python bench/pages_bench.py             # throw-away SQLite file with the demo
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/pages_bench.py
                                                      # reuse a database (the demo is loaded
                                                      # when it has no site yet)

For one live page of each page type of the demo, on the public site (anonymous visitor) and
on the intranet (a DRAC Bretagne agent), prints the median server-side render time and the
query count of the page:

- *cold*: the cache emptied before each request (layout and pages computed again);
- *uncached*: the page cache off, the layout in the cache (what a signed-in agent, a form or
  the first visitor after a publication costs);
- *cached*: the anonymous page cache answering (public site only).

Ratios are against the issue's targets: 20 queries, 15 ms uncached.
"""

import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RENDERS = int(os.environ.get("BENCH_RENDERS", "15"))
QUERY_TARGET = 20
RENDER_TARGET_MS = 15

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from bench import harness  # noqa: E402
from portal import layout  # noqa: E402
from portal.intranet import visible_to  # noqa: E402
from portal.models import User  # noqa: E402
from portal.sites import is_intranet_page  # noqa: E402

AGENT = "agent.bretagne@relais.localhost"


def seed():
    call_command("migrate", verbosity=0)
    if not Site.objects.exists():
        started = time.perf_counter()
        call_command("load_demo", stdout=StringIO())
        print(f"loaded the demo in {time.perf_counter() - started:.0f} s")


def one_page_per_type(agent):
    """{(site, page type): url} for the first live page of each type each visitor may open."""
    anonymous = AnonymousUser()
    chosen = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        side = "intranet" if is_intranet_page(page) else "public"
        viewer = agent if side == "intranet" else anonymous
        key = (side, type(page).__name__)
        if key in chosen or page.locale.language_code != settings.LANGUAGE_CODE:
            continue
        if not visible_to(Page.objects.filter(pk=page.pk), viewer).exists():
            continue
        chosen[key] = page.get_url()
    return chosen


def measure(client, url, *, before=None):
    median, queries, response = harness.render(client, url, RENDERS, before=before)
    return median, queries, response.status_code


def main():
    seed()
    agent = User.objects.get(email=AGENT)
    pages = one_page_per_type(agent)
    public = Client(HTTP_HOST=settings.PUBLIC_HOST)
    intranet = Client(HTTP_HOST=settings.INTRANET_HOST)
    intranet.force_login(agent)
    print(f"database: {connection.vendor}; median of {RENDERS} renders; "
          f"targets: {QUERY_TARGET} queries, {RENDER_TARGET_MS} ms uncached\n")
    print(f"{'site':9}{'page type':24}{'cold':>16}{'uncached':>18}{'ratio':>7}"
          f"{'cached':>16}  url")
    for (side, kind), url in sorted(pages.items()):
        client = intranet if side == "intranet" else public
        with override_settings(PAGE_CACHE_SECONDS=0):
            cold_ms, cold_q, _ = measure(client, url, before=lambda: layout.store().clear())
            ms, queries, status = measure(client, url)
        cached = ""
        if side == "public":
            cached_ms, cached_q, _ = measure(client, url)
            cached = f"{cached_ms:6.1f} ms {cached_q:2} q"
        flag = "" if status == 200 else f"  (status {status})"
        print(f"{side:9}{kind:24}{cold_ms:7.1f} ms {cold_q:2} q{ms:9.1f} ms {queries:2} q"
              f"{ms / RENDER_TARGET_MS:7.2f}{cached:>16}  {url}{flag}")


if __name__ == "__main__":
    main()
