"""Send again the officers' notifications whose e-mail failed (run it from cron)."""

from django.core.management.base import BaseCommand

from pages.publications.views import MAX_NOTIFICATION_ATTEMPTS, retry_paper_copy_notifications

# (what, function returning (sent, still failing)): one line per kind of stored request.
RETRIES = [
    ("paper-copy requests", retry_paper_copy_notifications),
]


class Command(BaseCommand):
    help = "Retry the e-mail notifications of stored requests that could not be sent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts", type=int, default=MAX_NOTIFICATION_ATTEMPTS,
            help="Give up on a request after this many failed attempts (default: %(default)s).",
        )

    def handle(self, *args, max_attempts, **options):
        for label, retry in RETRIES:
            sent, failed = retry(max_attempts=max_attempts)
            self.stdout.write(f"{label}: {sent} sent, {failed} still failing")

