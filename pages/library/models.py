"""The intranet's document library: notes de service, forms, procedures, reports and
templates, each with its reference, date, owning service, review date and the directorates
it applies to; and the library page that lists them with filters.

A document's file is a library document (``portal.LibraryDocument``). Replacing it keeps the
earlier file as a version (``ReferenceDocumentVersion``): the versions are listed, and
downloadable by editors, while the document's own link (``download_url``) always serves the
current file. The files follow the directorates the document applies to: they are placed in
the intranet's collection (network-wide), a directorate's collection, or a collection
restricted to the staff of the directorates named (``pages.library.placement``), so the
portal's checked downloads decide who reads them (``portal.media``).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import ReferenceIndex
from wagtail.search import index

from pages.base.models import BasePage


class DocumentKind(models.TextChoices):
    NOTE = "note", _("Note de service")
    FORM = "form", _("Form")
    PROCEDURE = "procedure", _("Procedure")
    REPORT = "report", _("Report")
    TEMPLATE = "template", _("Template")


class ReferenceDocumentQuerySet(models.QuerySet):
    def for_reader(self, user):
        """The documents this member of staff may read: network-wide ones and those of their
        directorates; editors who manage the library see them all."""
        if user.has_perm("pages.change_referencedocument"):
            return self
        return self.filter(
            models.Q(directorates=None) | models.Q(directorates__staff_group__user=user)
        ).distinct()

    def review_overdue(self, today=None):
        return self.filter(review_date__lt=today or timezone.localdate())


class ReferenceDocument(index.Indexed, models.Model):
    kind = models.CharField(_("type"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    reference = models.CharField(_("reference number"), max_length=60, blank=True,
                                 help_text=_("For example: NS-2026-014."))
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    owner_service = models.CharField(
        _("owning service"), max_length=200,
        help_text=_("The service that writes the document and keeps it up to date."))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Receives the e-mail when the review date has passed."))
    review_date = models.DateField(_("review date"), null=True, blank=True)
    directorates = models.ManyToManyField(
        "portal.Directorate", verbose_name=_("directorates"), blank=True, related_name="+",
        help_text=_("Leave empty for a document of the whole network; otherwise only the "
                    "staff of these directorates read it."))
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("current file"), on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose or upload the new file to replace it: the earlier one is kept "
                    "as a version."))
    review_reminded_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferenceDocumentQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("reference"), FieldPanel("date")]),
        FieldPanel("title"), FieldPanel("summary"), FieldPanel("document"),
        MultiFieldPanel([FieldPanel("owner_service"), FieldPanel("owner"),
                         FieldPanel("review_date")], heading=_("Ownership and review")),
        FieldPanel("directorates"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"),
                     index.SearchField("reference"), index.SearchField("summary"),
                     index.FilterField("kind")]

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["-date", "title"], name="library_by_date")]

    def __str__(self):
        return f"{self.reference} – {self.title}" if self.reference else self.title

    def save(self, *args, **kwargs):
        from pages.library.placement import keep_replaced_file, place_files

        previous = (type(self).objects.filter(pk=self.pk).values_list("document_id", flat=True)
                    .first() if self.pk else None)
        super().save(*args, **kwargs)
        if previous and previous != self.document_id:
            keep_replaced_file(self, previous)
        place_files(self)

    def clean(self):
        super().clean()
        if self.document_id and self.file_used_elsewhere():
            raise ValidationError({"document": _(
                "This file is also used elsewhere on the sites, which would lose it: a library "
                "file is moved where only its readers can open it. Upload a copy instead.")})

    def file_used_elsewhere(self) -> bool:
        """Whether a page or another item links to the chosen file (Wagtail's reference
        index): moving it into a restricted collection would break their links."""
        references = ReferenceIndex.get_references_to(self.document)
        if self.pk:
            references = references.exclude(
                base_content_type=ContentType.objects.get_for_model(ReferenceDocument),
                object_id=str(self.pk))
        return references.exists()

    @property
    def download_url(self) -> str:
        return reverse("library_download", args=[self.pk])

    @property
    def is_network_wide(self) -> bool:
        return not self.directorates.exists()

    @property
    def review_overdue(self) -> bool:
        return bool(self.review_date and self.review_date < timezone.localdate())


class ReferenceDocumentVersion(models.Model):
    """An earlier file of a library document, kept when it was replaced."""

    reference_document = models.ForeignKey(ReferenceDocument, on_delete=models.CASCADE,
                                           related_name="versions")
    document = models.ForeignKey(get_document_model_string(), on_delete=models.PROTECT,
                                 related_name="+")
    number = models.PositiveIntegerField(_("version"))
    replaced_at = models.DateTimeField(_("replaced on"), default=timezone.now)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["reference_document", "number"],
                                               name="library_unique_version_number")]

    def __str__(self):
        return f"{self.reference_document} (v{self.number})"


class LibraryIndexPage(BasePage):
    """The library of the intranet: every document its reader may read, newest first, with
    filters by type, service, year and directorate."""

    per_page = models.PositiveSmallIntegerField(_("documents per page"), default=20)

    page_description = _("The intranet's document library: every document its reader may read, "
                         "newest first, with filters.")

    template = "pages/library/library_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("per_page")]
    max_count = 1
    # On the intranet only: never in the public site's menus, search or sitemap.
    parent_page_types = ["pages.IntranetHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("document library")

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_intranet", False):
            raise Http404("The library is on the intranet only.")
        from pages.library.listing import library_response

        return library_response(self, request)
