"""Multimedia folders ("dossiers multimédia"): galleries, videos, sound and documents."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.blocks import EmbedValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from pages.blocks import multimedia_blocks
from pages.embeds import load_stored_embeds, nested_values
from pages.models.base import BodyPage

# The renditions the block templates ask for (gallery.html, figure.html).
MEDIA_IMAGE_FILTERS = ["fill-600x400", "width-1200"]


def prefetch_media(stream_value) -> None:
    """Load what the blocks will show in a constant number of queries: renditions of every
    image, and the stored embed code of every video (never fetched from its provider)."""
    values = list(nested_values(stream_value))
    images = [value for value in values if isinstance(value, AbstractImage)]
    if images:
        renditions = get_image_model().get_rendition_model().objects.filter(
            filter_spec__in=MEDIA_IMAGE_FILTERS
        )
        models.prefetch_related_objects(
            images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
    load_stored_embeds(value for value in values if isinstance(value, EmbedValue))


class MultimediaFolderPage(BodyPage):
    """A folder of images, videos, sound and documents around one subject."""

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_media(self.body)
        return context
