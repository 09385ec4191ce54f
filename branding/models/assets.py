"""Logos, their versions (master files, publication and expiry dates) and the variants
generated once per version, labelled by use."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import restricted_storage


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    PARTNERS = "partners", _("Approved partners only")


class LogoOwner(models.TextChoices):
    MINISTRY = "ministry", _("Ministry (bloc-marque)")
    PREFECTURE = "prefecture", _("Prefecture")
    DIRECTORATE = "directorate", _("Directorate")
    NATIONAL_EVENT = "national_event", _("National event")
    OTHER = "other", _("Other")


class Logo(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    owner = models.CharField(_("whose logo"), max_length=20, choices=LogoOwner.choices)
    description = models.TextField(
        _("description"), blank=True,
        help_text=_("When to use it, shown to partners above the files."))
    audience = models.CharField(
        _("who may download it"), max_length=10, choices=Audience.choices,
        default=Audience.PARTNERS,
        help_text=_("Partners-only files are downloaded by approved partners who accepted "
                    "the terms of use."))
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    def current_version(self, now=None):
        """The version offered now: the latest published, not expired, with its variants."""
        return self.versions.offered(now).order_by("-published_at", "-number").first()

    @property
    def current_label(self) -> str:
        current = self.current_version()
        return f"v{current.number}" if current else "—"


class VersionQuerySet(models.QuerySet):
    def offered(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            published_at__lte=now, generated_at__isnull=False,
        )


def master_path(instance, filename):
    return f"branding/masters/{instance.logo.slug}/v{instance.number}/{filename}"


class LogoVersion(models.Model):
    logo = models.ForeignKey(Logo, related_name="versions", on_delete=models.CASCADE,
                             verbose_name=_("logo"))
    number = models.PositiveIntegerField(_("version"), editable=False)
    master_svg = models.FileField(
        _("SVG master"), upload_to=master_path, storage=restricted_storage, blank=True,
        help_text=_("Plain SVG: a file with a script, an event handler, an external reference "
                    "or an XML entity is refused."))
    master_raster = models.FileField(
        _("high-resolution master"), upload_to=master_path, storage=restricted_storage,
        blank=True,
        help_text=_("PNG, JPEG or WebP, at least 2000 pixels wide; used when there is no SVG "
                    "master."))
    notes = models.CharField(_("what changed"), max_length=300, blank=True)
    published_at = models.DateTimeField(
        _("published from"), default=timezone.now,
        help_text=_("The version is offered from this date, once its files are generated."))
    expires_at = models.DateTimeField(
        _("expires on"), null=True, blank=True,
        help_text=_("An expired version is no longer offered."))
    created_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)
    generated_at = models.DateTimeField(_("files generated on"), null=True, editable=False)
    generation_error = models.TextField(_("generation error"), blank=True, editable=False)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("logo version")
        verbose_name_plural = _("logo versions")
        ordering = ["logo", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["logo", "number"], name="branding_version_number"),
        ]

    def __str__(self):
        return f"{self.logo} — v{self.number}"

    def save(self, *args, **kwargs):
        if self.number is None:
            last = LogoVersion.objects.filter(logo=self.logo).aggregate(models.Max("number"))
            self.number = (last["number__max"] or 0) + 1
        super().save(*args, **kwargs)

    @property
    def master(self):
        return self.master_svg or self.master_raster

    @property
    def is_current(self) -> bool:
        current = self.logo.current_version()
        return current is not None and current.pk == self.pk

    @property
    def state_label(self) -> str:
        """Where the version stands, for the officers' list."""
        now = timezone.now()
        if self.generation_error:
            return _("Files could not be made")
        if self.generated_at is None:
            return _("Files being made")
        if self.expires_at and self.expires_at <= now:
            return _("Expired")
        if self.published_at > now:
            return _("Scheduled")
        return _("Current") if self.is_current else _("Earlier version, still offered")

    def is_offered(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.generated_at is not None and self.published_at <= now
                and (self.expires_at is None or self.expires_at > now))


class VariantKind(models.TextChoices):
    """Each file made from a master, named by what it is for."""

    WEB_SMALL = "web-small", _("Web, small (PNG, 320 px wide)")
    WEB_MEDIUM = "web-medium", _("Web, medium (PNG, 800 px wide)")
    WEB_LARGE = "web-large", _("Web, large (PNG, 1600 px wide)")
    TRANSPARENT = "transparent", _("Transparent background (PNG, 1600 px wide)")
    HD = "hd", _("High definition (PNG, 3000 px wide)")
    PRINT_TIFF = "print-tiff", _("Print, CMYK (TIFF, 300 dpi)")
    PRINT_PDF = "print-pdf", _("Print (PDF, CMYK)")
    SVG = "svg", _("Vector (SVG, for designers)")
    ZIP = "zip", _("Everything (ZIP)")


def variant_path(instance, filename):
    version = instance.version
    return f"branding/variants/{version.logo.slug}/v{version.number}/{filename}"


class LogoVariant(models.Model):
    """A file made from a version's master. Every variant is a restricted file, whatever the
    logo's audience: downloads go through the portal's view, which checks and records them."""

    version = models.ForeignKey(LogoVersion, related_name="variants", on_delete=models.CASCADE)
    kind = models.CharField(_("use"), max_length=20, choices=VariantKind.choices)
    file = models.FileField(_("file"), upload_to=variant_path, storage=restricted_storage,
                            max_length=255)
    media_type = models.CharField(_("format"), max_length=50)
    width = models.PositiveIntegerField(_("width (px)"), null=True)
    height = models.PositiveIntegerField(_("height (px)"), null=True)
    colour_mode = models.CharField(_("colour mode"), max_length=10, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("logo file")
        verbose_name_plural = _("logo files")
        ordering = ["version", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "kind"], name="branding_variant_kind"),
        ]

    def __str__(self):
        return f"{self.version} — {self.get_kind_display()}"

    @property
    def filename(self) -> str:
        return self.file.name.rpartition("/")[2]

