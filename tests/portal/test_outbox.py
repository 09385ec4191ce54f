"""The outbox against a real SMTP server on loopback: stored before sending, sent after the
commit, kept when the server is down, retried with backoff, never sent twice, given up in
the end, and all of it shown to officers in the admin."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from portal.outbox.models import DeliveryAttempt, EmailStatus, OutgoingEmail
from portal.outbox.sending import (
    LEASE,
    MAX_ATTEMPTS,
    backoff,
    deliver,
    queue_email,
    send_email,
)
from tests.helpers.accounts import activate_totp, admin_reviewer

ADMIN = "/admin/outbox/"


def make_due(*emails):
    """As if the wait before each e-mail's next attempt were over."""
    OutgoingEmail.objects.filter(pk__in=[email.pk for email in emails]).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1))


def send_outbox() -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("send_outbox", stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def queue(**fields):
    defaults = {"to": "anne@example.org", "subject": "Votre question", "body": "Bonjour,\n…"}
    return queue_email(**{**defaults, **fields})


# --- Stored first, sent after the commit ------------------------------------------------------


@pytest.mark.django_db
def test_an_email_is_stored_with_its_object_and_sent_once_committed(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email = queue(to=["anne@example.org", "paul@example.org"], reply_to="service@example.org",
                      subject="Une ligne\r\nBcc: intrus@example.org", html_body="<p>Bonjour</p>",
                      headers={"List-Unsubscribe": "<https://example.org/desabonnement/>"},
                      kind="test-kind")
        # Stored, not sent, until the transaction commits.
        assert OutgoingEmail.objects.get(pk=email.pk).status == EmailStatus.QUEUED
        assert smtp_server.received == []
    assert len(callbacks) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 1, "")
    assert email.sent_at is not None and email.next_attempt_at is None
    [message] = smtp_server.received
    assert message["To"] == "anne@example.org, paul@example.org"
    assert message["Reply-To"] == "service@example.org"
    assert message["Subject"] == "Une ligne Bcc: intrus@example.org"  # one line, no header
    assert message["Bcc"] is None
    assert message["List-Unsubscribe"] == "<https://example.org/desabonnement/>"
    assert message["Message-ID"] == email.headers["Message-ID"]
    assert message.is_multipart()
    assert [part.get_content_type() for part in message.get_payload()] == [
        "text/plain", "text/html"]
    assert [attempt.error for attempt in email.log.all()] == [""]


@pytest.mark.django_db
def test_nothing_is_stored_nor_sent_when_the_callers_transaction_fails(
    smtp_server, django_capture_on_commit_callbacks
):
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          pytest.raises(RuntimeError), transaction.atomic()):
        queue()
        raise RuntimeError("the question could not be stored")
    assert callbacks == []
    assert not OutgoingEmail.objects.exists() and smtp_server.received == []


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["a@example.org, b@example.org", "a@example.org\nBcc: b"])
def test_an_address_must_be_one_plain_address(address):
    with pytest.raises(ValueError):
        queue(to=address)


# --- Server down: kept, retried with backoff, never twice --------------------------------------


@pytest.mark.django_db
def test_an_email_survives_the_server_being_down_and_leaves_when_it_returns(
    smtp_server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(kind="question-acknowledgement")
    email.refresh_from_db()
    assert (email.status, email.attempts, email.sent_at) == ("failed", 1, None)
    assert "ConnectionRefusedError" in email.last_error
    first_wait = email.next_attempt_at - timezone.now()
    assert backoff(1) - timedelta(seconds=30) < first_wait <= backoff(1)

    # Backoff respected: the command leaves it alone until its time has come.
    assert send_outbox()[0] == "0 e-mail(s) sent.\n"
    email.refresh_from_db()
    assert email.attempts == 1

    make_due(email)
    out, err = send_outbox()
    assert "0 e-mail(s) sent" in out
    assert "1 e-mail(s) failed and will be tried again, 0 given up" in err
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 2)
    second_wait = email.next_attempt_at - timezone.now()
    assert backoff(2) - timedelta(seconds=30) < second_wait <= backoff(2)  # twice as long

    smtp_server_down.start()
    make_due(email)
    assert "1 e-mail(s) sent" in send_outbox()[0]
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 3, "")
    assert len(smtp_server_down.received) == 1
    assert [bool(attempt.error) for attempt in email.log.all()] == [True, True, False]

    # Neither the task (run again, as a worker might) nor the command sends it twice.
    assert send_email.call(email.pk) is False
    send_outbox()
    assert len(smtp_server_down.received) == 1


