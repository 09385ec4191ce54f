"""schema.org JSON-LD for search engines, shared by every page family.

A page type describes itself by defining ``structured_data(self, request)`` that returns a
dict (or a list of dicts) such as ``news_article(self, request)`` below; the head of
``base.html`` renders it with ``json_ld_script``. The public home page describes the
directorate as an organisation.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.models import SiteIdentity, SocialAccounts
from portal.navigation import page_language

SHARING_IMAGE_FILTER = "fill-1200x630"

# The characters that could close the <script> element or open a comment inside it, written
# as JSON escapes so that the data stays the same (as django.utils.html.json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    """A <script type="application/ld+json"> element holding ``data``, safe to put in HTML."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="application/ld+json">{}</script>',
                       mark_safe(text.translate(_SCRIPT_ESCAPES)))


def absolute_url(request, url: str) -> str:
    return request.build_absolute_uri(url) if url else ""


def sharing_rendition(page):
    """The page's sharing image cropped to 1200×630, or None."""
    image = getattr(page, "sharing_image", None)
    return image.get_rendition(SHARING_IMAGE_FILTER) if image is not None else None


def postal_address(text: str) -> dict | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    return {"@type": "PostalAddress", "streetAddress": ", ".join(lines),
            "addressCountry": "FR"}


def organization(request) -> dict:
    """The directorate, from the site's identity and social accounts."""
    identity = SiteIdentity.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": identity.directorate_name,
        "url": absolute_url(request, "/"),
        "parentOrganization": {"@type": "GovernmentOrganization",
                               "name": " ".join(identity.ministry_lines)},
        "sameAs": [account["url"] for account in SocialAccounts.for_request(request).accounts],
    }
    if identity.tagline:
        data["description"] = identity.tagline
    if identity.phone:
        data["telephone"] = identity.phone
    if identity.contact_email:
        data["email"] = identity.contact_email
    address = postal_address(identity.postal_address)
    if address:
        data["address"] = address
    return data


def publisher(request) -> dict:
    identity = SiteIdentity.for_request(request)
    return {"@type": "GovernmentOrganization", "name": identity.directorate_name,
            "url": absolute_url(request, "/")}


def news_article(article, request) -> dict:
    url = article.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at.isoformat(),
        "inLanguage": page_language(request, article),
        "author": publisher(request),
        "publisher": publisher(request),
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.sharing_description:
        data["description"] = article.sharing_description
    rendition = sharing_rendition(article)
    if rendition is not None:
        data["image"] = [absolute_url(request, rendition.url)]
    if article.category_list:
        data["articleSection"] = [category.name for category in article.category_list]
    if article.tag_list:
        data["keywords"] = ", ".join(tag.name for tag in article.tag_list)
    return data


def page_structured_data(page, request):
    """What a page says about itself to search engines, or None."""
    describe = getattr(page, "structured_data", None)
    return describe(request) if describe else None
