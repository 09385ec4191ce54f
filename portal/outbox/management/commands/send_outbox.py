from django.core.management.base import BaseCommand

from portal.outbox.sending import MAX_ATTEMPTS, send_due


class Command(BaseCommand):
    help = (
        "Send the e-mails of the outbox that are due: those whose first sending failed or was "
        "never picked up, retried with a growing delay, given up after "
        f"{MAX_ATTEMPTS} attempts. Run it from cron every few minutes."
    )

    def handle(self, *args, **options):
        counts = send_due()
        self.stdout.write(f"{counts['sent']} e-mail(s) sent.")
        if counts["failed"] or counts["given_up"]:
            self.stderr.write(
                f"{counts['failed']} e-mail(s) failed and will be tried again, "
                f"{counts['given_up']} given up: see Reports → E-mails in the admin."
            )
