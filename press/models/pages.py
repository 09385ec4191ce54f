"""The public pressroom (``/presse/``): releases and press kits, each with an optional embargo.

An embargo is kept by Wagtail's own scheduled publishing: the release's form sets its
go-live moment to the embargo, so the page is not live (not served, not listed, not in the
sitemap, feeds or search) until ``publish_scheduled`` publishes it. On top of that every
surface of this app asks ``released()`` (not under embargo), so that moving the embargo of a
live release later takes it out of sight at once, and releases only join the search index
once their embargo is over.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from pages.base.forms import BasePageForm
from pages.base.models import BasePage
from pages.blocks import body_blocks
from portal.intranet import public_pages
from press.models.contacts import Beat

RICH_TEXT = ["bold", "italic", "link", "ul"]


class EmbargoQuerySet(PageQuerySet):
    def released(self, now=None):
        """Pages whose embargo, if any, is over."""
        now = now or timezone.now()
        return self.filter(Q(embargo__isnull=True) | Q(embargo__lte=now))


EmbargoManager = PageManager.from_queryset(EmbargoQuerySet)


class EmbargoPageForm(BasePageForm):
    def clean(self):
        cleaned = super().clean()
        embargo = cleaned.get("embargo")
        go_live_at = cleaned.get("go_live_at")
        if embargo and embargo > timezone.now() and (not go_live_at or go_live_at < embargo):
            # Published now, the page goes live at the embargo, not before.
            cleaned["go_live_at"] = embargo
            self.instance.go_live_at = embargo
        return cleaned


class EmbargoMixin(models.Model):
    embargo = models.DateTimeField(
        _("embargo until"), null=True, blank=True,
        help_text=_("Nothing of this page appears on the site (page, lists, sitemap, feeds, "
                    "search) before this moment; journalists who receive it earlier see the "
                    "embargo in the e-mail. Publishing schedules it for this moment."))

    objects = EmbargoManager()

    class Meta:
        abstract = True

    @property
    def under_embargo(self) -> bool:
        return self.embargo is not None and self.embargo > timezone.now()

    @classmethod
    def get_indexed_objects(cls):
        # Releases join the search index once their embargo is over (publishing then saves
        # them, which indexes them).
        return super().get_indexed_objects().filter(
            Q(embargo__isnull=True) | Q(embargo__lte=timezone.now()))

    def serve(self, request, *args, **kwargs):
        if self.under_embargo and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.under_embargo else super().get_sitemap_urls(request)


class PressRoomPage(RoutablePageMixin, BasePage):
    """The pressroom: releases and kits with filters, an RSS feed, subscription by e-mail and
    the press-enquiry form."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT, blank=True)
    press_email = models.EmailField(
        _("press office e-mail"),
        help_text=_("Receives the press enquiries; shown to journalists."))
    press_phone = models.CharField(_("press office phone"), max_length=40)
    privacy_notice_url = models.URLField(
        _("privacy notice"), help_text=_("Linked from every e-mail sent to journalists."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("press_email"), FieldPanel("press_phone"),
                         FieldPanel("privacy_notice_url")], heading=_("Press office")),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["press.PressReleasePage", "press.PressKitPage"]
    template = "press/press_room_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pressroom")

    def released_items(self):
        """Live, public releases and kits whose embargo is over, newest first."""
        releases = public_pages(PressReleasePage.objects.child_of(self).live()).released()
        kits = public_pages(PressKitPage.objects.child_of(self).live()).released()
        return releases, kits

    def feed_url(self, request) -> str:
        return self.get_full_url(request) + self.reverse_subpage("rss_feed").lstrip("/")

    @path("")
    def index_route(self, request):
        from press.views import pressroom_index

        return pressroom_index(self, request)

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        from press.feeds import ReleasesFeed

        return ReleasesFeed(self)(request)

    @path("abonnement/", name="subscribe")
    def subscribe(self, request):
        from press.views import subscribe

        return subscribe(self, request)

    @path("demande/", name="enquiry")
    def enquiry(self, request):
        from press.views import enquiry

        return enquiry(self, request)


