from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.outbox.models import OutgoingEmail


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """A person registered to one of the directorate's own events."""

    page = models.ForeignKey("events.DirectorateEventPage", verbose_name=_("event"),
                             on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Its confirmation e-mails in the outbox, deleted with it.
    emails = GenericRelation(OutgoingEmail)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["page", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "email"], condition=~Q(status="cancelled"),
                                    name="one_active_registration_per_email"),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"