def test_backoff_doubles_from_five_minutes_up_to_six_hours():
    waits = [backoff(attempts) for attempts in range(1, MAX_ATTEMPTS)]
    assert waits[:4] == [timedelta(minutes=minutes) for minutes in (5, 10, 20, 40)]
    assert max(waits) == timedelta(hours=6) == waits[-1]
    assert sum(waits, timedelta()) > timedelta(hours=20)  # a night without mail server


@pytest.mark.django_db
def test_an_email_is_given_up_after_the_last_attempt_and_shown_so(
    smtp_server_down, django_capture_on_commit_callbacks, admin_client
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(subject="Accusé de réception Q-2026-000042")
    for _attempt in range(MAX_ATTEMPTS - 1):
        make_due(email)
        send_outbox()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.next_attempt_at) == (
        "given_up", MAX_ATTEMPTS, None)
    assert DeliveryAttempt.objects.filter(email=email).count() == MAX_ATTEMPTS
    smtp_server_down.start()
    assert "0 e-mail(s) sent" in send_outbox()[0]  # no more attempts
    assert smtp_server_down.received == []

    response = admin_client.get(ADMIN, {"status": "given_up"})
    assert [row.pk for row in response.context["object_list"]] == [email.pk]
    html = response.content.decode()
    assert "Accusé de réception Q-2026-000042" in html and "Abandonné" in html
    assert "ConnectionRefusedError" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_and_the_command_never_send_the_same_email_twice(smtp_server):
    """The task is in the middle of sending (the server holds the message) when the cron
    command runs: the command must leave that e-mail alone."""
    email = OutgoingEmail.objects.create(
        from_email="relais@example.org", to="anne@example.org", subject="Une seule fois",
        body="…", next_attempt_at=timezone.now())
    smtp_server.hold()
    outcome = {}

    def task():
        outcome["task"] = deliver(email.pk)
        connection.close()

    sender = threading.Thread(target=task)
    sender.start()
    assert smtp_server.receiving.wait(10)  # the task is handing the message over
    assert OutgoingEmail.objects.get(pk=email.pk).status == EmailStatus.SENDING
    assert send_outbox()[0] == "0 e-mail(s) sent.\n"
    assert deliver(email.pk) is None  # nor a second task
    smtp_server.release()
    sender.join(10)
    assert outcome["task"] == EmailStatus.SENT
    assert len(smtp_server.received) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 1)


@pytest.mark.django_db
def test_an_email_whose_sender_died_is_taken_up_after_its_lease(smtp_server):
    email = OutgoingEmail.objects.create(
        from_email="relais@example.org", to="anne@example.org", subject="Reprise", body="…",
        status=EmailStatus.SENDING, attempts=1,
        next_attempt_at=timezone.now() + LEASE - timedelta(minutes=1))
    assert "0 e-mail(s) sent" in send_outbox()[0]  # its sender may still be at it
    make_due(email)
    assert "1 e-mail(s) sent" in send_outbox()[0]
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)
    assert len(smtp_server.received) == 1


@pytest.mark.django_db
def test_the_command_sends_many_emails_over_one_connection_and_goes_on_after_a_bad_one(
    smtp_server
):
    emails = [OutgoingEmail.objects.create(
        from_email="relais@example.org", to=f"personne{number}@example.org",
        subject=f"Communiqué {number}", body="…", next_attempt_at=timezone.now())
        for number in range(3)]
    # A header the mail library refuses to write (only possible by going around queue_email).
    OutgoingEmail.objects.filter(pk=emails[1].pk).update(subject="Mauvais\nBcc: x@example.org")
    out, err = send_outbox()
    assert "2 e-mail(s) sent" in out and "1 e-mail(s) failed" in err
    assert sorted(smtp_server.recipients()) == ["personne0@example.org",
                                                "personne2@example.org"]


# --- Officers in the admin ------------------------------------------------------------------


@pytest.fixture
def failed_email(db):
    email = OutgoingEmail.objects.create(
        from_email="relais@example.org", to="crmh@example.org", kind="question-notification",
        subject="[Q-2026-123456] Nouvelle question", body="Le message\nsur deux lignes",
        status=EmailStatus.GIVEN_UP, attempts=MAX_ATTEMPTS, last_error="SMTPServerDisconnected")
    DeliveryAttempt.objects.create(email=email, attempted_at=timezone.now(),
                                   error="SMTPServerDisconnected: first try")
    return email