class PressContactMixin(models.Model):
    contact_name = models.CharField(_("press contact"), max_length=200)
    contact_phone = models.CharField(_("press contact's phone"), max_length=40)
    contact_email = models.EmailField(_("press contact's e-mail"))
    joint_with_prefecture = models.BooleanField(
        _("joint release with the prefecture"), default=False)
    prefecture_contact_name = models.CharField(_("prefecture's contact"), max_length=200,
                                               blank=True)
    prefecture_contact_phone = models.CharField(_("prefecture contact's phone"),
                                                max_length=40, blank=True)
    prefecture_contact_email = models.EmailField(_("prefecture contact's e-mail"), blank=True)

    contact_panels = [
        MultiFieldPanel([FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone"),
                                        FieldPanel("contact_email")])],
                        heading=_("Press contact")),
        MultiFieldPanel([FieldPanel("joint_with_prefecture"),
                         FieldRowPanel([FieldPanel("prefecture_contact_name"),
                                        FieldPanel("prefecture_contact_phone"),
                                        FieldPanel("prefecture_contact_email")])],
                        heading=_("Prefecture")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.joint_with_prefecture:
            missing = {name: _("Required for a joint release with the prefecture.")
                       for name in ("prefecture_contact_name", "prefecture_contact_email")
                       if not getattr(self, name)}
            if missing:
                raise ValidationError(missing)


class PressMaterialMixin:
    """What a release and a kit share besides their fields: how they are searched, and their
    attachments and images, each read once."""

    search_fields = [*BasePage.search_fields, index.SearchField("body"),
                     index.FilterField("date"), index.FilterField("embargo")]

    @cached_property
    def attachment_list(self):
        return list(self.attachments.select_related("document"))

    @cached_property
    def image_list(self):
        return list(self.images.select_related("image"))


class PressReleasePage(EmbargoMixin, PressContactMixin, PressMaterialMixin,  # noqa: DJ008
                       BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    body = StreamField(body_blocks(), verbose_name=_("text"))
    subjects = ParentalManyToManyField(Beat, verbose_name=_("subjects"), blank=True,
                                       related_name="+")

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("embargo")]),
        FieldPanel("subjects"),
        FieldPanel("body"),
        *PressContactMixin.contact_panels,
        InlinePanel("attachments", label=_("Attachments")),
        InlinePanel("images", label=_("Images")),
    ]
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = []
    template = "press/press_release_page.html"
    base_form_class = EmbargoPageForm

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    @property
    def kind(self) -> str:
        return "release"


class PressKitPage(EmbargoMixin, RoutablePageMixin, PressContactMixin,  # noqa: DJ008
                   PressMaterialMixin, BasePage):
    """A release with its documents and photos, downloadable as one zip file."""

    date = models.DateField(_("date"), default=timezone.localdate)
    release = models.ForeignKey(PressReleasePage, verbose_name=_("release"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="+")
    body = StreamField(body_blocks(), verbose_name=_("text"), blank=True)
    subjects = ParentalManyToManyField(Beat, verbose_name=_("subjects"), blank=True,
                                       related_name="+")

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("embargo")]),
        FieldPanel("release"),
        FieldPanel("subjects"),
        FieldPanel("body"),
        *PressContactMixin.contact_panels,
        InlinePanel("attachments", label=_("Documents")),
        InlinePanel("images", label=_("Photos")),
    ]
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = []
    template = "press/press_kit_page.html"
    base_form_class = EmbargoPageForm

    class Meta:
        verbose_name = _("press kit")
        verbose_name_plural = _("press kits")

    @property
    def kind(self) -> str:
        return "kit"

    def visible_release(self):
        if self.release_id is None:
            return None
        return (public_pages(PressReleasePage.objects.filter(pk=self.release_id).live())
                .released().first())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["zip_url"] = self.get_url(request) + self.reverse_subpage("zip").lstrip("/")
        return context

    @path("telecharger/", name="zip")
    def zip_download(self, request):
        from press.views import kit_zip

        return kit_zip(self, request)


class AttachmentBase(Orderable):
    document = models.ForeignKey(get_document_model_string(), verbose_name=_("document"),
                                 on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200, blank=True,
                             help_text=_("Defaults to the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def label(self) -> str:
        return self.title or self.document.title


class ImageBase(Orderable):
    image = models.ForeignKey(get_image_model_string(), verbose_name=_("image"),
                              on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    credit = models.CharField(_("credit"), max_length=200,
                              help_text=_("Photographer or rights holder, shown with the "
                                          "image and in the zip file."))

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        abstract = True


class ReleaseAttachment(AttachmentBase):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")


class ReleaseImage(ImageBase):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="images")


class KitAttachment(AttachmentBase):
    page = ParentalKey(PressKitPage, on_delete=models.CASCADE, related_name="attachments")


class KitImage(ImageBase):
    page = ParentalKey(PressKitPage, on_delete=models.CASCADE, related_name="images")
