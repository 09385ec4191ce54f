"""Publications the directorate produces on paper or digitally: index, publication pages,
paper-copy requests and download counts."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import IntegrityError, models, transaction
from django.db.models import F, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index

from pages.base.forms import TranslatableSnippetForm
from pages.base.models import BasePage
from pages.blocks import body_blocks
from pages.publications.forms import PublicationPageForm
from pages.validators import normalise_isbn, normalise_issn, validate_isbn, validate_issn
from portal.filters import answer_invalid_filters
from portal.intranet import visible_to
from portal.media import check_file_access
from portal.outbox.models import OutgoingEmail
from portal.outbox.panels import EmailsPanel

COVER_CARD_FILTER = "fill-400x566"
COVER_PAGE_FILTER = "max-600x850"
PUBLICATIONS_PER_PAGE = 12
SAME_COLLECTION_LIMIT = 3
MAX_COPIES_PER_REQUEST = 20


class PublicationCollection(TranslatableMixin, models.Model):
    """A series the directorate publishes in (a magazine, "Patrimoine en région"…), translated
    per locale like news categories; a publication points at the collection in its own
    language (see PublicationPage.clean)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100,
                            help_text=_("Used in the address of the filtered list."))
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    base_form_class = TranslatableSnippetForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("publication collection")
        verbose_name_plural = _("publication collections")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class PublicationType(models.TextChoices):
    BROCHURE = "brochure", _("Brochure")
    REPORT = "report", _("Report")
    GUIDE = "guide", _("Guide")
    MAGAZINE = "magazine", _("Magazine")
    POSTER = "poster", _("Poster")
    OTHER = "other", _("Other")


class PublicationFormat(models.TextChoices):
    PAPER = "paper", _("Paper")
    DIGITAL = "digital", _("Digital")
    BOTH = "both", _("Paper and digital")


class PublicationIndexPage(BasePage):
    """The list of publications, filtered by type, year and collection."""

    page_description = _("The list of publications, with its filters.")

    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage"]
    subpage_types = ["pages.PublicationPage"]
    template = "pages/publications/publication_index_page.html"

    class Meta:
        verbose_name = _("publication list")

    def publications(self, user):
        return (
            visible_to(PublicationPage.objects.child_of(self).live(), user)
            .select_related("collection", "pdf")
            .order_by("-publication_date", "title")
        )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        error = (getattr(response, "context_data", None) or {}).get("invalid_filters")
        if error is not None:
            return answer_invalid_filters(request, error, response)
        return response

    def get_context(self, request, *args, **kwargs):
        from pages.publications.views import publication_list

        context = super().get_context(request, *args, **kwargs)
        context.update(publication_list(request, self.publications(request.user),
                                        PUBLICATIONS_PER_PAGE))
        context["publications"] = context["page_obj"].object_list
        prefetch_covers(context["publications"], COVER_CARD_FILTER)
        return context


