"""Questions from the public and partners: the contact page, its topics (each routed to a
service mailbox) and the questions themselves, stored before any e-mail is sent."""

import calendar
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Site, TranslatableMixin
from wagtail.search import index

from pages.base.models import BasePage
from portal.antispam import RateLimit, handle_public_form
from portal.outbox.models import OutgoingEmail
from portal.sites import is_intranet_page

NOTICE_FEATURES = ["bold", "italic", "link", "ul"]
DEFAULT_RETENTION_MONTHS = 12
# Five questions per visitor address in ten minutes: plenty for a person, little for a robot.
QUESTION_RATE_LIMIT = RateLimit("question", limit=5, period=10 * 60)
CONFIRMATION_SALT = "relais.question-confirmation"
CONFIRMATION_MAX_AGE = 24 * 60 * 60


def default_privacy_notice() -> str:
    return "".join([
        "<p>", gettext(
            "The directorate processes the information you give in this form only to answer "
            "your question, as part of its public service mission. Only the staff of the "
            "service concerned read it."), "</p>",
        "<p>", gettext(
            "You may access, correct or delete your data, or object to its use, by writing to "
            "the directorate. If you think your rights are not respected, you may lodge a "
            "complaint with the CNIL (cnil.fr)."), "</p>",
    ])


def default_thank_you() -> str:
    return "<p>{}</p>".format(gettext(
        "Thank you. The service concerned will answer you by e-mail. Keep your reference "
        "number: it helps us find your question if you write to us again."))


def months_before(moment, months: int):
    """The same day and time ``months`` months earlier (the last day of a shorter month)."""
    year, month_index = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


