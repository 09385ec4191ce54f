"""Wagtail page types of the events app: a national event's landing page, its regional
programmes, and the directorate's own events (with optional registration)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index

from events.models.reference import Region
from pages.models import BasePage, BodyPage
from portal import layout
from portal.intranet import public_pages
from portal.sites import public_root

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3"]


def public_edition_ids() -> list[int]:
    """National event pages live, unrestricted and on the public site: only their local
    events are ever listed, exported or fed to calendars."""
    def build():
        root = public_root()
        if root is None:
            return []
        return list(public_pages(NationalEventPage.objects.live()).descendant_of(root)
                    .values_list("pk", flat=True))

    # Kept in the layout cache: every list of local events asks for it, and only a page
    # published, unpublished, moved or deleted changes it (a new generation).
    return layout.cached(None, "public-edition-ids", build)


class NationalEventPage(RoutablePageMixin, BasePage):
    """An edition of a national event (JEP 2026…): the national frame, a map of the regions
    and the programme of every region."""

    page_description = _(
        "A national event (such as the "
        "European Heritage Days): its map and programme."
    )

    edition_year = models.PositiveSmallIntegerField(_("edition year"))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    theme = models.CharField(_("theme of the edition"), max_length=200, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT, blank=True)
    visual = models.ForeignKey(
        get_image_model_string(), verbose_name=_("visual"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    communication_kit_url = models.URLField(
        _("communication kit"), blank=True,
        help_text=_("Link to the logos and posters organisers may use."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("edition_year"), FieldPanel("start_date"),
                       FieldPanel("end_date")], heading=_("Edition")),
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldPanel("visual"),
        FieldPanel("communication_kit_url"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("theme"),
                     index.SearchField("description")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage", "pages.IntranetHomePage"]
    subpage_types = ["events.RegionalProgrammePage"]
    template = "events/national_event_page.html"

    class Meta:
        verbose_name = _("national event")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day comes before the first day.")})

    @property
    def edition(self):
        """The page local events belong to: the one in the default language."""
        if self.locale_id == layout.default_locale_id():
            return self
        original = NationalEventPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        return original or self

    def structured_data(self, request) -> dict:
        from events.schema import national_event_json_ld

        return national_event_json_ld(self, request)

    def regional_pages(self):
        return RegionalProgrammePage.objects.child_of(self).live().select_related("region")

    @path("")
    def programme(self, request):
        from events.programme import render_programme

        return render_programme(self, request, edition=self.edition, region=None)


class RegionalProgrammePage(RoutablePageMixin, BasePage):
    """One region's programme of a national event, edited by that region's directorate."""

    page_description = _("The programme of a national event in one region.")

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT,
                               related_name="+")
    introduction = RichTextField(_("introduction"), features=RICH_TEXT, blank=True)
    contact_name = models.CharField(_("regional contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("region"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email"),
                         FieldPanel("contact_phone")], heading=_("Regional contact")),
        InlinePanel("key_figures", label=_("Key figures")),
    ]
    parent_page_types = ["events.NationalEventPage"]
    subpage_types = []
    template = "events/regional_programme_page.html"

    class Meta:
        verbose_name = _("regional programme")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is not None and self.region_id and RegionalProgrammePage.objects.child_of(
            parent
        ).filter(region_id=self.region_id).exclude(pk=self.pk).exists():
            raise ValidationError({"region": _("This region already has its programme.")})

    @property
    def national_event(self):
        return NationalEventPage.objects.parent_of(self).first().specific

    @path("")
    def programme(self, request):
        from events.programme import render_programme

        national = self.get_parent().specific
        return render_programme(self, request, edition=national.edition, region=self.region)

    @path("imprimer/", name="print")
    def printable(self, request):
        from events.programme import render_printable

        national = self.get_parent().specific
        return render_printable(self, request, edition=national.edition, region=self.region)


class RegionalKeyFigure(Orderable):
    page = ParentalKey(RegionalProgrammePage, on_delete=models.CASCADE,
                       related_name="key_figures")
    figure = models.CharField(_("figure"), max_length=40, help_text=_("For example: 1 200"))
    label = models.CharField(_("label"), max_length=120,
                             help_text=_("For example: places open to the public"))

    panels = [FieldPanel("figure"), FieldPanel("label")]


class DirectorateEventPage(RoutablePageMixin, BodyPage):
    """A conference, an inauguration… organised by the directorate itself, with optional
    registration (capacity, waiting list, cancellation link)."""

    page_description = _("An event of the directorate itself, with registration.")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    registration_enabled = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    waiting_list = models.BooleanField(
        _("waiting list"), default=True,
        help_text=_("When full, further people join a waiting list and get a seat when "
                    "someone cancels."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Dates")),
        FieldPanel("location"),
        FieldPanel("address"),
        MultiFieldPanel([FieldPanel("registration_enabled"), FieldPanel("capacity"),
                         FieldPanel("waiting_list")], heading=_("Registration")),
        FieldPanel("body"),
    ]
    parent_page_types = ["pages.HomePage", "pages.StandardPage", "pages.IntranetHomePage"]
    subpage_types = []
    template = "events/directorate_event_page.html"

    class Meta:
        verbose_name = _("directorate event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    def structured_data(self, request) -> dict:
        from events.schema import directorate_event_json_ld

        return directorate_event_json_ld(self, request)

    @path("")
    def detail(self, request):
        from events.registrations import serve_registration

        return serve_registration(self, request)

    @path("calendrier/", name="ics")
    def ics(self, request):
        from events.calendars import directorate_event_calendar

        if not self.live:
            raise Http404
        return directorate_event_calendar(self, request)
