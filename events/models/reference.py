from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import folded


class Region(models.Model):
    """One of the 18 French regions (INSEE codes), loaded by a migration."""

    code = models.CharField(_("INSEE code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Department(models.Model):
    """One of the 101 departments (2A/2B for Corsica, 971-976 overseas)."""

    code = models.CharField(_("INSEE code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="departments"
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Commune(models.Model):
    """A commune and one of its postcodes (a commune with several postcodes has one row per
    postcode): what organisers pick their venue's commune from. The shipped reference data
    loads a sample; ``import_communes`` loads the official list."""

    code = models.CharField(_("INSEE code"), max_length=5)
    name = models.CharField(_("name"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=5)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT,
        related_name="communes",
    )
    # The name lower-cased, without accents, hyphens and apostrophes: what organisers type
    # ("saint malo" finds "Saint-Malo", "eglise" finds "Église") is compared with this.
    search_name = models.CharField(max_length=150, editable=False, db_index=True)

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name", "postcode"]
        constraints = [models.UniqueConstraint(fields=["code", "postcode"],
                                               name="commune_code_postcode")]
        indexes = [models.Index(fields=["postcode"], name="commune_postcode")]

    def __str__(self):
        return f"{self.name} ({self.postcode})"

    def save(self, *args, **kwargs):
        self.search_name = commune_search_name(self.name)
        super().save(*args, **kwargs)


def commune_search_name(name: str) -> str:
    return " ".join(folded(name).replace("-", " ").replace("'", " ").split())
