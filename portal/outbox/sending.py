"""Queue, send and retry the e-mails of the outbox (see the package docstring).

Public API for every app: ``queue_email`` to send, ``OutgoingEmail.objects.about(obj)`` to
list what was sent about something, ``send_again`` for an officer's retry. The rest serves
the task and the ``send_outbox`` command.
"""

import logging
from contextlib import suppress
from datetime import timedelta
from email.utils import make_msgid, parseaddr
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from portal.outbox.models import PENDING, DeliveryAttempt, EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(minutes=5)
LONGEST_WAIT = timedelta(hours=6)
# How long a claimed e-mail is left to its sender before another may try: longer than an
# SMTP conversation can last (EMAIL_TIMEOUT is 10 seconds per operation).
LEASE = timedelta(minutes=10)


def queue_email(*, to, subject: str, body: str, about=None, kind: str = "",
                html_body: str = "", reply_to=(), headers=None,
                from_email: str | None = None) -> OutgoingEmail:
    """Store an e-mail in the caller's transaction; a task sends it once that commits.

    ``to`` and ``reply_to`` are an address or a list of addresses (one message to all of
    them: queue one e-mail per recipient for personal messages). ``about`` is the model
    instance the e-mail concerns; ``kind`` a short key saying what it is
    (``question-acknowledgement``); ``headers`` any other header (``List-Unsubscribe``…).
    """
    recipients = [to] if isinstance(to, str) else list(to)
    reply_to = [reply_to] if isinstance(reply_to, str) else list(reply_to)
    if not recipients:
        raise ValueError("An e-mail needs at least one recipient.")
    for address in [*recipients, *reply_to]:
        if "," in address or "\n" in address or "\r" in address:
            raise ValueError(f"One plain address expected, not {address!r}.")
    from_email = from_email or settings.DEFAULT_FROM_EMAIL
    email = OutgoingEmail(
        kind=kind, from_email=from_email, to=", ".join(recipients),
        reply_to=", ".join(reply_to),
        # A Message-ID of its own, kept across retries: a server that received a message
        # whose acknowledgement got lost can recognise it when it comes again.
        headers={"Message-ID": make_msgid(domain=sender_domain(from_email)), **(headers or {})},
        # A subject is one line: a line break would smuggle headers in.
        subject=" ".join(subject.split()), body=body, html_body=html_body,
        next_attempt_at=timezone.now(),
    )
    if about is not None:
        email.content_type = ContentType.objects.get_for_model(about)
        email.object_id = about.pk
    email.save()
    # robust: should the queue refuse the task, the stored e-mail waits for send_outbox, and
    # whoever stored it does not see an error.
    transaction.on_commit(partial(send_email.enqueue, email.pk), robust=True)
    return email


def sender_domain(from_email: str) -> str:
    return parseaddr(from_email)[1].rpartition("@")[2] or "relais.localhost"


@task()
def send_email(email_id: int) -> bool:
    """The task queued by ``queue_email``: send it now unless someone else already is."""
    return deliver(email_id) is EmailStatus.SENT


def claim(email_id: int) -> OutgoingEmail | None:
    """Take an e-mail that is due for its next attempt, or None if it is not.

    One conditional UPDATE both checks and takes it, so that of two senders racing for the
    same e-mail only one gets it; the lease it sets keeps the others away while it is sent.
    """
    now = timezone.now()
    taken = OutgoingEmail.objects.filter(
        pk=email_id, status__in=PENDING, next_attempt_at__lte=now,
    ).update(status=EmailStatus.SENDING, attempts=F("attempts") + 1,
             next_attempt_at=now + LEASE)
    return OutgoingEmail.objects.get(pk=email_id) if taken else None


def deliver(email_id: int, connection=None) -> str | None:
    """Claim an e-mail, try to send it and record the outcome; its new status, or None when
    it was not ours to send (already sent, given up, not due, or taken by another sender)."""
    email = claim(email_id)
    if email is None:
        return None
    try:
        message(email, connection).send()
    except Exception as error:  # SMTP, DNS, timeouts, a bad address…: recorded, retried later
        record_failure(email, f"{type(error).__name__}: {error}")
        if connection is not None:  # it may be half-open now: the next message reopens it
            with suppress(Exception):
                connection.close()
    else:
        record_success(email)
    return email.status


def message(email: OutgoingEmail, connection=None) -> EmailMultiAlternatives:
    built = EmailMultiAlternatives(
        subject=email.subject, body=email.body, from_email=email.from_email,
        to=email.recipients, reply_to=email.reply_to_addresses, headers=email.headers,
        connection=connection,
    )
    if email.html_body:
        built.attach_alternative(email.html_body, "text/html")
    return built


def record_success(email: OutgoingEmail) -> None:
    now = timezone.now()
    DeliveryAttempt.objects.create(email=email, attempted_at=now)
    email.status, email.sent_at, email.next_attempt_at, email.last_error = (
        EmailStatus.SENT, now, None, "")
    email.save(update_fields=["status", "sent_at", "next_attempt_at", "last_error"])


def record_failure(email: OutgoingEmail, error: str) -> None:
    now = timezone.now()
    error = error[:2000]
    logger.warning("E-mail %s (%s) not sent, attempt %d: %s", email.pk, email.kind,
                   email.attempts, error)
    DeliveryAttempt.objects.create(email=email, attempted_at=now, error=error)
    email.last_error = error
    if email.attempts >= MAX_ATTEMPTS:
        email.status, email.next_attempt_at = EmailStatus.GIVEN_UP, None
    else:
        email.status, email.next_attempt_at = EmailStatus.FAILED, now + backoff(email.attempts)
    email.save(update_fields=["status", "next_attempt_at", "last_error"])


def backoff(attempts: int) -> timedelta:
    """How long to wait after ``attempts`` failed attempts: 5 minutes, doubling, 6 hours at
    most (nine retries then span about a day, enough for a mail server down overnight)."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def due_emails():
    return OutgoingEmail.objects.filter(status__in=PENDING, next_attempt_at__lte=timezone.now())


def send_due() -> dict[str, int]:
    """Send every e-mail due for an attempt, over one SMTP connection; counts per outcome
    (``sent``, ``failed``, ``given_up``). What the ``send_outbox`` command runs."""
    counts = {EmailStatus.SENT: 0, EmailStatus.FAILED: 0, EmailStatus.GIVEN_UP: 0}
    ids = list(due_emails().order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    connection = get_connection()
    try:
        for email_id in ids:
            status = deliver(email_id, connection)
            if status is not None:
                counts[status] += 1
    finally:
        with suppress(Exception):
            connection.close()
    return {str(status): count for status, count in counts.items()}


def send_again(email: OutgoingEmail) -> bool:
    """An officer's retry of a failed or given-up e-mail: a new series of attempts, starting
    now. False when it was sent, or is being sent, in the meantime."""
    updated = OutgoingEmail.objects.filter(
        pk=email.pk, status__in=(EmailStatus.FAILED, EmailStatus.GIVEN_UP),
    ).update(status=EmailStatus.QUEUED, attempts=0, next_attempt_at=timezone.now())
    if updated:
        transaction.on_commit(partial(send_email.enqueue, email.pk), robust=True)
    return bool(updated)
