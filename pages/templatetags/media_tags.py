from django import template
from django.utils.safestring import mark_safe

from pages.embeds import stored_embed_html

register = template.Library()


@register.simple_tag
def stored_embed(value):
    """The video's embed code as stored when the editor saved it; never fetched here."""
    return mark_safe(stored_embed_html(value))
