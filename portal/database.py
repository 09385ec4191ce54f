"""The database's query planner statistics.

PostgreSQL keeps them up to date itself (autovacuum); SQLite, the embedded default, has none
until ``ANALYZE`` runs, and without them it plans a listing by reading every page of the tree
(the home page of a 10,000-page site then spends 30 ms in SQL instead of 2 ms). So they are
refreshed after the commands that add many rows at once: the demo, a restore, a search index
rebuild, the benchmarks' seed.
"""

from django.db import connection


def refresh_statistics(models=()):
    """``ANALYZE`` these models' tables, or the whole database when none are named."""
    with connection.cursor() as cursor:
        if not models:
            cursor.execute("ANALYZE")
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
