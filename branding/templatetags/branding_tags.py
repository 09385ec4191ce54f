from django import template
from django.urls import reverse

from branding.access import logos_for_request

register = template.Library()


@register.inclusion_tag("branding/blocks/logo.html", takes_context=True)
def logo_preview(context, logo, size="medium"):
    """The logo a rule is about: its current web picture when the visitor may see it, its
    name otherwise (a partners-only logo on a public page)."""
    request = context.get("request")
    url = ""
    # The logos the visitor may download, each with a version on offer.
    if logo is not None and getattr(request, "user", None) is not None and any(
            offered.pk == logo.pk for offered in logos_for_request(request)):
        url = reverse("branding:preview", args=[logo.slug])
    return {"logo": logo, "url": url, "size": size}
