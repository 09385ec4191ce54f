from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from pages.base.forms import BasePageForm
from pages.blocks import body_blocks
from portal.intranet import ReadersPagePermissionTester, user_is_denied_page, visible_to

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

    def visible_children(self, user):
        """Live child pages this visitor may open, in the editors' order, ready for cards."""
        children = list(visible_to(self.get_children().live(), user).specific())
        prefetch_card_images(children)
        return children


class BodyPage(BasePage):
    body = StreamField(body_blocks(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from pages.embeds import prefetch_media

        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.visible_children(request.user)
        prefetch_media(self.body)
        return context


class SiteHomeMixin:
    """A site's home page says, wherever the admin names it (page tree, explorer, breadcrumbs,
    choosers), which site and which language it starts: "Accueil — Site public (Français)"."""

    site_label = ""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{title} — {self.site_label} ({self.locale.get_display_name()})"


class HomePage(SiteHomeMixin, BodyPage):
    """The public website's home page."""

    page_description = _("The home page of the public website (one per language).")

    site_label = _("Public site")
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/base/home_page.html"

    class Meta:
        verbose_name = _("public home page")

    def structured_data(self, request) -> dict:
        """The directorate, as an organisation."""
        from pages.structured_data import organization

        return organization(request)


class IntranetHomePage(SiteHomeMixin, BodyPage):
    """The network intranet's home page: staff only, like everything under it."""

    page_description = _("The home page of the network intranet, for staff only.")

    site_label = _("Network intranet")
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/base/intranet_home_page.html"

    class Meta:
        verbose_name = _("intranet home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["user_directorates"] = list(user.directorates) if user.is_authenticated else []
        return context


class StandardPage(BodyPage):
    """A content page, on either site."""

    page_description = _("A page of text, images and blocks: the most common page.")

    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage"]
    template = "pages/base/standard_page.html"

    class Meta:
        verbose_name = _("content page")
