from django.contrib.auth.models import AbstractUser, Group, Permission, UserManager
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    WagtailImageField,
    get_rendition_storage,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.images.models import Image as WagtailImage
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Site
from wagtail.search import index

from portal.roles import staff_group_name
from portal.sites import is_intranet_page
from portal.storage import RenditionImageField, restricted_storage

INTRANET_PERMISSION = "portal.access_intranet"


class EmailUserManager(UserManager):
    """Users sign in by e-mail: there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def can_access_intranet(self) -> bool:
        return self.is_active and self.has_perm(INTRANET_PERMISSION)

    @property
    def directorates(self):
        return Directorate.objects.filter(staff_group__in=self.groups.all())


class Directorate(index.Indexed, models.Model):
    """A directorate of the network. Its staff group is what intranet privacy settings name."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=60, unique=True, help_text=_("For example: DRAC Bretagne.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    region_name = models.CharField(_("region"), max_length=100, blank=True)
    staff_group = models.OneToOneField(
        Group,
        verbose_name=_("staff group"),
        on_delete=models.PROTECT,
        related_name="directorate",
        editable=False,
        null=True,
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="directorate",
        editable=False,
        null=True,
        help_text=_("Documents and images for the directorate's staff only."),
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"),
              FieldPanel("region_name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("short_name")]

    class Meta:
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
        ordering = ["short_name"]
        permissions = [("access_intranet", _("Can browse the network intranet"))]

    def __str__(self):
        return self.short_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name)[:80]
        with transaction.atomic():
            group_name = self.staff_group_name(self.short_name)
            if self.staff_group_id is None:
                self.staff_group, _created = Group.objects.get_or_create(name=group_name)
            elif self.staff_group.name != group_name:
                self.staff_group.name = group_name
                self.staff_group.save(update_fields=["name"])
            self.staff_group.permissions.add(
                Permission.objects.get(content_type__app_label="portal", codename="access_intranet")
            )
            self._ensure_collection()
            super().save(*args, **kwargs)

    def _ensure_collection(self):
        """The directorate's collection, inside the intranet's, readable by its staff only."""
        if self.collection_id is not None:
            if self.collection.name != self.short_name:
                self.collection.name = self.short_name
                self.collection.save(update_fields=["name"])
            return
        parent = IntranetSettings.load().intranet_collection or Collection.get_first_root_node()
        self.collection = (
            parent.get_children().filter(name=self.short_name, directorate__isnull=True).first()
            or parent.add_child(name=self.short_name)
        )
        restriction, _created = CollectionViewRestriction.objects.get_or_create(
            collection=self.collection,
            defaults={"restriction_type": BaseViewRestriction.GROUPS},
        )
        restriction.groups.add(self.staff_group)

    @staticmethod
    def staff_group_name(short_name: str) -> str:
        return staff_group_name(short_name)


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the layout cache (``portal.layout``) by pages, rather than
    from the database on every request; the admin edits it through ``for_site`` as usual."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        from portal import layout

        attribute = cls.get_cache_attr_name()
        if hasattr(request, attribute):
            return getattr(request, attribute)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = layout.site_setting(cls, request, site)
        instance._request = request
        setattr(request, attribute, instance)
        return instance


@register_setting(icon="site")
class SiteIdentity(CachedSiteSetting):
    """What the DSFR header and footer say about the directorate, per site."""

    ministry_name = models.TextField(
        _("ministry (bloc-marque)"),
        default="Ministère\nde la Culture",
        help_text=_("One line per line of the Marianne block, as the State brand charter sets it."),
    )
    directorate_name = models.CharField(
        _("directorate"),
        max_length=200,
        default="Direction régionale des affaires culturelles",
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    footer_description = models.TextField(_("footer text"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("ministry_name"), FieldPanel("directorate_name"), FieldPanel("tagline")],
            heading=_("Bloc-marque"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_description"), FieldPanel("postal_address"), FieldPanel("phone"),
             FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("directorate identity")

    @property
    def ministry_lines(self) -> list[str]:
        return [line.strip() for line in self.ministry_name.splitlines() if line.strip()]


@register_setting(icon="globe")
class SocialAccounts(CachedSiteSetting):
    """The directorate's social-network accounts, shown in the footer."""

    # (field, label, DSFR button class)
    NETWORKS = [
        ("mastodon", "Mastodon", "fr-btn--mastodon"),
        ("bluesky", "Bluesky", "fr-btn--bluesky"),
        ("linkedin", "LinkedIn", "fr-btn--linkedin"),
        ("youtube", "YouTube", "fr-btn--youtube"),
        ("instagram", "Instagram", "fr-btn--instagram"),
        ("facebook", "Facebook", "fr-btn--facebook"),
        ("x", "X", "fr-btn--twitter-x"),
    ]

    mastodon = models.URLField("Mastodon", blank=True)
    bluesky = models.URLField("Bluesky", blank=True)
    linkedin = models.URLField("LinkedIn", blank=True)
    youtube = models.URLField("YouTube", blank=True)
    instagram = models.URLField("Instagram", blank=True)
    facebook = models.URLField("Facebook", blank=True)
    x = models.URLField("X", blank=True)

    class Meta:
        verbose_name = _("social networks")

    @property
    def accounts(self) -> list[dict]:
        """The accounts filled in, in display order."""
        return [
            {"label": label, "url": getattr(self, field), "css_class": css_class}
            for field, label, css_class in self.NETWORKS
            if getattr(self, field)
        ]


@register_setting(icon="lock")
class IntranetSettings(BaseGenericSetting):
    intranet_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("intranet collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Documents in this collection and its sub-collections are served on the intranet "
            "only: the public site answers 404 for them."
        ),
    )

    panels = [FieldPanel("intranet_collection")]

    class Meta:
        verbose_name = _("intranet")


def validate_link_address(value: str):
    if not value.startswith(("/", "https://", "http://")):
        raise ValidationError(_("Give an address starting with / or https://."))


@register_setting(icon="link")
class FooterLinks(CachedSiteSetting):
    """The mandatory links at the bottom of the DSFR footer, per site."""

    class Conformity(models.TextChoices):
        NONE = "none", _("not compliant")
        PARTIAL = "partial", _("partially compliant")
        FULL = "full", _("fully compliant")

    # The DSFR wants the compliance status in the link text itself.
    ACCESSIBILITY_LABELS = {
        Conformity.NONE: _("Accessibility: not compliant"),
        Conformity.PARTIAL: _("Accessibility: partially compliant"),
        Conformity.FULL: _("Accessibility: fully compliant"),
    }

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("accessibility statement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    accessibility_conformity = models.CharField(
        _("compliance with the RGAA"), max_length=10, choices=Conformity.choices,
        default=Conformity.NONE,
        help_text=_("As stated in the accessibility statement, after an audit."),
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("legal notice"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    personal_data_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("personal data"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    sitemap_url = models.CharField(
        _("site map address"), max_length=300, blank=True,
        validators=[validate_link_address],
        help_text=_("For example /plan-du-site/. Leave empty to show no site map link."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("accessibility_conformity")],
                        heading=_("Accessibility")),
        FieldPanel("legal_notice_page"),
        FieldPanel("personal_data_page"),
        FieldPanel("sitemap_url"),
    ]

    class Meta:
        verbose_name = _("footer links")

    def clean(self):
        if is_intranet_page(self.site.root_page):
            return
        errors = {
            name: _("The public site cannot link to an intranet page.")
            for name in ("accessibility_page", "legal_notice_page", "personal_data_page")
            if getattr(self, f"{name}_id") and is_intranet_page(getattr(self, name))
        }
        if errors:
            raise ValidationError(errors)

    @property
    def accessibility_label(self) -> str:
        return self.ACCESSIBILITY_LABELS[self.accessibility_conformity]


# --- Documents and images ---------------------------------------------------------------------
# Wagtail's own models with one difference: where their files are stored. Who may read a file
# is decided by portal.media from the item's collection.


class LibraryDocument(AbstractDocument):
    """A document of the library. Every document is stored in the restricted location and
    downloaded through the view that checks its collection, never served by the proxy."""

    file = models.FileField(upload_to="documents", verbose_name=_("file"),
                            storage=restricted_storage)

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class LibraryImage(AbstractImage):
    """An image of the library. The original is source material that no page shows (pages
    show renditions): it is stored in the restricted location. Renditions are public, or
    restricted when the image's collection is (see Rendition)."""

    file = WagtailImageField(verbose_name=_("file"), upload_to=get_upload_to,
                             width_field="width", height_field="height",
                             storage=restricted_storage, db_index=True)

    admin_form_fields = WagtailImage.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @cached_property
    def is_restricted(self) -> bool:
        from portal.media import collection_is_restricted

        return collection_is_restricted(self.collection)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "collection" in update_fields:
            # Placed in or out of a restricted collection: renditions made for the other side
            # are dropped, and made again in the right location when next asked for.
            from portal.media import drop_renditions

            self.__dict__.pop("is_restricted", None)
            drop_renditions(self.renditions.exclude(restricted=self.is_restricted))

    def create_renditions(self, *filters):
        # Wagtail makes several renditions in worker threads: decide their location here,
        # in the request's thread and database connection.
        _known = self.is_restricted
        return super().create_renditions(*filters)

    def generate_rendition_instance(self, filter, source):
        rendition = super().generate_rendition_instance(filter, source)
        rendition.restricted = self.is_restricted
        return rendition


class LibraryRendition(AbstractRendition):
    image = models.ForeignKey(LibraryImage, on_delete=models.CASCADE, related_name="renditions")
    restricted = models.BooleanField(
        default=False, editable=False,
        help_text="Stored in the restricted location, served through the view that checks "
                  "the user.",
    )
    file = RenditionImageField(upload_to=get_rendition_upload_to, storage=get_rendition_storage,
                               width_field="width", height_field="height", db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["image", "filter_spec", "focal_point_key"],
                                    name="portal_unique_rendition"),
        ]

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.restricted = self.image.is_restricted
        super().save(*args, **kwargs)
