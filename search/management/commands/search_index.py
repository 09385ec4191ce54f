"""``manage.py search_index rebuild|status|sync``: the portal's search index.

- ``rebuild`` recomputes every entry from the content (the database table, and with
  Elasticsearch new indices whose aliases are swapped once full: no empty window);
- ``status`` compares, for each site and language, the entries the content gives with the
  database table and Elasticsearch, and lists the keys that differ (exit code 1 if any);
- ``sync`` sends Elasticsearch the entries it missed while it was down.
"""

from django.core.management.base import BaseCommand, CommandError

from search import connection, indexing, status


class Command(BaseCommand):
    help = "Rebuild the search index, compare it with the content, or catch up Elasticsearch."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "sync"])
        parser.add_argument("--limit", type=int, default=20,
                            help="status: how many differing keys to list per index")

    def handle(self, *args, action, limit, **options):
        if action == "rebuild":
            try:
                indexing.rebuild(stdout=self.stdout)
            except connection.FAILURES as error:
                raise CommandError(f"Elasticsearch failed: {error}") from error
        elif action == "sync":
            if not connection.configured():
                self.stdout.write("Elasticsearch is not configured: nothing to send.")
                return
            self.stdout.write(f"Sent {indexing.sync_pending()} entries to Elasticsearch.")
        else:
            report = status.compare()
            for line in status.describe(report, limit=limit):
                self.stdout.write(line)
            if not report.in_order:
                raise CommandError("The search index differs from the content.")