class PublicationPage(RoutablePageMixin, BasePage):
    page_description = _(
        "A publication: its PDF to download, "
        "its summary, and paper copies on request."
    )
    cover_image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("cover"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    publication_type = models.CharField(
        _("type"), max_length=20, choices=PublicationType.choices, default=PublicationType.BROCHURE
    )
    publication_format = models.CharField(
        _("format"), max_length=20, choices=PublicationFormat.choices,
        default=PublicationFormat.DIGITAL,
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    collection = models.ForeignKey(
        PublicationCollection, verbose_name=_("collection"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="publications",
    )
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    isbn = models.CharField(
        "ISBN", max_length=20, blank=True, validators=[validate_isbn],
        help_text=_("10 or 13 digits; hyphens and spaces are allowed."),
    )
    issn = models.CharField(
        "ISSN", max_length=12, blank=True, validators=[validate_issn],
        help_text=_("For a magazine or a series: 8 characters, for example 1234-5679."),
    )
    pdf = models.ForeignKey(
        get_document_model_string(), verbose_name=_("PDF file"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The publication to download. Downloads are counted per month."),
    )
    body = StreamField(body_blocks(), verbose_name=_("presentation"), blank=True)
    paper_copies_available = models.PositiveIntegerField(
        _("paper copies available"), default=0,
        help_text=_("While this is above zero, visitors may ask for paper copies."),
    )
    contact_email = models.EmailField(
        _("e-mail of the officer in charge"), blank=True,
        help_text=_("Receives the paper-copy requests. Defaults to the site's contact e-mail."),
    )

    parent_page_types = ["pages.PublicationIndexPage"]
    subpage_types = []
    template = "pages/publications/publication_page.html"
    base_form_class = PublicationPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([
            FieldPanel("cover_image"),
            FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_format")]),
            FieldRowPanel([FieldPanel("publication_date"), FieldPanel("page_count")]),
            FieldPanel("collection"),
            FieldRowPanel([FieldPanel("isbn"), FieldPanel("issn")]),
        ], heading=_("Publication")),
        FieldPanel("pdf"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("paper_copies_available"), FieldPanel("contact_email")],
            heading=_("Paper copies"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
    ]

    class Meta:
        verbose_name = _("publication")

    def clean(self):
        super().clean()
        self.isbn = normalise_isbn(self.isbn)
        self.issn = normalise_issn(self.issn)
        if self.collection_id and self.collection.locale_id != self.locale_id:
            # A collection chosen in another language: its translation, once it has one.
            self.collection = (self.collection.get_translation_or_none(self.locale_id)
                               or self.collection)

    @property
    def sharing_image(self):
        return super().sharing_image or self.cover_image

    @property
    def may_order_paper_copies(self) -> bool:
        return (self.paper_copies_available > 0
                and self.publication_format != PublicationFormat.DIGITAL)

    @property
    def max_copies_per_request(self) -> int:
        return min(self.paper_copies_available, MAX_COPIES_PER_REQUEST)

    def get_download_url(self, request):
        return self.get_url(request) + self.reverse_subpage("download").lstrip("/")

    def same_collection(self, user):
        if not self.collection_id:
            return []
        siblings = list(
            visible_to(PublicationPage.objects.live().filter(collection_id=self.collection_id)
                       .exclude(pk=self.pk), user)
            .filter(locale_id=self.locale_id)
            .order_by("-publication_date")[:SAME_COLLECTION_LIMIT]
        )
        prefetch_covers(siblings, COVER_CARD_FILTER)
        return siblings

    def structured_data(self, request):
        from pages.publications.views import publication_schema

        cover = self.cover_image.get_rendition(COVER_PAGE_FILTER) if self.cover_image else None
        return publication_schema(self, request, cover)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cover = self.cover_image.get_rendition(COVER_PAGE_FILTER) if self.cover_image else None
        context.update(
            cover=cover,
            download_url=self.get_download_url(request) if self.pdf_id else "",
            same_collection=self.same_collection(request.user),
        )
        return context

    @path("")
    def publication(self, request):
        from pages.publications.views import handle_paper_copy_form

        form, response, status = handle_paper_copy_form(self, request)
        if response is not None:
            return response
        response = self.render(request, context_overrides={"order_form": form})
        response.status_code = status
        return response

    @path("telecharger/", name="download")
    def download(self, request):
        from pages.publications.views import count_download

        if self.pdf is None:
            raise Http404("This publication has no file.")
        # Checked before redirecting: the file's address (its name) is only given to those
        # who may read it, and refused downloads are not counted.
        refusal = check_file_access(request, self.pdf)
        if refusal is not None:
            return refusal
        count_download(self, request)
        return HttpResponseRedirect(self.pdf.url)


def prefetch_covers(publications, filter_spec):
    """Load the covers of these publications and their renditions in two queries."""
    images = get_image_model().objects.prefetch_renditions(filter_spec)
    models.prefetch_related_objects(list(publications), Prefetch("cover_image", queryset=images))


def first_day_of_month(day):
    return day.replace(day=1)


class DownloadCount(models.Model):
    """How many times a publication's file was downloaded in a month."""

    publication = models.ForeignKey(
        PublicationPage, verbose_name=_("publication"), on_delete=models.CASCADE,
        related_name="download_counts",
    )
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("file"), on_delete=models.CASCADE,
        related_name="+",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        ordering = ["-month", "publication__title"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "document", "month"],
                                    name="one_download_count_per_file_and_month"),
        ]

    def __str__(self):
        return f"{self.publication} – {self.month:%Y-%m} – {self.count}"

    @classmethod
    def record(cls, publication, document, day=None):
        """Add one download, safely when two visitors download at the same moment."""
        month = first_day_of_month(day or timezone.localdate())
        match = cls.objects.filter(publication=publication, document=document, month=month)
        if match.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(publication=publication, document=document, month=month,
                                   count=1)
        except IntegrityError:
            # Another request created this month's row in between: count on it.
            match.update(count=F("count") + 1)


class PaperCopyRequest(models.Model):
    """A visitor's request for paper copies, kept whatever happens to the e-mail."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("status", "New")
        IN_PROGRESS = "in_progress", _("In progress")
        SENT = "sent", _("Sent")
        DECLINED = "declined", _("Declined")

    publication = models.ForeignKey(
        PublicationPage, verbose_name=_("publication"), null=True, on_delete=models.SET_NULL,
        related_name="paper_copy_requests",
    )
    publication_title = models.CharField(_("publication title"), max_length=255)
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    postal_address = models.TextField(_("postal address"), max_length=600)
    quantity = models.PositiveSmallIntegerField(_("number of copies"))
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.NEW)
    officer_note = models.TextField(_("note of the officer"), blank=True)
    created_at = models.DateTimeField(_("received on"), auto_now_add=True)
    # The officer's e-mail in the outbox, deleted with the request.
    emails = GenericRelation(OutgoingEmail)

    panels = [
        FieldPanel("status"),
        FieldPanel("officer_note"),
        MultiFieldPanel([
            FieldPanel("publication", read_only=True),
            FieldPanel("quantity", read_only=True),
            FieldPanel("name", read_only=True),
            FieldPanel("organisation", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("postal_address", read_only=True),
            FieldPanel("message", read_only=True),
            FieldPanel("created_at", read_only=True),
        ], heading=_("Request")),
        EmailsPanel(),
    ]

    class Meta:
        verbose_name = _("paper-copy request")
        verbose_name_plural = _("paper-copy requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.publication_title} – {self.name} ({self.quantity})"
