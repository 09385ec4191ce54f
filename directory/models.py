"""The staff directory: the services and bureaux of each directorate, as a tree, and the
people who work in them.

A person may be linked to their account (``user``): they then edit their own photo, phones,
subjects and languages from the intranet. HR and communication officers edit everything in
the admin, and update the directory from the HR export (``directory.hr_import``). A person
missing from a new export is archived (``archived_at``), never deleted: archived people leave
the directory.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from portal.storage import restricted_storage
from portal.text import folded

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class Service(index.Indexed, models.Model):
    """A service, bureau, unit or mission of a directorate; ``parent`` makes the tree."""

    class Kind(models.TextChoices):
        DIRECTION = "direction", _("Management")
        SERVICE = "service", _("Service")
        BUREAU = "bureau", _("Bureau")
        UNIT = "unit", _("Unit")
        MISSION = "mission", _("Mission")

    directorate = models.ForeignKey(
        "portal.Directorate", verbose_name=_("directorate"), on_delete=models.PROTECT,
        related_name="services",
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a service that reports to the head of the directorate."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.SERVICE)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, blank=True)
    missions = models.TextField(_("missions"), blank=True,
                                help_text=_("What the service does, as its organisation "
                                            "order sets it out."))
    head = models.ForeignKey(
        "directory.Person", verbose_name=_("head"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="headed_services",
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position among the services at the same level."))

    panels = [
        FieldRowPanel([FieldPanel("directorate"), FieldPanel("parent")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("order")]),
        FieldPanel("name"), FieldRowPanel([FieldPanel("acronym"), FieldPanel("slug")]),
        FieldPanel("missions"), FieldPanel("head"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"),
                     index.SearchField("missions"), index.FilterField("directorate")]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["directorate__short_name", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["directorate", "slug"],
                                               name="directory_unique_service_slug")]

    def __str__(self):
        return f"{self.name} ({self.directorate})" if self.directorate_id else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.acronym or self.name)[:80] or "service"
        renamed = (self.pk is not None and not Service.objects.filter(
            pk=self.pk, name=self.name, acronym=self.acronym).exists())
        super().save(*args, **kwargs)
        if renamed:
            # People are found by the name of their service: their search text follows it.
            for person in self.members.select_related("service"):
                person.save(update_fields=["search_text"])

    def get_absolute_url(self):
        return reverse("directory:service", args=[self.pk])

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.directorate_id and self.parent.directorate_id != self.directorate_id:
            raise ValidationError({"parent": _("Choose a service of the same directorate.")})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A service cannot be part of itself.")})
            ancestor = ancestor.parent


class PersonQuerySet(models.QuerySet):
    def current(self):
        """People in the directory: not archived."""
        return self.filter(archived_at__isnull=True)

    def for_listing(self):
        return self.select_related("directorate", "service")


class Person(index.Indexed, models.Model):
    """A member of staff as the directory shows them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="directory_profile",
        help_text=_("The account of this person: they may then edit their own profile."),
    )
    hr_id = models.CharField(
        _("HR identifier"), max_length=40, blank=True,
        help_text=_("The identifier of the HR export (matricule): how an import recognises "
                    "the person."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    photo = models.ImageField(
        _("photo"), upload_to="directory/photos", storage=restricted_storage, blank=True,
        help_text=_("JPEG, PNG or WebP, 5 MB at most."),
    )
    directorate = models.ForeignKey(
        "portal.Directorate", verbose_name=_("directorate"), on_delete=models.PROTECT,
        related_name="people",
    )
    service = models.ForeignKey(
        Service, verbose_name=_("service or bureau"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    manager = models.ForeignKey(
        "self", verbose_name=_("manager"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reports",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=40, blank=True)
    hide_mobile = models.BooleanField(
        _("hide my mobile number"), default=False,
        help_text=_("Only you and the HR officers then see it."),
    )
    office = models.CharField(_("office"), max_length=100, blank=True,
                              help_text=_("Building, floor, room."))
    site_address = models.TextField(_("site address"), blank=True)
    subjects = models.TextField(
        _("subjects"), blank=True,
        help_text=_("What colleagues may ask you about, one subject per line."),
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True,
        help_text=_("Languages you speak, separated by commas."),
    )
    archived_at = models.DateTimeField(
        _("archived on"), null=True, blank=True,
        help_text=_("An archived person no longer appears in the directory."),
    )
    search_text = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    panels = [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
            FieldPanel("photo"), FieldPanel("job_title"),
            FieldRowPanel([FieldPanel("directorate"), FieldPanel("service")]),
            FieldPanel("manager"),
        ], heading=_("Position")),
        MultiFieldPanel([
            FieldPanel("email"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("mobile")]),
            FieldPanel("hide_mobile"), FieldPanel("office"), FieldPanel("site_address"),
        ], heading=_("Contact")),
        FieldPanel("subjects"), FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("user"), FieldPanel("hr_id"), FieldPanel("archived_at")],
                        heading=_("Account and HR")),
    ]
    search_fields = [
        index.SearchField("last_name"), index.AutocompleteField("last_name"),
        index.SearchField("first_name"), index.AutocompleteField("first_name"),
        index.SearchField("job_title"), index.SearchField("subjects"),
        index.FilterField("directorate"), index.FilterField("archived_at"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        constraints = [models.UniqueConstraint(fields=["hr_id"], condition=~Q(hr_id=""),
                                               name="directory_unique_hr_id")]
        indexes = [models.Index(fields=["archived_at", "last_name", "first_name"],
                                name="directory_person_listing")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:person", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def subject_list(self) -> list[str]:
        return [line.strip() for line in self.subjects.splitlines() if line.strip()]

    @property
    def language_list(self) -> list[str]:
        return [item.strip() for item in self.languages.split(",") if item.strip()]

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def may_be_edited_by(self, user) -> bool:
        """Their own profile, for an agent; everything, for HR and communication officers."""
        if not user.is_authenticated:
            return False
        return (self.user_id is not None and self.user_id == user.pk) or user.has_perm(
            "directory.change_person")

    def mobile_for(self, user) -> str:
        """The mobile number as this viewer may see it: hidden ones are for the person and
        the officers only."""
        if self.hide_mobile and not self.may_be_edited_by(user):
            return ""
        return self.mobile

    def clean(self):
        errors = {}
        if self.service_id and self.directorate_id and (
                self.service.directorate_id != self.directorate_id):
            errors["service"] = _("Choose a service of the person's directorate.")
        if self.manager_id and self.pk and self.manager_id == self.pk:
            errors["manager"] = _("A person cannot be their own manager.")
        if self.photo and getattr(self.photo, "size", 0) > MAX_PHOTO_BYTES:
            errors["photo"] = _("This photo is larger than 5 MB.")
        if errors:
            raise ValidationError(errors)

    def build_search_text(self) -> str:
        service = self.service if self.service_id else None
        parts = [self.first_name, self.last_name, self.job_title, self.subjects, self.email,
                 service.name if service else "", service.acronym if service else ""]
        return folded(" ".join(part for part in parts if part))

    def archive(self):
        self.archived_at = timezone.now()
        self.save(update_fields=["archived_at"])


class HRImport(models.Model):
    """One HR export sent by an officer: its file, the mapping of its columns, and what the
    import did with each row."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Awaiting confirmation")
        DONE = "done", _("Imported")

    file = models.FileField(_("file"), upload_to="directory/imports",
                            storage=restricted_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PREVIEW)
    mapping = models.JSONField(_("mapping"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("HR import")
        verbose_name_plural = _("HR imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.created_at:%Y-%m-%d %H:%M})"
