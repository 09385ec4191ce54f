from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from pages.base.forms import BasePageForm
from pages.blocks import LinkBlock, body_blocks
from portal import layout
from portal.intranet import (
    ReadersPagePermissionTester,
    may_be_restricted,
    public_pages,
    user_is_denied_page,
    visibility_key,
    visible_to,
)

CARD_IMAGE_FILTER = "fill-600x338"


def prefetch_card_images(pages):
    """Load the listing images and their card renditions of these pages in two queries."""
    from wagtail.images import get_image_model

    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER)
    prefetch_related_objects(
        [page for page in pages if isinstance(page, BasePage)],
        Prefetch("listing_image", queryset=images),
    )


class BasePage(Page):
    """What every page of both sites shares: a summary, a listing image, SEO and sharing."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in lists of pages."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the cards that link to this page."),
    )
    social_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("social-sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Cropped to 1200×630 when the page is shared. Defaults to the listing image."),
    )
    social_title = models.CharField(
        _("social-sharing title"),
        max_length=120,
        blank=True,
        help_text=_("Defaults to the page title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("listing_image")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_title"), FieldPanel("social_image")],
            heading=_("Social networks"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    base_form_class = BasePageForm

    class Meta:
        abstract = True

    @property
    def sharing_title(self) -> str:
        return self.social_title or self.seo_title or self.title

    @property
    def sharing_description(self) -> str:
        return self.search_description or self.summary

    @property
    def sharing_image(self):
        return self.social_image or self.listing_image

    def permissions_for_user(self, user):
        """Nothing in the admin on a page this user may not read (portal.intranet)."""
        return ReadersPagePermissionTester(user, self)

    def serve_preview(self, request, mode_name):
        """Every preview of a draft or revision (view_draft, the edit form's preview, a
        revision, the moderators' preview) renders only for those who may read the page."""
        if user_is_denied_page(request.user, self):
            raise PermissionDenied("This page is restricted to other groups.")
        return super().serve_preview(request, mode_name)

    def get_view_restrictions(self):
        """Wagtail's serve hook asks this of every page it serves: on the public site most
        pages have none, which the cached restrictions tell without a query."""
        if may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def visible_children(self, request):
        """Live child pages this visitor may open, in the editors' order, ready for cards;
        kept in the layout cache per set of groups (``visibility_key``): a page with children
        of several types costs one query per type."""
        if self.pk is None:  # the preview of a page not yet saved
            return []

        def build():
            children = list(visible_to(self.get_children().live(), request.user)
                            .defer_streamfields().specific())
            prefetch_card_images(children)
            return children

        return layout.cached(request, f"children:{self.pk}:{visibility_key(request.user)}",
                             build)


class BodyPage(BasePage):
    body = StreamField(body_blocks(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from pages.embeds import prefetch_media

        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.visible_children(request)
        prefetch_media(self.body)
        return context


# Feature apps (events…) add their sections to the home pages through this Wagtail hook: a
# function ``(home_page, request) -> dict | None`` whose dict names a ``template`` and an
# ``order`` (sections are shown by it) and carries the template's context; ``pages``, the
# pages it shows, which the home page then leaves out of its other lists.
HOME_SECTIONS_HOOK = "relais_home_sections"
HOME_NEWS_COUNT = 3
HOME_PUBLICATIONS_COUNT = 3


def home_sections(home, request) -> list[dict]:
    sections = [section for hook in hooks.get_hooks(HOME_SECTIONS_HOOK)
                if (section := hook(home, request))]
    return sorted(sections, key=lambda section: section.get("order", 0))


def quick_links_block():
    return StreamField([("link", LinkBlock())], verbose_name=_("quick links"), blank=True,
                       help_text=_("Tools, procedures and pages readers look for most."))


def visible_links(links, request, *, intranet: bool) -> list[dict]:
    """Quick links a reader may follow: external ones, and the live pages they may open, read
    with their addresses in one query (the stream's raw page ids, not its own page lookup)."""
    values = [item["value"] for item in links.raw_data]
    pages = Page.objects.filter(pk__in=[value["page"] for value in values if value.get("page")])
    pages = visible_to(pages.live(), request.user) if intranet else public_pages(pages.live())
    open_pages = pages.in_bulk()
    result = []
    for link in values:
        if not link.get("page"):
            result.append({"url": link.get("url", ""), "label": link.get("label", ""),
                           "external": True})
        elif target := open_pages.get(link["page"]):
            result.append({"url": target.get_url(request),
                           "label": link.get("label") or target.title, "external": False})
    return result


class SiteHomeMixin:
    """A site's home page says, wherever the admin names it (page tree, explorer, breadcrumbs,
    choosers), which site and which language it starts: "Accueil — Site public (Français)"."""

    site_label = ""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{title} — {self.site_label} ({self.locale.get_display_name()})"


class HomePage(SiteHomeMixin, BodyPage):
    """The public website's home page, composed by editors: a hero, the news "À la une",
    what feature apps add (upcoming events), featured publications and quick links."""

    page_description = _("The home page of the public website (one per language).")
    site_label = _("Public site")

    hero_title = models.CharField(_("hero title"), max_length=120, blank=True,
                                  help_text=_("Defaults to the page title."))
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("hero image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    hero_image_credit = models.CharField(
        _("image credit"), max_length=200, blank=True,
        help_text=_("Author and licence, shown under the image. For example: © Jane Doe / DRAC."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("call to action"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    hero_link_label = models.CharField(_("call-to-action label"), max_length=80, blank=True,
                                       help_text=_("Defaults to the title of the page."))
    featured_article = models.ForeignKey(
        "pages.NewsArticlePage", verbose_name=_("featured article"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown first under “À la une”, before the most recent news."),
    )
    quick_links = quick_links_block()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"),
                         FieldPanel("hero_image"), FieldPanel("hero_image_credit"),
                         FieldPanel("hero_link"), FieldPanel("hero_link_label")],
                        heading=_("Hero")),
        FieldPanel("featured_article"),
        InlinePanel("featured_publications", label=_("Featured publications"),
                    help_text=_("Leave empty to show the latest publications.")),
        FieldPanel("quick_links"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/base/home_page.html"

    class Meta:
        verbose_name = _("public home page")

    def structured_data(self, request) -> dict:
        """The directorate, as an organisation."""
        from pages.structured_data import organization

        return organization(request)

    def get_context(self, request, *args, **kwargs):
        from pages.base.home import public_home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(public_home_context(self, request))
        return context

    def visible_children(self, request):
        # The home page shows its own sections, not a card per child page (legal pages are
        # in the footer, sections in the menu).
        return []


class HomeFeaturedPublication(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_publications")
    publication = models.ForeignKey("pages.PublicationPage", verbose_name=_("publication"),
                                    on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("publication")]


class IntranetHomePage(SiteHomeMixin, BodyPage):
    """The network intranet's home page: staff only, like everything under it. Each agent
    sees their directorate's space first, the network's news and their directorate's."""

    page_description = _("The home page of the network intranet, for staff only.")
    site_label = _("Network intranet")

    quick_links = quick_links_block()

    content_panels = [*BodyPage.content_panels, FieldPanel("quick_links")]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/base/intranet_home_page.html"

    class Meta:
        verbose_name = _("intranet home page")

    def get_context(self, request, *args, **kwargs):
        from pages.base.home import intranet_home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(intranet_home_context(self, request, context["children"]))
        return context


class StandardPage(BodyPage):
    """A content page, on either site."""

    page_description = _("A page of text, images and blocks: the most common page.")

    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage"]
    template = "pages/base/standard_page.html"

    class Meta:
        verbose_name = _("content page")
