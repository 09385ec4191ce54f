"""Questions from the public: stored first, routed to the topic's mailbox, acknowledged with a
reference, followed in the admin, retried when e-mail fails and purged after retention."""

import re
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from pages.contact.models import months_before
from pages.models import ContactPage, ContactTopic, Question
from portal.outbox.models import DeliveryAttempt, EmailStatus, OutgoingEmail
from tests.helpers.accounts import activate_totp, admin_reviewer

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"^Q-\d{4}-\d{6}$")


def make_topic(name, email, locale="fr", **fields):
    return ContactTopic.objects.create(
        name=name, email=email, locale=Locale.objects.get(language_code=locale), **fields
    )


@pytest.fixture
def topics(sites):
    return [
        make_topic("Monuments historiques", "crmh@example.org",
                   description="Travaux, protection, subventions d’entretien"),
        make_topic("Archéologie", "sra@example.org"),
    ]


@pytest.fixture
def contact_page(public_home, topics):
    page = ContactPage(title="Nous contacter", slug="nous-contacter", retention_months=12)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def question_data(chosen_topic, **changes):
    data = {
        "topic": chosen_topic.pk, "subject": "Travaux sur une chapelle inscrite",
        "message": "Bonjour,\nfaut-il une autorisation pour refaire la toiture ?",
        "visitor_type": "partner", "name": "Anne Le Bihan", "email": "anne@example.org",
        "organisation": "Mairie de Locronan", "consent": "on", "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def ask(public_client, contact_page, django_capture_on_commit_callbacks):
    """Post the form as a visitor and run what waits for the commit (the e-mail task)."""
    def post(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return public_client.post(contact_page.url, data, **extra)
    return post


# --- The form -------------------------------------------------------------------------------


def test_form_offers_the_active_topics_with_their_descriptions(public_client, contact_page,
                                                               topics):
    make_topic("Ancien thème", "old@example.org", active=False)
    make_topic("Heritage", "en@example.org", locale="en")
    response = public_client.get(contact_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert list(response.context["form"].fields["topic"].queryset) == topics
    assert 'type="radio" name="topic"' in html
    assert "Travaux, protection, subventions d’entretien" in html
    assert "Ancien thème" not in html and "Heritage" not in html
    assert 'name="consent"' in html and "fr-checkbox-group" in html
    # The honeypot is in the form but hidden from people.
    assert re.search(r'<div hidden>\s*<label for="id_website">', html)


def test_question_is_stored_routed_to_the_topic_mailbox_and_acknowledged(ask, topics,
                                                                        contact_page, sites):
    response = ask(question_data(topics[1]))
    assert response.status_code == 302
    question = Question.objects.get()
    assert REFERENCE.match(question.reference)
    assert (question.topic, question.name, question.email) == (topics[1], "Anne Le Bihan",
                                                                "anne@example.org")
    assert question.visitor_type == "partner" and question.organisation == "Mairie de Locronan"
    assert question.status == "new" and question.page.pk == contact_page.pk
    assert question.locale.language_code == "fr" and question.site == sites[0]

    notification, acknowledgement = sorted(mail.outbox, key=lambda m: m.to != ["sra@example.org"])
    assert notification.to == ["sra@example.org"]
    assert notification.reply_to == ["anne@example.org"]
    assert question.reference in notification.subject
    assert "faut-il une autorisation pour refaire la toiture ?" in notification.body
    assert f"/admin/snippets/pages/question/edit/{question.pk}/" in notification.body
    assert acknowledgement.to == ["anne@example.org"]
    assert question.reference in acknowledgement.subject
    assert question.reference in acknowledgement.body
    # The acknowledgement repeats nothing the sender typed (no relay for spam).
    assert "toiture" not in acknowledgement.body and "chapelle" not in acknowledgement.subject
    assert all(email.status == "sent" and email.sent_at and email.attempts == 1
               for email in question.emails.all())


def test_after_sending_the_visitor_sees_the_reference_number(ask, public_client, topics):
    response = ask(question_data(topics[0]))
    confirmation = public_client.get(response["Location"])
    reference = Question.objects.get().reference
    assert confirmation.status_code == 200
    assert confirmation.context["reference"] == reference
    html = confirmation.content.decode()
    assert f'<strong class="relais-reference">{reference}</strong>' in html
    assert "fr-alert--success" in html
    assert 'name="subject"' not in html  # the form is not shown again


@pytest.mark.parametrize("token", ["", "Q-2026-000001", "garbage:signature"])
def test_a_forged_confirmation_link_shows_no_reference(public_client, contact_page, token):
    response = public_client.get(f"{contact_page.url}confirmation/", {"ref": token})
    assert response.status_code == 200
    assert response.context["reference"] is None
    assert "relais-reference" not in response.content.decode()


def test_invalid_input_keeps_what_was_typed_with_dsfr_errors(ask, topics):
    response = ask(question_data(topics[0], email="pas-une-adresse", consent=None, message=""))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"email", "consent", "message"}
    html = response.content.decode()
    assert 'value="pas-une-adresse"' in html
    assert 'value="Travaux sur une chapelle inscrite"' in html
    assert 'value="Mairie de Locronan"' in html
    assert re.search(rf'value="{topics[0].pk}"[^>]*checked', html)
    assert html.count("fr-input-group--error") == 2 and "fr-checkbox-group--error" in html
    assert 'aria-describedby="id_email-messages"' in html and 'id="id_email-messages"' in html
    assert not Question.objects.exists() and not mail.outbox


def test_a_missing_topic_is_a_field_error_on_the_radio_group(ask, topics):
    response = ask(question_data(topics[0], topic=None))
    assert "topic" in response.context["form"].errors
    html = response.content.decode()
    assert "fr-fieldset--error" in html and 'id="id_topic-messages"' in html
    assert not Question.objects.exists()


def test_an_inactive_topic_cannot_be_chosen(ask, topics):
    retired = make_topic("Ancien thème", "old@example.org", active=False)
    response = ask(question_data(retired))
    assert "topic" in response.context["form"].errors
    assert not Question.objects.exists()


def test_a_subject_cannot_smuggle_e_mail_headers(ask, topics):
    ask(question_data(topics[0], subject="Bonjour\r\nBcc: victim@example.org"))
    question = Question.objects.get()
    assert question.subject == "Bonjour Bcc: victim@example.org"
    assert len(mail.outbox) == 2 and all(not m.bcc for m in mail.outbox)


def test_english_page_offers_english_topics_and_falls_back_to_french(public_client, public_home,
                                                                     contact_page, topics):
    english = Locale.objects.get(language_code="en")
    public_home.copy_for_translation(english).save_revision().publish()
    page_en = contact_page.copy_for_translation(english)
    page_en.slug = "contact-us"
    page_en.save_revision().publish()
    response = public_client.get("/en/contact-us/")
    assert list(response.context["form"].fields["topic"].queryset) == topics  # fallback
    heritage = topics[0].copy_for_translation(english)
    heritage.name = "Historic monuments"
    heritage.save()
    response = public_client.get("/en/contact-us/")
    assert list(response.context["form"].fields["topic"].queryset) == [heritage]


def test_english_question_is_acknowledged_in_english(public_client, public_home, contact_page,
                                                     topics, django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    public_home.copy_for_translation(english).save_revision().publish()
    page_en = contact_page.copy_for_translation(english)
    page_en.slug = "contact-us"
    page_en.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = public_client.post("/en/contact-us/", question_data(topics[0]))
    assert response["Location"].startswith("/en/contact-us/confirmation/?ref=")
    question = Question.objects.get()
    assert question.locale == english
    acknowledgement = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert acknowledgement.subject == (
        f"Your question has been received (reference {question.reference})")


# --- Nothing lost when e-mail fails ----------------------------------------------------------


def test_question_is_stored_even_when_the_smtp_server_is_down(ask, topics, smtp_server_down):
    response = ask(question_data(topics[0]))
    assert response.status_code == 302  # the visitor still gets a reference
    question = Question.objects.get()
    emails = list(question.emails.all())
    assert {email.kind for email in emails} == {"question-notification",
                                                "question-acknowledgement"}
    for email in emails:
        assert email.status == "failed" and email.sent_at is None and email.attempts == 1
        assert "ConnectionRefused" in email.last_error
        assert email.next_attempt_at > timezone.now()


def make_due(emails):
    """As if the wait before the next attempt were over."""
    OutgoingEmail.objects.filter(pk__in=[email.pk for email in emails]).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_retry_command_sends_what_failed_once_smtp_is_back(ask, topics, smtp_server_down):
    ask(question_data(topics[0]))
    question = Question.objects.get()

    stdout = StringIO()
    call_command("retry_question_emails", stdout=stdout)  # the former name still works
    assert "0 e-mail(s) sent" in stdout.getvalue()
    assert {email.attempts for email in question.emails.all()} == {1}  # not due yet

    make_due(question.emails.all())
    stdout, stderr = StringIO(), StringIO()
    call_command("retry_question_emails", stdout=stdout, stderr=stderr)
    assert "0 e-mail(s) sent" in stdout.getvalue()
    assert "2 e-mail(s) failed and will be tried again" in stderr.getvalue()
    assert {email.attempts for email in question.emails.all()} == {2}

    smtp_server_down.start()
    make_due(question.emails.all())
    stdout = StringIO()
    call_command("retry_question_emails", stdout=stdout)
    assert "2 e-mail(s) sent" in stdout.getvalue()
    assert sorted(smtp_server_down.recipients()) == ["anne@example.org", "crmh@example.org"]
    assert all(email.status == "sent" and email.last_error == "" and email.attempts == 3
               for email in question.emails.all())
    call_command("retry_question_emails", stdout=StringIO())
    assert len(smtp_server_down.received) == 2  # nothing is sent twice


# --- Spam --------------------------------------------------------------------------------------


def test_honeypot_filled_in_stores_nothing(ask, topics):
    response = ask(question_data(topics[0], website="https://cheap-pills.example"))
    assert response.status_code == 400
    assert response.context["form"].caught_by_honeypot
    assert "fr-alert--error" in response.content.decode()
    assert not Question.objects.exists() and not mail.outbox


def test_rate_limit_allows_five_questions_per_ten_minutes_and_keeps_the_sixth(ask, topics):
    for number in range(5):
        assert ask(question_data(topics[0], subject=f"Question {number}")).status_code == 302
    response = ask(question_data(topics[0], subject="Une question de trop"))
    assert response.status_code == 429
    html = response.content.decode()
    assert 'value="Une question de trop"' in html and "fr-alert--error" in html
    assert Question.objects.count() == 5
    # Another address is not affected.
    other = ask(question_data(topics[0], subject="Autre visiteur"), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    assert Question.objects.count() == 6


def test_invalid_posts_do_not_use_up_the_rate_limit(ask, topics):
    for _attempt in range(6):
        ask(question_data(topics[0], email="faux"))
    assert ask(question_data(topics[0])).status_code == 302


# --- The model -------------------------------------------------------------------------------


def test_references_are_unique_and_not_a_counter(topics, contact_page):
    references = set()
    for _number in range(30):
        question = Question(topic=topics[0], name="X", email="x@example.org", subject="S",
                            message="M", locale=contact_page.locale)
        question.save()
        references.add(question.reference)
    assert len(references) == 30
    assert all(REFERENCE.match(reference) for reference in references)
    numbers = sorted(int(reference[-6:]) for reference in references)
    assert numbers != list(range(numbers[0], numbers[0] + 30))


def test_answered_at_follows_the_status(topics, contact_page):
    question = Question(topic=topics[0], name="X", email="x@example.org", subject="S",
                        message="M", locale=contact_page.locale)
    question.save()
    assert question.answered_at is None
    question.status = "answered"
    question.save()
    assert question.answered_at is not None
    question.status = "in_progress"
    question.save(update_fields=["status"])
    question.refresh_from_db()
    assert question.answered_at is None


def test_contact_page_belongs_to_the_public_site_only(public_home, intranet_home):
    assert ContactPage.can_create_at(public_home)
    assert not ContactPage.can_create_at(intranet_home)


@pytest.mark.parametrize("moment,months,expected", [
    ((2026, 3, 31), 1, (2026, 2, 28)),
    ((2026, 1, 15), 12, (2025, 1, 15)),
    ((2024, 5, 31), 3, (2024, 2, 29)),
    ((2026, 2, 10), 14, (2024, 12, 10)),
])
def test_months_before(moment, months, expected):
    assert months_before(datetime(*moment, 9, 30), months) == datetime(*expected, 9, 30)


# --- Officers in the admin --------------------------------------------------------------------


@pytest.fixture
def officer(make_user, sites):
    user = make_user("officer@example.org", superuser=True)
    activate_totp(user)
    return user


@pytest.fixture
def officer_client(public_client, officer):
    public_client.force_login(officer)
    return public_client


def stored(topic, page, subject, **fields):
    question = Question(topic=topic, name="Anne", email=fields.pop("email", "anne@example.org"),
                        subject=subject, message="Le message\nsur deux lignes",
                        locale=page.locale, page=page, **fields)
    question.save()
    return question


ADMIN = "/admin/snippets/pages/question/"


def listed_references(response):
    return {question.reference for question in response.context["object_list"]}


def test_admin_lists_filters_and_searches_questions(officer_client, topics, contact_page):
    new = stored(topics[0], contact_page, "Toiture")
    answered = stored(topics[1], contact_page, "Fouilles", status="answered",
                      email="paul@example.org")
    old = stored(topics[1], contact_page, "Ancienne")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    response = officer_client.get(ADMIN)
    assert response.status_code == 200
    assert listed_references(response) == {new.reference, answered.reference, old.reference}
    html = response.content.decode()
    assert "Fouilles" in html and "Archéologie" in html

    assert listed_references(officer_client.get(ADMIN, {"status": "answered"})) == {
        answered.reference}
    assert listed_references(officer_client.get(ADMIN, {"topic": topics[1].pk})) == {
        answered.reference, old.reference}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert listed_references(officer_client.get(ADMIN, {"created_at_from": since})) == {
        new.reference, answered.reference}
    for query in (answered.reference, "paul@example.org", "Fouilles"):
        assert listed_references(officer_client.get(ADMIN, {"q": query})) == {
            answered.reference}


@pytest.mark.parametrize("count", [5, 50])
def test_admin_listing_queries_do_not_grow_with_questions(officer_client, officer, topics,
                                                          contact_page, count,
                                                          django_assert_max_num_queries):
    for number in range(count):
        stored(topics[number % 2], contact_page, f"Sujet {number}", assigned_to=officer)
    officer_client.get(ADMIN)
    with django_assert_max_num_queries(14):
        response = officer_client.get(ADMIN)
    assert len(response.context["object_list"]) == min(count, 20)  # the admin's page size


def test_officer_changes_status_and_notes_the_reply_but_not_the_question(officer_client, topics,
                                                                         contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    response = officer_client.post(f"{ADMIN}edit/{question.pk}/", {
        "status": "answered", "reply_note": "Répondu par téléphone le 3 mars.",
        "assigned_to": "", "name": "Quelqu’un d’autre", "message": "Texte remplacé",
    })
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.answered_at is not None
    assert question.reply_note == "Répondu par téléphone le 3 mars."
    assert question.name == "Anne" and question.message == "Le message\nsur deux lignes"


def test_officer_sends_the_reply_by_e_mail_through_the_outbox(
        officer_client, officer, topics, contact_page, smtp_server,
        django_capture_on_commit_callbacks):
    question = stored(topics[0], contact_page, "Toiture")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = officer_client.post(f"{ADMIN}edit/{question.pk}/", {
            "status": "in_progress", "assigned_to": "", "send_reply": "on",
            "reply_note": "Oui : une déclaration préalable suffit.",
        })
        assert response.status_code == 302
        # Stored first: the e-mail waits in the outbox until the question's save commits.
        email = OutgoingEmail.objects.about(question).get(kind="question-reply")
        assert email.status == EmailStatus.QUEUED and not smtp_server.received
    for callback in callbacks:
        callback()
    question.refresh_from_db()
    assert question.status == "answered" and question.answered_at is not None
    assert question.reply_sent_by == officer and question.reply_sent_at is not None
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.to == "anne@example.org"
    [message] = smtp_server.received
    assert message["To"] == "anne@example.org" and message["Reply-To"] == "crmh@example.org"
    assert question.reference in message["Subject"]
    assert "Oui : une déclaration préalable suffit." in message.get_content()
    # The question says who sent it and when.
    html = officer_client.get(f"{ADMIN}inspect/{question.pk}/").content.decode()
    assert "officer@example.org" in html


def test_sending_an_empty_reply_is_refused_and_sends_nothing(officer_client, topics,
                                                            contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    response = officer_client.post(f"{ADMIN}edit/{question.pk}/", {
        "status": "in_progress", "assigned_to": "", "send_reply": "on", "reply_note": " ",
    })
    assert response.status_code == 200
    assert "reply_note" in response.context["form"].errors
    question.refresh_from_db()
    assert question.status == "new" and question.reply_sent_at is None
    assert not OutgoingEmail.objects.about(question).filter(kind="question-reply").exists()


def test_noting_a_reply_without_sending_it_sends_nothing(officer_client, topics, contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    officer_client.post(f"{ADMIN}edit/{question.pk}/", {
        "status": "in_progress", "assigned_to": "", "reply_note": "Rappelée par téléphone.",
    })
    question.refresh_from_db()
    assert question.status == "in_progress" and question.reply_sent_at is None
    assert not OutgoingEmail.objects.about(question).filter(kind="question-reply").exists()


def test_the_sender_s_address_is_a_mailto_link(officer_client, topics, contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    link = '<a href="mailto:anne@example.org">anne@example.org</a>'
    assert link in officer_client.get(f"{ADMIN}edit/{question.pk}/").content.decode()
    assert link in officer_client.get(f"{ADMIN}inspect/{question.pk}/").content.decode()


def test_officer_inspects_the_message_and_e_mail_delivery(officer_client, topics, contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    email = OutgoingEmail.objects.create(
        to="crmh@example.org", subject="Nouvelle question", body="…", status="failed",
        attempts=2, last_error="SMTPServerDisconnected: down", content_type=ContentType.objects
        .get_for_model(Question), object_id=question.pk)
    response = officer_client.get(f"{ADMIN}inspect/{question.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le message<br>sur deux lignes" in html
    assert "SMTPServerDisconnected: down" in html
    # The edit view shows the same, with the way to the e-mail in the outbox.
    html = officer_client.get(f"{ADMIN}edit/{question.pk}/").content.decode()
    assert "SMTPServerDisconnected: down" in html
    assert f"/admin/outbox/inspect/{email.pk}/" in html
    listed = officer_client.get(ADMIN).context["object_list"]
    assert [row.unsent_emails for row in listed] == [1]


def test_questions_cannot_be_created_in_the_admin(officer_client, topics):
    response = officer_client.get(f"{ADMIN}add/")
    assert response.status_code in (302, 403)
    assert not Question.objects.exists()


def test_admin_users_without_the_permission_do_not_see_questions(public_client, sites):
    reviewer, _group = admin_reviewer()
    public_client.force_login(reviewer)
    assert public_client.get(ADMIN).status_code in (302, 403)


def test_communication_officers_follow_questions_by_default(public_client, editor, sites):
    activate_totp(editor)
    public_client.force_login(editor)
    assert public_client.get(ADMIN).status_code == 200


def test_only_admin_users_can_follow_a_question(officer_client, officer, editor, partner, topics,
                                                contact_page):
    question = stored(topics[0], contact_page, "Toiture")
    form = officer_client.get(f"{ADMIN}edit/{question.pk}/").context["form"]
    followers = set(form.fields["assigned_to"].queryset)
    assert officer in followers and editor in followers
    assert partner not in followers


def test_editors_manage_topics_in_the_admin(officer_client, topics):
    assert officer_client.get("/admin/snippets/pages/contacttopic/").status_code == 200
    response = officer_client.post("/admin/snippets/pages/contacttopic/add/", {
        "name": "Presse", "description": "", "email": "pas-une-adresse", "active": "on",
    })
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    response = officer_client.post("/admin/snippets/pages/contacttopic/add/", {
        "name": "Presse", "description": "", "email": "presse@example.org", "active": "on",
    })
    assert response.status_code == 302
    press = ContactTopic.objects.get(name="Presse")
    assert press.locale.language_code == "fr"
    assert press.sort_order > max(topic.sort_order for topic in topics)


def test_contact_page_is_created_and_previewed_in_the_admin(officer_client, public_home,
                                                            contact_page):
    add = officer_client.get(f"/admin/pages/add/pages/contactpage/{public_home.pk}/")
    assert add.status_code == 200
    assert "privacy_notice" in add.context["form"].fields
    preview = contact_page.make_preview_request()
    assert preview.status_code == 200
    assert 'name="topic"' in preview.content.decode()


# --- Retention -----------------------------------------------------------------------------


def age(question, **delta):
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(**delta))


def test_purge_deletes_questions_past_their_page_retention_with_their_data(
    topics, contact_page, public_home
):
    short = ContactPage(title="Presse", slug="presse", retention_months=3)
    public_home.add_child(instance=short)
    expired = stored(topics[0], contact_page, "Vieille question")
    kept = stored(topics[0], contact_page, "Récente")
    expired_short = stored(topics[0], short, "Presse ancienne")
    kept_short = stored(topics[0], short, "Presse récente")
    orphan = stored(topics[0], contact_page, "Page supprimée")
    Question.objects.filter(pk=orphan.pk).update(page=None)
    age(expired, days=400)
    age(kept, days=330)
    age(expired_short, days=100)
    age(kept_short, days=80)
    age(orphan, days=370)
    expired_email = OutgoingEmail.objects.create(
        to="a@b.org", subject="S", body="B", content_type=ContentType.objects.get_for_model(
            Question), object_id=expired.pk)
    DeliveryAttempt.objects.create(email=expired_email, attempted_at=timezone.now())
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Question), object_id=str(expired.pk),
        label=expired.reference, action="wagtail.edit", timestamp=timezone.now(),
    )

    stdout = StringIO()
    call_command("purge_questions", "--dry-run", stdout=stdout)
    assert "3 question(s) would be deleted" in stdout.getvalue()
    assert Question.objects.count() == 5

    stdout = StringIO()
    call_command("purge_questions", stdout=stdout)
    assert "3 question(s) deleted" in stdout.getvalue()
    assert set(Question.objects.values_list("subject", flat=True)) == {"Récente",
                                                                       "Presse récente"}
    assert not OutgoingEmail.objects.filter(pk=expired_email.pk).exists()
    assert not DeliveryAttempt.objects.exists()
    assert not ModelLogEntry.objects.filter(object_id=str(expired.pk)).exists()


def test_the_form_states_the_retention_period(public_client, contact_page):
    contact_page.retention_months = 18
    contact_page.save_revision().publish()
    html = public_client.get(contact_page.url).content.decode()
    notice = html.split('id="privacy-notice-title"')[1].split("</section>")[0]
    assert re.search(r"\b18\b", notice)


# --- Speed -------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [5, 50])
def test_contact_page_queries_do_not_grow_with_topics(public_client, contact_page, count,
                                                      django_assert_max_num_queries):
    ContactTopic.objects.all().delete()
    for number in range(count):
        make_topic(f"Thème {number}", f"service{number}@example.org", description="Aide")
    public_client.get(contact_page.url)
    with django_assert_max_num_queries(22):
        response = public_client.get(contact_page.url)
    assert response.content.decode().count('type="radio" name="topic"') == count


# --- Demo ------------------------------------------------------------------------------------


def test_demo_loads_the_form_faqs_and_legal_pages_once(public_client):
    call_command("load_demo", stdout=StringIO())
    counts = (ContactTopic.objects.count(), Question.objects.count(),
              OutgoingEmail.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (ContactTopic.objects.count(), Question.objects.count(),
            OutgoingEmail.objects.count()) == counts
    assert all(email.status == EmailStatus.SENT for question in Question.objects.all()
               for email in question.emails.all())
    assert counts[0] == 10  # five topics, in French and in English
    assert set(ContactTopic.objects.filter(locale__language_code="fr")
               .values_list("email", flat=True)) >= {"patrimoine.bretagne@relais.localhost"}
    assert {question.status for question in Question.objects.all()} == {
        "new", "in_progress", "answered"}

    for url in ("/nous-contacter/", "/en/contact-us/", "/questions-frequentes/", "/en/faq/",
                "/declaration-accessibilite/", "/mentions-legales/", "/donnees-personnelles/"):
        assert public_client.get(url).status_code == 200, url
    footer = public_client.get("/").content.decode().split("fr-footer__bottom-list")[1]
    for url in ("/declaration-accessibilite/", "/mentions-legales/", "/donnees-personnelles/"):
        assert f'href="{url}"' in footer
