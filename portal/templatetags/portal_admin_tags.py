from django import template

from portal.readers import page_readers as readers_of

register = template.Library()


@register.simple_tag
def page_readers(page):
    """Who reads this page, when it is an intranet page (see portal.readers)."""
    return readers_of(page)
