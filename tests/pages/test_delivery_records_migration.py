"""The e-mail records of questions and paper-copy requests kept before the outbox move into
it: their history stays readable, and what was still waiting is sent."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Locale

from pages.models import PaperCopyRequest, PublicationIndexPage, PublicationPage, Question
from portal.outbox.models import EmailStatus, OutgoingEmail

BEFORE = [("pages", "0005_officer_permissions_for_content")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_legacy_delivery_records_move_into_the_outbox(public_home):
    index = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=index)
    magazine = PublicationPage(title="Magazine n° 12", slug="magazine-12",
                               publication_type="magazine", publication_format="paper",
                               publication_date=date(2025, 4, 2), paper_copies_available=10,
                               contact_email="diffusion@example.org")
    index.add_child(instance=magazine)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    now = timezone.now()
    try:
        old = migrate(BEFORE)
        topic = old.get_model("pages", "ContactTopic").objects.create(
            name="Archéologie", email="sra@example.org", sort_order=1,
            locale_id=Locale.objects.get(language_code="fr").pk)
        question = old.get_model("pages", "Question").objects.create(
            reference="Q-2026-000042", topic=topic, name="Anne", email="anne@example.org",
            subject="Fouilles", message="Quand ?", locale_id=topic.locale_id,
            created_at=now - timedelta(days=2))
        QuestionEmail = old.get_model("pages", "QuestionEmail")
        QuestionEmail.objects.create(
            question=question, kind="notification", recipient="sra@example.org", attempts=1,
            sent_at=now - timedelta(days=2), last_attempt_at=now - timedelta(days=2),
            created_at=now - timedelta(days=2))
        QuestionEmail.objects.create(
            question=question, kind="acknowledgement", recipient="anne@example.org",
            attempts=3, last_error="SMTPServerDisconnected: down",
            last_attempt_at=now - timedelta(hours=1), created_at=now - timedelta(days=2))
        OldRequest = old.get_model("pages", "PaperCopyRequest")
        never_tried = OldRequest.objects.create(
            publication_id=magazine.pk, publication_title=magazine.title, name="Yves",
            email="yves@example.org", postal_address="1 place de l’Europe\n29880 Plouguerneau",
            quantity=2)
        given_up = OldRequest.objects.create(
            publication_id=magazine.pk, publication_title=magazine.title, name="Paul",
            email="paul@example.org", postal_address="x", quantity=1, email_attempts=10,
            email_error="SMTPRecipientsRefused")
    finally:
        migrate(latest)

    question = Question.objects.get()
    notification, acknowledgement = question.emails.order_by("kind").reverse()
    assert (notification.kind, notification.status, notification.to) == (
        "question-notification", "sent", "sra@example.org")
    assert notification.created_at == now - timedelta(days=2)
    assert [attempt.error for attempt in notification.log.all()] == [""]
    assert (acknowledgement.status, acknowledgement.attempts, acknowledgement.last_error) == (
        "failed", 3, "SMTPServerDisconnected: down")
    assert "Q-2026-000042" in acknowledgement.body  # its text, ready to be sent
    assert "Q-2026-000042" in acknowledgement.subject

    waiting = PaperCopyRequest.objects.get(pk=never_tried.pk).emails.get()
    assert (waiting.status, waiting.to, waiting.reply_to) == (
        "queued", "diffusion@example.org", "yves@example.org")
    assert "29880 Plouguerneau" in waiting.body
    stopped = PaperCopyRequest.objects.get(pk=given_up.pk).emails.get()
    assert (stopped.status, stopped.attempts) == (EmailStatus.GIVEN_UP, 10)

    # What was waiting leaves with the next run of the command; the rest stays as it was.
    call_command("send_outbox", stdout=StringIO(), stderr=StringIO())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anne@example.org", "diffusion@example.org"]
    assert OutgoingEmail.objects.filter(status=EmailStatus.SENT).count() == 3
