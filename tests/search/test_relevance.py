"""The relevance test set (``search.relevance``) on the database mode: the share of known
items found in the top three must not fall below what was measured when it was written."""

import pytest

from search import engines, indexing, relevance
from search.queries import Audience, SearchParams

pytestmark = pytest.mark.django_db

# Measured on the database mode (SQLite FTS5) when the set was written: 16 of 20. It misses
# what it cannot do: the irregular plural ("vitrail"), the two synonyms, the typo.
DATABASE_SHARE = 0.80


def test_the_database_mode_finds_the_known_items_in_the_top_three(sites):
    relevance.add_pages(sites[0].root_page)
    indexing.rebuild()

    def search(query):
        return engines.database_search(SearchParams(query), Audience()).hits

    share, missed = relevance.measure(search)
    print(f"database share {share:.2f}; missed: {[item.query for item in missed]}")
    assert share >= DATABASE_SHARE, [item.query for item in missed]
    # Only what the database mode cannot do is missed (when it learns it, raise the share).
    assert {item.kind for item in missed} <= {"irregular plural", "synonym", "typo"}
