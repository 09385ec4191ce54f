"""Relevance of the portal search on the known-item test set (not a test: it prints figures).

    .venv/bin/python bench/search_relevance_bench.py             # the database mode
    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/python bench/search_relevance_bench.py

Builds the set's pages (``search.relevance``) and the demo's synonyms in a throw-away SQLite
file, rebuilds the index, then prints, per mode, the share of the known-item queries whose
page is in the top three, and the queries missed. With ``ELASTICSEARCH_URL`` the
Elasticsearch mode is measured too, in indices of its own (``SEARCH_INDEX_PREFIX``, by
default ``relais-relevance-bench``).
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/relevance.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "relais-relevance-bench")
os.environ.setdefault("SEARCH_INDEX_REPLICAS", "0")
os.environ.setdefault("TASKS_BACKEND", "immediate")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from pages.base.sites import ensure_sites  # noqa: E402
from search import connection, engines, indexing, relevance  # noqa: E402
from search.demo import SYNONYMS  # noqa: E402
from search.models import Synonym  # noqa: E402
from search.queries import Audience, SearchParams  # noqa: E402


def report(mode, search):
    share, missed = relevance.measure(search)
    found = len(relevance.KNOWN_ITEMS) - len(missed)
    print(f"{mode}: {found}/{len(relevance.KNOWN_ITEMS)} known items in the top "
          f"{relevance.TOP} ({share:.0%})")
    for item in missed:
        print(f"  missed ({item.kind}): {item.query!r} -> {item.expected!r}")


def main():
    call_command("migrate", verbosity=0)
    public_site, _intranet = ensure_sites()
    relevance.add_pages(public_site.root_page)
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    client = connection.get_client()
    indexing.rebuild(client)
    audience = Audience()
    report("database", lambda query: engines.database_search(SearchParams(query),
                                                             audience).hits)
    if client is not None:
        report("elasticsearch", lambda query: engines.elasticsearch_search(
            SearchParams(query), audience, client).hits)


if __name__ == "__main__":
    main()
