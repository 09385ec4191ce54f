"""Partners: their request for access, the terms of use they accept, and every download."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branding.models.assets import Logo, LogoVariant, LogoVersion
from portal.roles import PARTNERS

PARTNERS_GROUP = PARTNERS


class AccessStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class PartnerAccess(models.Model):
    """A partner's request for access to the partners-only files, and the officer's answer."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="partner_access", verbose_name=_("account"))
    organisation = models.CharField(_("organisation"), max_length=200)
    project_reference = models.CharField(
        _("project or grant reference"), max_length=100,
        help_text=_("The reference of the grant or agreement, or the project's name."))
    intended_use = models.TextField(
        _("intended use"), max_length=2000,
        help_text=_("Where the logos will appear: poster, programme, website…"))
    status = models.CharField(_("status"), max_length=10, choices=AccessStatus.choices,
                              default=AccessStatus.PENDING)
    requested_at = models.DateTimeField(_("requested on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("decided by"))
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)

    class Meta:
        verbose_name = _("partner access")
        verbose_name_plural = _("partner accesses")
        ordering = ["-requested_at"]
        permissions = [("review_partners", _("Can approve partners and their proofs"))]

    def __str__(self):
        return f"{self.organisation} ({self.user.email})"

    @property
    def is_approved(self) -> bool:
        return self.status == AccessStatus.APPROVED


class TermsQuerySet(models.QuerySet):
    def current(self):
        return (self.filter(published_at__lte=timezone.now())
                .order_by("-published_at", "-pk").first())


class TermsOfUse(models.Model):
    """The terms partners accept before their first download; a new version asks again."""

    version = models.CharField(_("version"), max_length=30, unique=True,
                               help_text=_("For example 2026-1."))
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(
        _("in force from"), default=timezone.now,
        help_text=_("From this date, partners accept this version before downloading."))

    objects = TermsQuerySet.as_manager()

    class Meta:
        verbose_name = _("terms of use")
        verbose_name_plural = _("terms of use")
        ordering = ["-published_at"]

    def __str__(self):
        return str(_("Terms of use %(version)s") % {"version": self.version})


class TermsAcceptance(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="terms_acceptances")
    terms = models.ForeignKey(TermsOfUse, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("acceptance of the terms")
        constraints = [
            models.UniqueConstraint(fields=["user", "terms"], name="branding_terms_once"),
        ]

    def __str__(self):
        return f"{self.user} — {self.terms}"


class Download(models.Model):
    """One download: who (and their organisation, as it was then), which file, when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="logo_downloads",
                             verbose_name=_("account"))
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    logo = models.ForeignKey(Logo, on_delete=models.CASCADE, related_name="downloads",
                             verbose_name=_("logo"))
    version = models.ForeignKey(LogoVersion, on_delete=models.CASCADE, related_name="downloads",
                                verbose_name=_("version"))
    variant = models.ForeignKey(LogoVariant, on_delete=models.CASCADE,
                                related_name="downloads", verbose_name=_("file"))
    kind = models.CharField(_("use"), max_length=20)
    downloaded_at = models.DateTimeField(_("downloaded on"), default=timezone.now,
                                         db_index=True)

    class Meta:
        verbose_name = _("logo download")
        verbose_name_plural = _("logo downloads")
        ordering = ["-downloaded_at"]

    def __str__(self):
        return f"{self.variant} — {self.email or '-'}"

    @property
    def version_number(self) -> int:
        return self.version.number
