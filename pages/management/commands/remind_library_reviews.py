"""E-mail the owners of library documents past their review date (once per review date)."""

from django.core.management.base import BaseCommand

from pages.library.reviews import remind_owners


class Command(BaseCommand):
    help = "E-mail the owners of library documents whose review date has passed."

    def handle(self, *args, **options):
        count = remind_owners()
        self.stdout.write(f"{count} reminder(s) queued.")
