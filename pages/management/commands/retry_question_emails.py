from django.core.management.base import BaseCommand

from pages.contact.emails import MAX_ATTEMPTS, retry_unsent_emails


class Command(BaseCommand):
    help = (
        "Send again the e-mails of questions from the public that could not be sent "
        f"(at most {MAX_ATTEMPTS} attempts each). Run it regularly, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        sent, failed = retry_unsent_emails()
        self.stdout.write(f"{sent} e-mail(s) sent.")
        if failed:
            self.stderr.write(f"{failed} e-mail(s) still not sent: see the questions in the "
                              "admin for the error.")
