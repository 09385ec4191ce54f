"""Move the e-mails of questions and paper-copy requests into the outbox.

Each question e-mail and each paper-copy notification becomes an outbox e-mail about its
question or request, with its status, attempts, last error and sending time. Those not sent
yet (and not given up) get their text rendered here and are due at once, so the outbox's
command sends them: nothing waiting is lost in the move. The next migration drops the old
records.
"""

from django.conf import settings
from django.db import migrations
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

MAX_ATTEMPTS = 10  # what both retry commands used
DEFAULT_RETENTION_MONTHS = 12
NOT_KEPT = "(Delivery record from before the outbox: the text of this e-mail was not kept.)"


def admin_url(view_name, pk) -> str:
    try:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(view_name, args=[pk])
    except NoReverseMatch:
        return ""


def render(template, context, language):
    with translation.override(language):
        try:
            return render_to_string(template, context)
        except TemplateDoesNotExist:
            return NOT_KEPT


def status_of(sent_at, attempts):
    if sent_at:
        return "sent"
    if attempts >= MAX_ATTEMPTS:
        return "given_up"
    return "failed" if attempts else "queued"


class Mover:
    def __init__(self, apps):
        self.OutgoingEmail = apps.get_model("outbox", "OutgoingEmail")
        self.DeliveryAttempt = apps.get_model("outbox", "DeliveryAttempt")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.now = timezone.now()

    def content_type(self, model_name):
        return self.ContentType.objects.get_or_create(app_label="pages", model=model_name)[0]

    def move(self, *, about_type, about_id, kind, to, reply_to, subject, body, sent_at,
             attempts, last_error, last_attempt_at, created_at):
        status = status_of(sent_at, attempts)
        email = self.OutgoingEmail.objects.create(
            kind=kind, from_email=settings.DEFAULT_FROM_EMAIL, to=to, reply_to=reply_to,
            subject=" ".join(subject.split()), body=body, status=status, attempts=attempts,
            last_error=last_error, sent_at=sent_at,
            next_attempt_at=self.now if status in ("queued", "failed") else None,
            content_type=about_type, object_id=about_id,
        )
        # created_at is set on creation: give back the original date.
        self.OutgoingEmail.objects.filter(pk=email.pk).update(created_at=created_at)
        if last_attempt_at:
            self.DeliveryAttempt.objects.create(email=email, attempted_at=last_attempt_at,
                                                error="" if sent_at else last_error)


def needs_text(sent_at, attempts) -> bool:
    return status_of(sent_at, attempts) in ("queued", "failed")


def move_question_emails(apps, mover):
    QuestionEmail = apps.get_model("pages", "QuestionEmail")
    question_type = mover.content_type("question")
    emails = QuestionEmail.objects.select_related(
        "question__topic", "question__page", "question__locale")
    for record in emails:
        question = record.question
        notification = record.kind == "notification"
        language = settings.LANGUAGE_CODE if notification else question.locale.language_code
        with translation.override(language):
            if notification:
                subject = gettext("[%(reference)s] New question: %(subject)s") % {
                    "reference": question.reference, "subject": question.subject}
            else:
                subject = gettext("Your question has been received (reference "
                                  "%(reference)s)") % {"reference": question.reference}
        body = NOT_KEPT
        if needs_text(record.sent_at, record.attempts):
            question.retention_months = (question.page.retention_months if question.page
                                         else DEFAULT_RETENTION_MONTHS)
            template = "notification.txt" if notification else "acknowledgement.txt"
            body = render(f"pages/contact/emails/{template}", {
                "question": question,
                "admin_url": admin_url("wagtailsnippets_pages_question:edit", question.pk),
            }, language)
        mover.move(
            about_type=question_type, about_id=question.pk, kind=f"question-{record.kind}",
            to=record.recipient, reply_to=question.email if notification else "",
            subject=subject, body=body, sent_at=record.sent_at, attempts=record.attempts,
            last_error=record.last_error, last_attempt_at=record.last_attempt_at,
            created_at=record.created_at,
        )


def officer_email(apps, publication) -> str:
    """Where the notification went: the publication's officer, or the site's contact."""
    if publication is None:
        return ""
    if publication.contact_email:
        return publication.contact_email
    Site = apps.get_model("wagtailcore", "Site")
    SiteIdentity = apps.get_model("portal", "SiteIdentity")
    for site in Site.objects.select_related("root_page"):
        if publication.path.startswith(site.root_page.path):
            identity = SiteIdentity.objects.filter(site=site).first()
            return identity.contact_email if identity else ""
    return ""


def move_paper_copy_notifications(apps, mover):
    PaperCopyRequest = apps.get_model("pages", "PaperCopyRequest")
    request_type = mover.content_type("papercopyrequest")
    for paper_request in PaperCopyRequest.objects.select_related("publication"):
        recipient = officer_email(apps, paper_request.publication)
        if not recipient:
            continue  # nobody to notify, as before: the request stays listed in the admin
        with translation.override(settings.LANGUAGE_CODE):
            subject = gettext("Paper-copy request: %(title)s") % {
                "title": paper_request.publication_title}
        body = NOT_KEPT
        if needs_text(paper_request.email_sent_at, paper_request.email_attempts):
            body = render("pages/publications/emails/paper_copy_request.txt", {
                "paper_request": paper_request,
                "admin_url": admin_url("wagtailsnippets_pages_papercopyrequest:edit",
                                       paper_request.pk),
            }, settings.LANGUAGE_CODE)
        mover.move(
            about_type=request_type, about_id=paper_request.pk, kind="paper-copy-request",
            to=recipient, reply_to=paper_request.email, subject=subject, body=body,
            sent_at=paper_request.email_sent_at, attempts=paper_request.email_attempts,
            last_error=paper_request.email_error,
            last_attempt_at=paper_request.email_sent_at if paper_request.email_sent_at
            else None,
            created_at=paper_request.created_at,
        )


def forwards(apps, schema_editor):
    mover = Mover(apps)
    move_question_emails(apps, mover)
    move_paper_copy_notifications(apps, mover)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_officer_permissions_for_content"),
        ("outbox", "0001_outgoing_emails"),
        ("portal", "0004_footer_links"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
