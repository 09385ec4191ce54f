"""Video embeds read from Wagtail's embed table only.

Wagtail fetches a video's embed code from its provider (oEmbed) when an editor saves the
block, and stores it in ``wagtailembeds_embed``. Rendering must never call the provider:
a page would hang on a slow provider and tell it who reads us. So pages take the stored
code, and a video whose code is missing is shown as a plain link.
"""

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed


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
