"""Main menu, breadcrumb, language and footer links.

What is the same for every visitor of a site in a language (its home page, the public menu,
the language links' home pages, the footer links) is kept in the layout cache
(``portal.layout``), and so are each page's breadcrumb and translations, and the intranet's
menu per set of groups (``visibility_key``).
"""

from dataclasses import dataclass

from django.conf import settings as django_settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from portal import layout
from portal.intranet import visibility_key, visible_to


@dataclass
class Link:
    title: str
    url: str
    active: bool = False
    lang: str = ""
    # False when the page has no translation in that language and the link leads to that
    # language's home page instead.
    translated: bool = True


def _site_homes(request) -> dict[str, Page]:
    """The site's live home page in each language it is translated to."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return layout.cached(request, f"homes:{site.pk}", lambda: {
        home.locale.language_code: home
        for home in site.root_page.get_translations(inclusive=True).live()
        .select_related("locale")
    })


def localized_site_root(request):
    """The site's home page in the current language (as ``Page.localized``: the default
    language's when it is not translated)."""
    homes = _site_homes(request)
    home = homes.get(translation.get_language()) or homes.get(django_settings.LANGUAGE_CODE)
    if home is None:
        site = Site.find_for_request(request)
        home = site.root_page if site else None
    return home


def _menu_items(request, root, user):
    children = visible_to(Page.objects.child_of(root).live().in_menu(), user)
    return [(child.title, url, child.path) for child in children.specific(defer=True)
            if (url := child.get_url(request))]


def main_menu_links(request, current_page=None) -> list[Link]:
    """The home page's children in the menu that this visitor may open; the anonymous
    visitors' menu of a site and language is kept in the layout cache."""
    root = localized_site_root(request)
    if root is None:
        return []
    user = request.user
    items = layout.cached(request, f"menu:{root.pk}:{visibility_key(user)}",
                          lambda: _menu_items(request, root, user))
    current_path = current_page.path if current_page else ""
    return [Link(title, url, active=current_path.startswith(path))
            for title, url, path in items]


def breadcrumb_links(request, page) -> list[Link]:
    """Ancestors between the site's home (excluded) and the page (excluded)."""
    root = localized_site_root(request)
    if root is None or page is None or not page.path.startswith(root.path):
        return []
    # The same for every visitor who may open the page: its ancestors are open to them too.
    return layout.cached(request, f"breadcrumb:{root.pk}:{page.pk}", lambda: [
        Link(ancestor.title, ancestor.get_url(request)) for ancestor in
        Page.objects.ancestor_of(page).filter(depth__gt=root.depth).specific(defer=True)
    ])


def page_translations(request, page) -> dict[str, Page]:
    """The live versions of a page by language code, itself included, kept in the layout
    cache (a publication of any of them draws a new generation): the language links and the
    hreflang alternates both need them. A page not saved yet (a preview) has none."""
    if page.pk is None:
        return {}

    def build():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {translated.locale.language_code: translated for translated in translations}

    return layout.cached(request, f"translations:{page.pk}", build)


def page_language(request, page) -> str:
    """The language a page speaks, from its translations read once per request (its locale
    when it is not live: a preview)."""
    return next((code for code, translated in page_translations(request, page).items()
                 if translated.pk == page.pk), None) or page.locale.language_code


def _home_urls(request) -> dict[str, str]:
    """The URL of the site's home page in each language it is translated to."""
    site = Site.find_for_request(request)

    def build():
        urls = {}
        for code, home in _site_homes(request).items():
            with translation.override(code):
                urls[code] = home.get_url(request)
        return urls

    return layout.cached(request, f"home-urls:{site.pk}", build) if site else {}


def language_links(request, page=None) -> list[Link]:
    """One link per language: the page's translation, or that language's home page saying
    the page is not translated; views that are not pages link to the same view."""
    current = translation.get_language()
    is_page = page is not None and isinstance(page, Page) and page.pk
    translations = page_translations(request, page) if is_page else {}
    links = []
    for _pk, code, name in layout.locales(request):
        target = translations.get(code)
        translated = True
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        elif is_page and code in _home_urls(request):
            url, translated = _home_urls(request)[code], False
        else:
            url, translated = translate_url(request.get_full_path(), code), not is_page
        links.append(Link(name, url, active=code == current, lang=code, translated=translated))
    return links


def localized_live_pages(page_ids) -> dict[int, Page]:
    """For each of these page ids, its live translation in the current language, or the page
    itself when it has none (one query). Pages that are not live are left out."""
    ids = [page_id for page_id in page_ids if page_id]
    if not ids:
        return {}
    candidates = Page.objects.live().filter(
        translation_key__in=Page.objects.filter(id__in=ids).values("translation_key")
    ).select_related("locale")
    by_key = {}
    for candidate in candidates:
        by_key.setdefault(candidate.translation_key, {})[candidate.locale.language_code] = candidate
    originals = {candidate.id: candidate for candidate in candidates if candidate.id in ids}
    language = translation.get_language()
    return {
        page_id: by_key[page.translation_key].get(language, page)
        for page_id, page in originals.items()
    }


def footer_links(request) -> list[Link]:
    """The footer's site map, accessibility, legal notice and personal-data links, kept in
    the layout cache per site and language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return layout.cached(request, f"footer:{site.pk}:{translation.get_language()}",
                         lambda: _footer_links(request))


def _footer_links(request) -> list[Link]:
    from portal.models import FooterLinks

    settings = FooterLinks.for_request(request)
    pages = localized_live_pages([settings.accessibility_page_id, settings.legal_notice_page_id,
                                  settings.personal_data_page_id])
    links = []
    if settings.sitemap_url:
        links.append(Link(gettext("Site map"), settings.sitemap_url))
    for page_id, label in ((settings.accessibility_page_id, settings.accessibility_label),
                           (settings.legal_notice_page_id, gettext("Legal notice")),
                           (settings.personal_data_page_id, gettext("Personal data"))):
        page = pages.get(page_id)
        url = page.get_url(request) if page else None
        if url:
            links.append(Link(str(label), url))
    return links
