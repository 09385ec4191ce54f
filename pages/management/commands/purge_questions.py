from django.core.management.base import BaseCommand

from pages.contact.retention import expired_questions, purge_expired_questions


class Command(BaseCommand):
    help = (
        "Delete the questions from the public older than the retention period of their "
        "contact page, with their e-mail records and admin history. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Only count the questions that would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            count = expired_questions().count()
            self.stdout.write(f"{count} question(s) would be deleted.")
            return
        count = purge_expired_questions()
        self.stdout.write(f"{count} question(s) deleted.")