@pytest.fixture
def editor_client(public_client, editor, sites):
    activate_totp(editor)
    public_client.force_login(editor)
    return public_client


@pytest.mark.django_db
def test_editors_read_filter_and_search_the_outbox(editor_client, failed_email):
    sent = OutgoingEmail.objects.create(
        from_email="relais@example.org", to="paul@example.org", kind="registration-confirmed",
        subject="Inscription confirmée", body="…", status=EmailStatus.SENT,
        sent_at=timezone.now())
    response = editor_client.get(ADMIN)
    assert response.status_code == 200
    assert {row.pk for row in response.context["object_list"]} == {failed_email.pk, sent.pk}
    assert [row.pk for row in editor_client.get(
        ADMIN, {"status": "sent"}).context["object_list"]] == [sent.pk]
    assert [row.pk for row in editor_client.get(
        ADMIN, {"kind": "question-notification"}).context["object_list"]] == [failed_email.pk]
    for query in ("paul@example.org", "Inscription"):
        assert [row.pk for row in editor_client.get(
            ADMIN, {"q": query}).context["object_list"]] == [sent.pk]

    html = editor_client.get(f"{ADMIN}inspect/{failed_email.pk}/").content.decode()
    assert "Le message<br>sur deux lignes" in html
    assert "SMTPServerDisconnected: first try" in html  # each attempt's error
    assert f"{ADMIN}send-again/{failed_email.pk}/" in html
    assert f"{ADMIN}send-again/{sent.pk}/" not in editor_client.get(
        f"{ADMIN}inspect/{sent.pk}/").content.decode()


@pytest.mark.django_db
def test_an_officer_sends_a_given_up_email_again(
    editor_client, editor, failed_email, smtp_server, django_capture_on_commit_callbacks
):
    url = f"{ADMIN}send-again/{failed_email.pk}/"
    assert editor_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response["Location"] == f"{ADMIN}inspect/{failed_email.pk}/"
    failed_email.refresh_from_db()
    assert (failed_email.status, failed_email.attempts) == ("sent", 1)
    assert smtp_server.recipients() == ["crmh@example.org"]
    history = editor_client.get(f"{ADMIN}history/{failed_email.pk}/").content.decode()
    assert "Renvoyé" in history
    # Once sent, it cannot be sent again by mistake.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url)
    assert len(smtp_server.received) == 1


@pytest.mark.django_db
def test_nobody_writes_or_deletes_an_email_in_the_admin(admin_client, failed_email):
    for url in (f"{ADMIN}new/", f"{ADMIN}edit/{failed_email.pk}/",
                f"{ADMIN}delete/{failed_email.pk}/"):
        assert admin_client.get(url).status_code in (302, 403), url
    assert OutgoingEmail.objects.filter(pk=failed_email.pk).exists()


@pytest.mark.django_db
def test_the_outbox_is_for_those_given_the_permission(public_client, sites, failed_email):
    reviewer, reviewers = admin_reviewer()
    public_client.force_login(reviewer)
    assert public_client.get(ADMIN).status_code in (302, 403)
    assert public_client.post(f"{ADMIN}send-again/{failed_email.pk}/").status_code in (302,
                                                                                      403)
    failed_email.refresh_from_db()
    assert failed_email.status == EmailStatus.GIVEN_UP
    # Reading does not allow sending again.
    reviewers.permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    public_client.force_login(reviewer)
    assert public_client.get(ADMIN).status_code == 200
    assert public_client.post(f"{ADMIN}send-again/{failed_email.pk}/").status_code in (302,
                                                                                      403)
    failed_email.refresh_from_db()
    assert failed_email.status == EmailStatus.GIVEN_UP


@pytest.mark.django_db
def test_moderators_read_the_outbox_and_send_again_by_default():
    for name in ("Rédacteurs", "Modérateurs"):
        codenames = set(Group.objects.get(name=name).permissions.filter(
            content_type__app_label="outbox").values_list("codename", flat=True))
        assert codenames == {"view_outgoingemail", "resend_outgoingemail"}


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 50])
def test_outbox_listing_queries_do_not_grow_with_emails(admin_client, count,
                                                       django_assert_max_num_queries):
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(from_email="relais@example.org", to=f"p{number}@example.org",
                      subject=f"Message {number}", body="…", kind="press-release",
                      status=EmailStatus.FAILED, last_error="SMTPServerDisconnected")
        for number in range(count))
    admin_client.get(ADMIN)
    with django_assert_max_num_queries(14):
        response = admin_client.get(ADMIN)
    assert len(response.context["object_list"]) == min(count, 20)
