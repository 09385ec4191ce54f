"""Outgoing e-mails and the log of their delivery attempts."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    SENDING = "sending", _("Sending")
    SENT = "sent", pgettext_lazy("e-mail", "Sent")
    FAILED = "failed", _("Failed")
    GIVEN_UP = "given_up", _("Given up")


# What a sender may pick up once its next attempt is due; for an e-mail being sent, that is
# when its sender's lease is over (the sender died on the way).
PENDING = (EmailStatus.QUEUED, EmailStatus.SENDING, EmailStatus.FAILED)


# Kinds of e-mail that only some officers may read in the outbox (an app's own e-mails to
# people whose data its officers alone may see): kind prefix -> permission, set by that app
# with ``restrict_kind`` when it starts.
RESTRICTED_KINDS: dict[str, str] = {}


def restrict_kind(prefix: str, permission: str) -> None:
    RESTRICTED_KINDS[prefix] = permission


class OutgoingEmailQuerySet(models.QuerySet):
    def readable_by(self, user):
        """The e-mails this officer may read: every kind but those restricted to a
        permission they lack."""
        queryset = self
        for prefix, permission in RESTRICTED_KINDS.items():
            if not user.has_perm(permission):
                queryset = queryset.exclude(kind__startswith=prefix)
        return queryset

    def about(self, obj):
        """The e-mails about one object (a question, a request, an event…), oldest first."""
        return self.filter(content_type=ContentType.objects.get_for_model(obj),
                           object_id=obj.pk).order_by("created_at", "pk")


class OutgoingEmail(models.Model):
    """One message to one or more recipients, stored before any attempt to send it."""

    created_at = models.DateTimeField(_("created on"), auto_now_add=True, db_index=True)
    kind = models.CharField(
        _("kind"), max_length=60, blank=True,
        help_text=_("What the e-mail is, for example question-acknowledgement."),
    )
    from_email = models.CharField(_("from"), max_length=320)
    to = models.TextField(_("to"), help_text=_("Addresses separated by commas."))
    reply_to = models.TextField(_("reply to"), blank=True)
    headers = models.JSONField(_("other headers"), default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML version"), blank=True)

    status = models.CharField(_("status"), max_length=20, choices=EmailStatus.choices,
                              default=EmailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True,
        help_text=_("Empty once the e-mail is sent or given up."),
    )
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)

    # What the e-mail is about: the object lists its e-mails, and takes them along when it is
    # deleted (through a GenericRelation on its model).
    content_type = models.ForeignKey(ContentType, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        # Officers read the outbox and may send an e-mail again; nobody writes one by hand.
        default_permissions = ("view",)
        permissions = [("resend_outgoingemail", _("Can send an e-mail again"))]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["content_type", "object_id"], name="outbox_about"),
        ]

    def __str__(self):
        # No address nor subject: admin history and logs must not copy personal data.
        return gettext("E-mail %(number)s") % {"number": self.pk}

    @property
    def recipients(self) -> list[str]:
        return split_addresses(self.to)

    @property
    def reply_to_addresses(self) -> list[str]:
        return split_addresses(self.reply_to)

    @property
    def may_be_sent_again(self) -> bool:
        return self.status in (EmailStatus.FAILED, EmailStatus.GIVEN_UP)

    def delivery_summary(self) -> str:
        """One line for the lists of an object's e-mails: where it went and how it went."""
        values = {"to": self.to, "attempts": self.attempts, "error": self.last_error}
        if self.status == EmailStatus.SENT:
            return gettext("Sent to %(to)s") % values
        if self.status in (EmailStatus.QUEUED, EmailStatus.SENDING):
            return gettext("Waiting to be sent to %(to)s") % values
        if self.status == EmailStatus.GIVEN_UP:
            return gettext("Not sent to %(to)s: given up after %(attempts)d attempts "
                           "(%(error)s)") % values
        return gettext("Not yet sent to %(to)s after %(attempts)d attempt(s) (%(error)s); "
                       "it will be tried again") % values


def split_addresses(addresses: str) -> list[str]:
    return [address.strip() for address in addresses.split(",") if address.strip()]


class DeliveryAttempt(models.Model):
    """One try at handing an e-mail to the mail server, and what went wrong if it failed."""

    email = models.ForeignKey(OutgoingEmail, on_delete=models.CASCADE, related_name="log")
    attempted_at = models.DateTimeField(_("attempted on"))
    error = models.TextField(_("error"), blank=True, help_text=_("Empty when it was sent."))

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["attempted_at", "pk"]
        default_permissions = ()

    def __str__(self):
        return self.error or gettext("Sent")
