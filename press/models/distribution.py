"""Sending a release by e-mail: a distribution (to lists and subjects), one delivery per
recipient with its e-mail in the outbox; pressroom subscriptions with double opt-in."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.outbox.models import OutgoingEmail
from press.models.contacts import Beat, ContactList, Journalist


class DistributionStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    QUEUED = "queued", _("Queued")


class Distribution(models.Model):
    """One send of a release (or kit) to the journalists of some lists and subjects."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("release"),
                             on_delete=models.CASCADE, related_name="+")
    lists = models.ManyToManyField(ContactList, verbose_name=_("lists"), blank=True,
                                   related_name="+")
    subjects = models.ManyToManyField(Beat, verbose_name=_("journalists covering"),
                                      blank=True, related_name="+")
    message = models.TextField(_("personal message"), blank=True)
    is_test = models.BooleanField(_("test send"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=DistributionStatus.choices,
                              default=DistributionStatus.PREPARING)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    excluded_count = models.PositiveIntegerField(
        _("left out"), default=0,
        help_text=_("Do-not-contact, unsubscribed or without an e-mail address."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_distribution", _("Can send releases to journalists"))]

    def __str__(self):
        return f"{self.page.title} — {self.created_at:%Y-%m-%d %H:%M}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", pgettext_lazy("e-mail", "Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    """One recipient of a distribution. Erasing the journalist keeps the row (statistics)
    without its address."""

    distribution = models.ForeignKey(Distribution, on_delete=models.CASCADE,
                                     related_name="deliveries")
    journalist = models.ForeignKey(Journalist, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="deliveries")
    address = models.EmailField(_("address"), blank=True)
    email = models.OneToOneField(OutgoingEmail, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    bounced_at = models.DateTimeField(_("bounced on"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(
            fields=["distribution", "journalist"], name="press_delivery_once")]

    def __str__(self):
        # No address: admin history and logs must not copy personal data.
        return f"{self.distribution_id}/{self.pk}"

    @property
    def status(self) -> str:
        if self.bounced_at:
            return DeliveryStatus.BOUNCED
        if self.email is None:
            return DeliveryStatus.FAILED
        return {"sent": DeliveryStatus.SENT, "given_up": DeliveryStatus.FAILED,
                "failed": DeliveryStatus.FAILED}.get(self.email.status, DeliveryStatus.QUEUED)

    @property
    def status_label(self) -> str:
        return DeliveryStatus(self.status).label


class Subscription(models.Model):
    """A journalist's request to receive the releases, waiting for its confirmation (double
    opt-in); confirmed, it becomes a contact on the subscribers' list."""

    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    outlet_name = models.CharField(_("outlet"), max_length=200)
    language = models.CharField(_("language"), max_length=2, default="fr")
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    journalist = models.ForeignKey(Journalist, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    emails = GenericRelation(OutgoingEmail)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.last_name} ({self.outlet_name})"
