"""The pages of both sites.

Indexed: live pages under the public and the intranet home pages (every language), whose
publication date has come and which have not expired. Each keeps the privacy of its
ancestors (Wagtail's view restrictions): a page behind a password is not indexed; a page
restricted to groups is seen by members of the groups every restriction above it names
(their intersection, so that search never shows more than the page itself would); a page
restricted to signed-in users, or any page of the intranet, by the staff.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, Site
from wagtail.search import index

from pages.models import BasePage, NewsArticlePage, PublicationPage
from portal.models import Directorate
from portal.sites import is_intranet_hostname
from search.registry import (
    EVERYONE,
    GROUPS,
    STAFF,
    Entry,
    Source,
    page_type,
    register,
    register_page_type,
    register_type,
)

# Fields every page has that are not its text.
NOT_BODY = {"title", "summary", "seo_title", "search_description", "slug", "social_title",
            "draft_title", "url_path"}
MAX_BODY_CHARACTERS = 100_000


def flattened_text(page) -> str:
    """The words of the page besides its title and summary: StreamFields and rich text read
    as their blocks give them to a search index, other text fields the page searches as is."""
    parts = []
    searched = {field.field_name for field in page.get_search_fields()
                if isinstance(field, index.SearchField)}
    for field in page._meta.concrete_fields:
        if field.name in NOT_BODY:
            continue
        value = getattr(page, field.name, None)
        if not value:
            continue
        if isinstance(field, StreamField | RichTextField):
            parts += [strip_tags(str(text)) for text in field.get_searchable_content(value)]
        elif field.name in searched and isinstance(value, str):
            parts.append(value)
    return " ".join(" ".join(part.split()) for part in parts if part)[:MAX_BODY_CHARACTERS]


def site_roots() -> list[tuple[str, str]]:
    """(url_path of a home page, "public" or "intranet") for every language's home page."""
    from urllib.parse import urlsplit

    return [
        (root.root_path, "intranet" if is_intranet_hostname(urlsplit(root.root_url).hostname)
         else "public")
        for root in Site.get_site_root_paths()
    ]


def site_of(page, roots) -> tuple[str, str] | None:
    """("public" or "intranet", url_path of its home) for a page under a site's home."""
    for root_path, site in roots:
        if page.url_path.startswith(root_path):
            return site, root_path
    return None


class Privacy:
    """Every page view restriction, read once, to decide who sees each page."""

    def __init__(self):
        self.restrictions = list(
            PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        )
        directorates = Directorate.objects.select_related("staff_group")
        self.directorates = {directorate.staff_group_id: directorate
                             for directorate in directorates}

    def of(self, page, site: str):
        """(visibility, group ids, directorate) of this page, or None when it stays out of
        the index (a password)."""
        above = [restriction for restriction in self.restrictions
                 if page.path.startswith(restriction.page.path)]
        if any(item.restriction_type == BaseViewRestriction.PASSWORD for item in above):
            return None
        group_sets = [{group.id for group in item.groups.all()} for item in above
                      if item.restriction_type == BaseViewRestriction.GROUPS]
        if group_sets:
            groups = sorted(set.intersection(*group_sets))
            directorate = next((self.directorates[group] for group in groups
                                if group in self.directorates), None)
            return GROUPS, groups, directorate
        if above or site == "intranet":
            return STAFF, [], None
        return EVERYONE, [], None


def default_date(page):
    return page.last_published_at or page.first_published_at


class PageSource(Source):
    name = "page"
    model = Page

    def indexable(self):
        now = timezone.now()
        roots = Q(pk__in=[])
        for root_path, _site in site_roots():
            roots |= Q(url_path__startswith=root_path)
        pages = (Page.objects.live().filter(roots)
                 .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
                 .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
                 .exclude(expired=True))
        # Behind a password: only those who have it may open them, and search cannot know.
        for path in PageViewRestriction.objects.filter(
                restriction_type=BaseViewRestriction.PASSWORD).values_list("page__path",
                                                                           flat=True):
            pages = pages.exclude(path__startswith=path)
        return pages

    def entries(self, objects):
        pages = list(Page.objects.filter(pk__in=[page.pk for page in objects])
                     .select_related("locale").specific())
        roots = site_roots()
        privacy = Privacy()
        sections = self.section_titles(pages, roots)
        for page in pages:
            placed = site_of(page, roots)
            if placed is None:
                continue
            site, _root = placed
            seen_by = privacy.of(page, site)
            if seen_by is None:
                continue
            visibility, groups, directorate = seen_by
            kind = page_type(type(page))
            date = kind.date(page) if kind.date else default_date(page)
            entry = Entry(
                key=self.key(page), type=kind.type, title=page.title,
                site=site, language=page.locale.language_code,
                url=page.get_full_url() or "",
                summary=getattr(page, "summary", "") or page.search_description,
                body=flattened_text(page),
                visibility=visibility, groups=groups,
                directorate=directorate.short_name if directorate else "",
                region=directorate.region_name if directorate else "",
                date=date, section=sections.get(page.pk, ""),
            )
            if kind.extra:
                kind.extra(page, entry)
            yield entry

    @staticmethod
    def section_titles(pages, roots) -> dict[int, str]:
        """The title of the section (the home page's child) each page is in."""
        wanted = {}
        for page in pages:
            placed = site_of(page, roots)
            if placed and page.depth > 3:
                wanted[page.pk] = page.path[:Page.steplen * 3]
        titles = dict(Page.objects.filter(path__in=set(wanted.values()))
                      .values_list("path", "title"))
        return {pk: titles.get(path, "") for pk, path in wanted.items()}

    def keys_for_pages(self, pages):
        return [self.key(page) for page in pages]


def news_date(page):
    return page.date


def news_extra(page, entry):
    entry.tags = [tag.name for tag in page.tags.all()] + [
        category.name for category in page.categories.all()]


def publication_date(page):
    return page.publication_date


register_type("news", _("News"), _("News"))
register_type("publication", _("Publication"), _("Publications"))
register_page_type(NewsArticlePage, "news", date=news_date, extra=news_extra)
register_page_type(PublicationPage, "publication", date=publication_date)
register_page_type(BasePage, "page")
register(PageSource())
