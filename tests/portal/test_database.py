"""The planner's statistics, refreshed after the commands that add many rows at once."""

from django.db import connection

from portal.database import refresh_statistics


def analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            exists = cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
            if not exists:
                return set()
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        else:
            # reltuples is -1 until a table has been analysed (PostgreSQL 14 and later).
            cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples >= 0")
        return {row[0] for row in cursor.fetchall()}


def test_the_page_tree_has_statistics_once_refreshed(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    refresh_statistics()
    assert {"wagtailcore_page", "wagtailcore_site"} <= analysed_tables()


def test_a_named_table_is_refreshed(db):
    from wagtail.models import Locale

    refresh_statistics([Locale])
    assert "wagtailcore_locale" in analysed_tables()
