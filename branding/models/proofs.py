"""Proofs: a partner's poster, flyer, invitation or web page showing the logos, sent before
printing or publishing, with the officers' decisions and comments."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import restricted_storage

# Proofs planned within this many days stand out (DRACs ask for them ten days ahead).
DUE_SOON_DAYS = 10


class ProofKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    FLYER = "flyer", _("Flyer or leaflet")
    INVITATION = "invitation", _("Invitation")
    WEB_PAGE = "web", _("Web page or social-network post")
    OTHER = "other", _("Other")


class ProofStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting review")
    CHANGES = "changes", _("Changes requested")
    APPROVED = "approved", _("Approved")


class ProofQuerySet(models.QuerySet):
    def awaiting_review(self):
        return self.filter(status=ProofStatus.SUBMITTED)

    def due_soon(self, today=None):
        today = today or timezone.localdate()
        return self.awaiting_review().filter(
            planned_date__lte=today + dt.timedelta(days=DUE_SOON_DAYS))


def proof_path(instance, filename):
    return f"branding/proofs/{instance.partner_id}/{filename}"


class Proof(models.Model):
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="proofs", verbose_name=_("partner"))
    organisation = models.CharField(_("organisation"), max_length=200)
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("For example: poster of the summer festival 2026."))
    kind = models.CharField(_("kind of document"), max_length=12, choices=ProofKind.choices)
    planned_date = models.DateField(_("planned print or publication date"))
    file = models.FileField(_("proof"), upload_to=proof_path, storage=restricted_storage,
                            max_length=255)
    preview = models.FileField(_("preview"), upload_to=proof_path, storage=restricted_storage,
                               max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProofStatus.choices,
                              default=ProofStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    objects = ProofQuerySet.as_manager()

    class Meta:
        verbose_name = _("proof")
        verbose_name_plural = _("proofs")
        ordering = ["planned_date", "pk"]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    @property
    def days_left(self) -> int:
        return (self.planned_date - timezone.localdate()).days

    @property
    def is_due_soon(self) -> bool:
        return self.status == ProofStatus.SUBMITTED and self.days_left <= DUE_SOON_DAYS


class StepKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RESUBMITTED = "resubmitted", _("New version sent")
    CHANGES = "changes", _("Changes requested")
    APPROVED = "approved", _("Approved")


class ProofStep(models.Model):
    """One moment of a proof's history: a version sent, or an officer's decision."""

    proof = models.ForeignKey(Proof, related_name="steps", on_delete=models.CASCADE)
    kind = models.CharField(_("step"), max_length=12, choices=StepKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("by"))
    comment = models.TextField(_("comment"), blank=True)
    file = models.FileField(_("file sent"), storage=restricted_storage, max_length=255,
                            blank=True)
    at = models.DateTimeField(_("on"), default=timezone.now)

    class Meta:
        verbose_name = _("step of a proof")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.proof} — {self.get_kind_display()}"
