"""Press enquiries from the pressroom's form, followed in the admin."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.outbox.models import OutgoingEmail
from portal.outbox.panels import EmailsPanel
from press.models.contacts import PRESS_OFFICERS, Journalist


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


OPEN_STATUSES = (EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS)


class PressEnquiry(ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("request"))
    deadline = models.DateTimeField(_("deadline"), db_index=True)
    received_at = models.DateTimeField(_("received on"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=EnquiryStatus.choices,
                              default=EnquiryStatus.NEW)
    spokesperson = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("spokesperson"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        limit_choices_to={"groups__name": PRESS_OFFICERS})
    journalist = models.ForeignKey(Journalist, verbose_name=_("contact"), null=True,
                                   blank=True, on_delete=models.SET_NULL,
                                   related_name="enquiries")
    reminded_at = models.DateTimeField(_("reminder sent on"), null=True, blank=True)
    emails = GenericRelation(OutgoingEmail)

    panels = [
        MultiFieldPanel([FieldRowPanel([FieldPanel("name", read_only=True),
                                        FieldPanel("outlet", read_only=True)]),
                         FieldRowPanel([FieldPanel("email", read_only=True),
                                        FieldPanel("phone", read_only=True)]),
                         FieldPanel("subject", read_only=True),
                         FieldPanel("message", read_only=True),
                         FieldPanel("deadline", read_only=True)],
                        heading=_("Enquiry")),
        FieldRowPanel([FieldPanel("status"), FieldPanel("spokesperson")]),
        FieldPanel("journalist"),
        InlinePanel("replies", label=_("Reply log")),
        EmailsPanel(),
    ]

    class Meta:
        verbose_name = _("press enquiry")
        verbose_name_plural = _("press enquiries")
        ordering = ["deadline"]

    def __str__(self):
        return f"{self.subject} — {self.outlet}"

    @property
    def is_late(self) -> bool:
        return self.status in OPEN_STATUSES and self.deadline < timezone.now()


class EnquiryReply(Orderable):
    enquiry = ParentalKey(PressEnquiry, on_delete=models.CASCADE, related_name="replies")
    replied_at = models.DateTimeField(_("on"), default=timezone.now)
    by = models.CharField(_("by"), max_length=200)
    note = models.TextField(_("what was answered"))

    panels = [FieldRowPanel([FieldPanel("replied_at"), FieldPanel("by")]), FieldPanel("note")]
