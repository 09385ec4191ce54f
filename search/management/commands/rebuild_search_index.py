"""``manage.py rebuild_search_index``: the same as ``search_index rebuild``."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Rebuild the search index (database table and Elasticsearch aliases)."

    def handle(self, *args, **options):
        call_command("search_index", "rebuild", stdout=self.stdout)