class ContactTopic(TranslatableMixin, Orderable):
    """What a visitor may ask about, and the service mailbox that answers it."""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(
        _("description"), max_length=300, blank=True,
        help_text=_("Shown under the topic on the form, to help visitors choose."),
    )
    email = models.EmailField(
        _("service mailbox"),
        help_text=_("The questions on this topic are sent to this address."),
    )
    active = models.BooleanField(
        _("offered on the form"), default=True,
        help_text=_("Untick to stop offering the topic while keeping its questions."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("email"),
              FieldPanel("active")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact topic")
        verbose_name_plural = _("contact topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.sort_order is None:  # created outside the admin's ordered listing
            last = ContactTopic.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = (last or 0) + 1
        super().save(*args, **kwargs)

    @classmethod
    def offered_in(cls, locale):
        """Active topics in this language; the default language's when it has none."""
        topics = cls.objects.filter(active=True).order_by("sort_order", "name")
        in_locale = topics.filter(locale=locale)
        if in_locale.exists():
            return in_locale
        return topics.filter(locale__language_code=settings.LANGUAGE_CODE)


class ContactPage(RoutablePageMixin, BasePage):
    """The public contact form: the visitor picks a topic, the question is stored, then the
    service and the visitor are e-mailed."""

    page_description = _(
        "The contact form: the public's questions arrive "
        "in the admin under the chosen topic."
    )

    intro = RichTextField(_("introduction"), blank=True, features=NOTICE_FEATURES)
    privacy_notice = RichTextField(
        _("personal-data notice"), default=default_privacy_notice, features=NOTICE_FEATURES,
        help_text=_("Shown above the consent box. The retention period is added below it."),
    )
    thank_you = RichTextField(
        _("thank-you text"), default=default_thank_you, features=NOTICE_FEATURES,
        help_text=_("Shown with the reference number once a question is sent."),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        default=DEFAULT_RETENTION_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Questions asked on this page are deleted after this many months."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("privacy_notice"), FieldPanel("retention_months")],
                        heading=_("Personal data")),
        FieldPanel("thank_you"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    template = "pages/contact/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    @classmethod
    def can_create_at(cls, parent):
        # Partners and the public cannot reach the intranet: the form belongs to the public site.
        return super().can_create_at(parent) and not is_intranet_page(parent)

    @path("")
    def ask(self, request):
        from pages.contact.emails import queue_question_emails
        from pages.contact.forms import QuestionForm

        topics = self.topics()
        form = QuestionForm(request.POST if request.method == "POST" else None, topics=topics)
        submission = handle_public_form(
            request, form, rate_limit=QUESTION_RATE_LIMIT,
            store=lambda form: form.store(page=self, site=Site.find_for_request(request)),
            notify=queue_question_emails,
        )
        if submission.stored is not None:
            return redirect(self.confirmation_url(submission.stored.reference, request))
        response = self.render(request, context_overrides={"form": form, "topics": topics})
        response.status_code = submission.status
        return response

    @path("confirmation/", name="confirmation")
    def confirmation(self, request):
        return self.render(request, context_overrides={
            "reference": self.reference_from(request.GET.get("ref", "")), "confirmation": True,
        })

    def topics(self):
        return ContactTopic.offered_in(self.locale)

    @staticmethod
    def reference_from(token: str) -> str | None:
        """The reference a confirmation link carries; None when forged or too old."""
        try:
            return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
        except signing.BadSignature:  # includes SignatureExpired
            return None

    def confirmation_url(self, reference: str, request=None) -> str:
        token = signing.dumps(reference, salt=CONFIRMATION_SALT)
        return (self.get_url(request) + self.reverse_subpage("confirmation")
                + f"?ref={token}")


class QuestionStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("status", "New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")


class VisitorType(models.TextChoices):
    PUBLIC = "public", _("Member of the public")
    PARTNER = "partner", _("Professional partner")


def new_reference() -> str:
    """Q-<year>-<six random digits>: short enough to read on the phone, not a counter that
    tells how many questions arrive. A reference opens nothing by itself."""
    return f"Q-{timezone.localdate().year}-{secrets.randbelow(1_000_000):06d}"


def officers():
    """Who may follow a question: the accounts that can open the admin."""
    from django.contrib.auth import get_user_model

    admin_users = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__codename="access_admin"), is_active=True
    )
    return Q(pk__in=admin_users.values("pk"))


class Question(models.Model):
    """A question from the public or a partner, kept for the page's retention period."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    page = models.ForeignKey(ContactPage, verbose_name=_("asked on"), null=True,
                             on_delete=models.SET_NULL, related_name="questions", editable=False)
    topic = models.ForeignKey(ContactTopic, verbose_name=_("topic"), null=True,
                              on_delete=models.SET_NULL, related_name="questions")
    visitor_type = models.CharField(_("sender is"), max_length=20, choices=VisitorType.choices,
                                    default=VisitorType.PUBLIC)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(_("status"), max_length=20, choices=QuestionStatus.choices,
                              default=QuestionStatus.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("followed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", limit_choices_to=officers,
    )
    reply_note = models.TextField(
        _("reply"), blank=True,
        help_text=_("What was answered, and how (e-mail, phone, letter)."),
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True, editable=False)
    # The reply sent from the admin by e-mail (through the outbox): when and by whom.
    reply_sent_at = models.DateTimeField(_("reply e-mailed on"), null=True, blank=True,
                                         editable=False)
    reply_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reply e-mailed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("received on"), default=timezone.now, editable=False,
                                      db_index=True)
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.PROTECT,
                               related_name="+", editable=False)
    site = models.ForeignKey(Site, verbose_name=_("site"), null=True, on_delete=models.SET_NULL,
                             related_name="+", editable=False)
    # Its e-mails in the outbox, deleted with it at the end of the retention period.
    emails = GenericRelation(OutgoingEmail)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]

    def __str__(self):
        # Only the reference: admin logs and messages must not copy personal data.
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference()
            while Question.objects.filter(reference=self.reference).exists():
                self.reference = new_reference()
        if self.status == QuestionStatus.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        elif self.status != QuestionStatus.ANSWERED:
            self.answered_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "answered_at"}
        super().save(*args, **kwargs)

    @property
    def retention_months(self) -> int:
        return self.page.retention_months if self.page else DEFAULT_RETENTION_MONTHS
