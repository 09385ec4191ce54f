"""What the head of every page tells search engines and social networks: canonical address,
translations (hreflang), OpenGraph and Twitter-card tags; and the share links of a page.

Pages describe themselves (``sharing_title``, ``sharing_description``, ``sharing_image``);
what a view shows that is not a page (a local event) is described by a ``Shared`` that the
view puts in its context as ``shared``. Every address is absolute: crawlers and social
networks read them out of context.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils import translation

from pages.structured_data import absolute_url, sharing_rendition
from portal.models import SiteIdentity
from portal.navigation import page_translations

# OpenGraph wants a territory with the language.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@dataclass
class Shared:
    """What a view that shows no page tells social networks about what it shows."""

    title: str
    description: str
    url: str  # absolute: the canonical address
    image_url: str = ""  # absolute
    image_alt: str = ""
    type: str = "website"


@dataclass
class Alternate:
    lang: str
    url: str


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


def translation_alternates(request, translations) -> list[Alternate]:
    """hreflang links to every version of a page, plus x-default; none for a lone page."""
    if len(translations) < 2:
        return []
    alternates = []
    for code, translated in translations.items():
        url = translated.get_full_url(request)
        if url:
            alternates.append(Alternate(code, url))
            if code == settings.LANGUAGE_CODE:
                alternates.append(Alternate("x-default", url))
    return alternates


def sharing_image(request, page) -> dict | None:
    rendition = sharing_rendition(page)
    if rendition is None:
        return None
    return {"url": absolute_url(request, rendition.url), "width": rendition.width,
            "height": rendition.height, "alt": page.sharing_image.default_alt_text}


def head_meta(request, page, canonical_url: str = "", shared: Shared | None = None) -> dict:
    """Everything the head of a page needs, for the ``pages/includes/head_meta.html`` include."""
    identity = SiteIdentity.for_request(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    meta = {
        "site_name": identity.directorate_name,
        "locale": og_locale(language),
        "type": "website",
        "title": identity.directorate_name,
        "description": "",
        "url": canonical_url or absolute_url(request, request.path),
        "canonical_url": canonical_url,
        "image": None,
        "alternates": [],
        "locale_alternates": [],
        "extra": [],
    }
    if shared is not None:
        meta.update({
            "type": shared.type, "title": shared.title, "description": shared.description,
            "url": shared.url, "canonical_url": shared.url,
            "image": {"url": shared.image_url, "alt": shared.image_alt}
            if shared.image_url else None,
        })
        return meta
    if page is None or not page.pk:
        return meta
    page_url = page.get_full_url(request)
    translations = page_translations(request, page)
    # A page shown under another language's prefix still speaks its own language.
    language = next((code for code, translated in translations.items()
                     if translated.pk == page.pk), language)
    meta.update({
        "locale": og_locale(language),
        "type": getattr(page, "open_graph_type", "website"),
        "title": getattr(page, "sharing_title", page.title),
        "description": getattr(page, "sharing_description", ""),
        "url": canonical_url or page_url,
        "canonical_url": canonical_url or page_url,
        "image": sharing_image(request, page),
        "alternates": translation_alternates(request, translations),
    })
    meta["locale_alternates"] = [
        og_locale(alternate.lang) for alternate in meta["alternates"]
        if alternate.lang not in {"x-default", language}
    ]
    if hasattr(page, "open_graph_extra"):
        meta["extra"] = page.open_graph_extra()
    return meta


@dataclass
class ShareLink:
    network: str
    label: str
    url: str
    css_class: str


def share_links(url: str, title: str, *, public: bool) -> list[ShareLink]:
    """Plain links to each network's own share form: no third-party script on our pages.

    Mastodon has no single share address (each reader has their own server), so readers
    share by e-mail or copy the address. Intranet pages are only shared by e-mail.
    """
    links = []
    if public:
        links += [
            ShareLink("facebook", "Facebook",
                      "https://www.facebook.com/sharer.php?" + urlencode({"u": url}),
                      "fr-btn--facebook"),
            ShareLink("x", "X",
                      "https://x.com/intent/tweet?" + urlencode({"url": url, "text": title}),
                      "fr-btn--twitter-x"),
            ShareLink("linkedin", "LinkedIn",
                      "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
                      "fr-btn--linkedin"),
            ShareLink("bluesky", "Bluesky",
                      "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"}),
                      "fr-btn--bluesky"),
        ]
    links.append(ShareLink(
        "email", "e-mail",
        f"mailto:?subject={quote(title)}&body={quote(url)}",
        "fr-btn--mail",
    ))
    return links
