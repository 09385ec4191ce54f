from django import template
from django.urls import reverse

from branding.access import may_download

register = template.Library()


@register.inclusion_tag("branding/blocks/logo.html", takes_context=True)
def logo_preview(context, logo, size="medium"):
    """The logo a rule is about: its current web picture when the visitor may see it, its
    name otherwise (a partners-only logo on a public page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    url = ""
    if logo is not None and user is not None and may_download(user, logo) and (
            logo.current_version() is not None):
        url = reverse("branding:preview", args=[logo.slug])
    return {"logo": logo, "url": url, "size": size}
