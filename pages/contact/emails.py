"""The two e-mails of a question, sent by a task once the question is stored, and retried
by ``manage.py retry_question_emails`` until they leave."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from pages.contact.models import QuestionEmail
from portal.sites import admin_edit_url

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# A task normally sends the e-mails within seconds; after this, the retry command takes over.
TASK_GRACE = timedelta(minutes=10)


def notification(email: QuestionEmail) -> EmailMessage:
    """To the topic's service, in the directorate's language; replying answers the sender."""
    question = email.question
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("[%(reference)s] New question: %(subject)s") % {
            "reference": question.reference, "subject": question.subject,
        }
        body = render_to_string("pages/contact/emails/notification.txt", {
            "question": question, "admin_url": admin_edit_url(question),
        })
    return EmailMessage(subject, body, to=[email.recipient], reply_to=[question.email])


def acknowledgement(email: QuestionEmail) -> EmailMessage:
    """To the sender, in the page's language. It repeats nothing the sender typed, so that a
    stranger's address typed into the form cannot be sent someone else's text."""
    question = email.question
    with translation.override(question.locale.language_code):
        subject = gettext("Your question has been received (reference %(reference)s)") % {
            "reference": question.reference,
        }
        body = render_to_string("pages/contact/emails/acknowledgement.txt", {
            "question": question,
        })
    return EmailMessage(subject, body, to=[email.recipient])


BUILDERS = {
    QuestionEmail.Kind.NOTIFICATION: notification,
    QuestionEmail.Kind.ACKNOWLEDGEMENT: acknowledgement,
}


def deliver(email: QuestionEmail) -> bool:
    """Try to send one e-mail and record the outcome; True when it left."""
    email.attempts += 1
    email.last_attempt_at = timezone.now()
    try:
        BUILDERS[email.kind](email).send()
    except Exception as error:  # SMTP, DNS, timeouts…: recorded, retried later
        email.last_error = f"{type(error).__name__}: {error}"[:1000]
        logger.warning("E-mail %s of question %s not sent: %s", email.kind,
                       email.question.reference, email.last_error)
    else:
        email.sent_at = email.last_attempt_at
        email.last_error = ""
    email.save(update_fields=["attempts", "last_attempt_at", "last_error", "sent_at"])
    return email.sent_at is not None


def unsent(emails):
    return emails.filter(sent_at__isnull=True).select_related(
        "question__topic", "question__locale", "question__page"
    )


@task()
def send_question_emails(question_id: int) -> None:
    for email in unsent(QuestionEmail.objects.filter(question_id=question_id)):
        deliver(email)


def retry_unsent_emails() -> tuple[int, int]:
    """Send again what failed or was never picked up; returns (sent, still failing)."""
    sent = failed = 0
    for email in unsent(QuestionEmail.due_for_retry(MAX_ATTEMPTS, TASK_GRACE)):
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
