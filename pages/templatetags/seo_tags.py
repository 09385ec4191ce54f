from django import template

from pages import seo
from pages.structured_data import json_ld_script, page_structured_data

register = template.Library()


@register.inclusion_tag("pages/includes/head_meta.html", takes_context=True)
def head_meta(context):
    """Canonical, hreflang, OpenGraph, Twitter card and JSON-LD of the page being shown.

    Views may set ``canonical_url`` in the context (a filtered list points to the whole
    list), or ``shared`` (a ``seo.Shared``) when they show something that is not a page.
    Error pages rendered without a request get nothing.
    """
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    meta = seo.head_meta(request, page, context.get("canonical_url", ""),
                         context.get("shared"))
    structured = page_structured_data(page, request) if page is not None and page.pk else None
    return {"meta": meta, "structured_data": json_ld_script(structured)}


@register.simple_tag
def json_ld(data):
    """``{% json_ld data %}``: a dict or list as a schema.org JSON-LD script element."""
    return json_ld_script(data)


@register.inclusion_tag("pages/includes/share.html", takes_context=True)
def share_links(context, subject):
    """The share links of a page, or of a ``seo.Shared`` (what a view shows that is not a
    page). ``base.html`` puts them under every page of the public site."""
    if isinstance(subject, seo.Shared):
        url, title = subject.url, subject.title
    else:
        url = subject.get_full_url(context["request"])
        title = getattr(subject, "sharing_title", subject.title)
    public = not context.get("is_intranet", False)
    return {"links": seo.share_links(url, title, public=public), "page_url": url}
