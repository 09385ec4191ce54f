"""Multimedia folders ("dossiers multimédia"): galleries, videos, sound and documents."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from pages.base.models import BodyPage
from pages.blocks import multimedia_blocks


class MultimediaFolderPage(BodyPage):
    """A folder of images, videos, sound and documents around one subject."""

    page_description = _("A folder of videos, sound and images on one subject.")

    body = StreamField(
        multimedia_blocks(), verbose_name=_("content"), blank=True,
        help_text=_("Every image needs its alternative text and every video or sound its "
                    "transcript."),
    )

    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage",
                         "pages.MultimediaFolderPage"]
    template = "pages/multimedia/multimedia_folder_page.html"

    class Meta:
        verbose_name = _("multimedia folder")
