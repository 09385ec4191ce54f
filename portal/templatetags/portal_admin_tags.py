from django import template

from portal.readers import page_readers as readers_of

register = template.Library()


@register.simple_tag
def page_readers(page):
    """Who reads this page, in words (see portal.readers)."""
    return readers_of(page)
