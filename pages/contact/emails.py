"""The two e-mails of a question, queued in the outbox in the same transaction as the
question itself: one to the topic's service, one acknowledgement to the sender."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url


def queue_question_emails(question) -> None:
    queue_notification(question)
    queue_acknowledgement(question)


def queue_notification(question) -> None:
    """To the topic's service, in the directorate's language; replying answers the sender."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("[%(reference)s] New question: %(subject)s") % {
            "reference": question.reference, "subject": question.subject,
        }
        body = render_to_string("pages/contact/emails/notification.txt", {
            "question": question, "admin_url": admin_edit_url(question),
        })
    queue_email(to=question.topic.email, reply_to=question.email, subject=subject, body=body,
                about=question, kind="question-notification")


def queue_acknowledgement(question) -> None:
    """To the sender, in the page's language. It repeats nothing the sender typed, so that a
    stranger's address typed into the form cannot be sent someone else's text."""
    with translation.override(question.locale.language_code):
        subject = gettext("Your question has been received (reference %(reference)s)") % {
            "reference": question.reference,
        }
        body = render_to_string("pages/contact/emails/acknowledgement.txt", {
            "question": question,
        })
    queue_email(to=question.email, subject=subject, body=body, about=question,
                kind="question-acknowledgement")


def queue_reply(question) -> None:
    """The officer's reply, to the sender, in the page's language; replying to it reaches
    the topic's service."""
    with translation.override(question.locale.language_code):
        subject = gettext("Reply to your question (reference %(reference)s)") % {
            "reference": question.reference,
        }
        body = render_to_string("pages/contact/emails/reply.txt", {"question": question})
    reply_to = question.topic.email if question.topic else ()
    queue_email(to=question.email, reply_to=reply_to, subject=subject, body=body,
                about=question, kind="question-reply")
