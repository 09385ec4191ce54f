"""E-mail the spokesperson (or the press office) of each open press enquiry whose deadline
is less than ``--hours`` away (24 by default) and that has no reply yet; once per enquiry.
Run it from cron every hour."""

from django.core.management.base import BaseCommand

from press.enquiries import send_reminders


class Command(BaseCommand):
    help = "Remind of press enquiries whose deadline approaches with no reply."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        count = send_reminders(hours=hours)
        self.stdout.write(f"{count} reminder(s) queued.")
