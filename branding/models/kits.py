"""National-event kits: logos, posters, social-network visuals and templates attached to a
national event page, for approved partners and for organisers with a published event."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.storage import restricted_storage


class KitItemKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    POSTER = "poster", _("Poster")
    SOCIAL = "social", _("Social-network visual")
    TEMPLATE = "template", _("Template to fill in")


def kit_path(instance, filename):
    return f"branding/kits/{instance.national_event_id}/{filename}"


class KitItem(models.Model):
    national_event = models.ForeignKey(
        "events.NationalEventPage", on_delete=models.CASCADE, related_name="kit_items",
        verbose_name=_("national event"))
    kind = models.CharField(_("kind"), max_length=10, choices=KitItemKind.choices)
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("Say what it is for: “A3 poster to print”."))
    file = models.FileField(
        _("file"), upload_to=kit_path, storage=restricted_storage, max_length=255,
        help_text=_("PDF, PNG, JPEG, plain SVG or ZIP, 50 MB at most."))
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False, default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("kit file")
        verbose_name_plural = _("national-event kits")
        ordering = ["national_event", "order", "pk"]

    def __str__(self):
        return f"{self.national_event} — {self.title}"

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def filename(self) -> str:
        return self.file.name.rpartition("/")[2]
