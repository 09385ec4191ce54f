from django import template

from portal.listing import query_with

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """Link to another page of the current listing, keeping its filters."""
    return "?" + query_with(context["request"].GET, page=number)


@register.inclusion_tag("portal/includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """DSFR pagination for a Django ``Page``: first, previous, a window of numbers, next, last."""
    current = page_obj.number
    last = page_obj.paginator.num_pages
    window = [n for n in range(current - 2, current + 3) if 1 <= n <= last]
    return {"request": context["request"], "page_obj": page_obj, "window": window, "last": last}
