"""The logo-usage guidelines page: rule blocks, and the logos partners may download."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from branding.blocks import guidelines_blocks
from pages.base.models import BasePage


class GuidelinesPage(BasePage):
    """The directorate's rules for showing its logos and the State's, and the way to the
    files (``/logos/`` in the demo)."""

    body = StreamField(guidelines_blocks(), verbose_name=_("rules"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    template = "branding/guidelines_page.html"

    class Meta:
        verbose_name = _("logo-usage guidelines page")

    def get_context(self, request, *args, **kwargs):
        from branding.access import logos_for_request

        context = super().get_context(request, *args, **kwargs)
        context["logos"] = logos_for_request(request)
        return context
