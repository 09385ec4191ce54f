"""Main menu, breadcrumb and language links, computed with a fixed number of queries."""

from dataclasses import dataclass

from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from portal.intranet import visible_to


@dataclass
class Link:
    title: str
    url: str
    active: bool = False
    lang: str = ""
    # False when the page has no translation in that language and the link leads to that
    # language's home page instead.
    translated: bool = True


def localized_site_root(request):
    """The site's home page in the current language, looked up once per request."""
    language = translation.get_language()
    cache = request.__dict__.setdefault("_relais_site_roots", {})
    if language not in cache:
        site = Site.find_for_request(request)
        cache[language] = site.root_page.localized if site else None
    return cache[language]


def main_menu_links(request, current_page=None) -> list[Link]:
    root = localized_site_root(request)
    if root is None:
        return []
    children = visible_to(Page.objects.child_of(root).live().in_menu(), request.user)
    current_path = current_page.path if current_page else ""
    links = []
    for child in children.specific(defer=True):
        url = child.get_url(request)
        if url:
            links.append(Link(child.title, url, active=current_path.startswith(child.path)))
    return links


def breadcrumb_links(request, page) -> list[Link]:
    """Ancestors between the site's home (excluded) and the page (excluded)."""
    root = localized_site_root(request)
    if root is None or page is None or not page.path.startswith(root.path):
        return []
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=root.depth).specific(defer=True)
    return [Link(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]


def _home_in(request, locale):
    site = Site.find_for_request(request)
    home = site.root_page.get_translation_or_none(locale) if site else None
    return home if home and home.live else None


def language_links(request, page=None) -> list[Link]:
    """One link per language: the page's translation, or that language's home page saying
    the page is not translated; views that are not pages link to the same view."""
    current = translation.get_language()
    is_page = page is not None and isinstance(page, Page) and page.pk
    translations = {}
    if is_page:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
    links = []
    for locale in Locale.objects.all():
        code = locale.language_code
        target = translations.get(code)
        translated = True
        if is_page and target is None:
            target, translated = _home_in(request, locale), False
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(Link(locale.get_display_name(), url, active=code == current, lang=code,
                          translated=translated))
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
    """The footer's site map, accessibility, legal notice and personal-data links."""
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
