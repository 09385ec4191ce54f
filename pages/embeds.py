"""Video embeds read from Wagtail's embed table only.

Wagtail fetches a video's embed code from its provider (oEmbed) when an editor saves the
block, and stores it in ``wagtailembeds_embed``. Rendering must never call the provider:
a page would hang on a slow provider and tell it who reads us. So pages take the stored
code, and a video whose code is missing is shown as a plain link.

``prefetch_media`` loads, for a whole StreamField, the stored embeds and image renditions
its blocks show, so a page's query count does not grow with its media.
"""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage


def nested_values(value):
    """A StreamField value and every value nested in its blocks, depth first."""
    yield value
    if isinstance(value, StreamValue):
        for child in value:
            yield from nested_values(child.value)
    elif isinstance(value, ListValue):
        for item in value:
            yield from nested_values(item)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from nested_values(item)


def load_stored_embeds(embed_values) -> None:
    """Give every EmbedValue its stored HTML ("" when none is stored), in one query."""
    by_hash = {}
    for value in embed_values:
        by_hash.setdefault(get_embed_hash(value.url, value.max_width, value.max_height),
                           []).append(value)
    if not by_hash:
        return
    stored = {embed.hash: embed for embed in Embed.objects.filter(hash__in=by_hash)}
    for embed_hash, values in by_hash.items():
        embed = stored.get(embed_hash)
        # The bare player: the DSFR's fr-responsive-vid gives it its 16:9 box.
        html = embed.html if embed else ""
        for value in values:
            # EmbedValue.html is a cached property that would ask the provider.
            value.__dict__["html"] = html


def stored_embed_html(value) -> str:
    if "html" not in value.__dict__:
        load_stored_embeds([value])
    return value.html


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
        prefetch_related_objects(
            images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
    load_stored_embeds(value for value in values if isinstance(value, EmbedValue))
