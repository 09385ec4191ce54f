"""What the two home pages show besides their own fields: the latest news, featured
publications, each agent's directorate space, and the sections feature apps add through
``HOME_SECTIONS_HOOK``. Every list is sliced and its images prefetched: a home page makes the
same number of queries whatever the number of articles, publications or events."""

from django.db.models import Case, F, OuterRef, Subquery, Value, When

from pages.base.models import (
    HOME_NEWS_COUNT,
    HOME_PUBLICATIONS_COUNT,
    HomeFeaturedPublication,
    home_sections,
    visible_links,
)
from pages.news.models import NewsArticlePage, NewsIndexPage, prefetch_article_cards
from pages.publications.models import COVER_CARD_FILTER, PublicationPage, prefetch_covers
from portal.intranet import (
    is_public_page,
    public_pages,
    restricted_pages,
    restricted_to_groups_of,
    visible_to,
)


def latest_articles(articles, count, *, first_id=None) -> list:
    """The article ``first_id`` names (a featured one, when it is among ``articles``) then the
    most recent, in one query; their cards are not prefetched (``prefetch_article_cards``)."""
    if first_id is not None:
        articles = articles.annotate(
            featured=Case(When(pk=first_id, then=Value(0)), default=Value(1)))
        return list(articles.order_by("featured", "-date", "-pk")[:count])
    return list(articles.order_by("-date", "-pk")[:count])


def featured_publications(home) -> list:
    """The publications editors chose, else the latest ones, live and public."""
    publications = (public_pages(PublicationPage.objects.live()).descendant_of(home)
                    .select_related("collection"))
    chosen = HomeFeaturedPublication.objects.filter(page=home)
    # An item added outside the admin may have no sort order: it comes last, not never.
    rank = chosen.filter(publication=OuterRef("pk")).values("sort_order")[:1]
    result = list(publications.filter(pk__in=chosen.values("publication_id"))
                  .annotate(rank=Subquery(rank))
                  .order_by(F("rank").asc(nulls_last=True), "pk"))
    if not result and not HomeFeaturedPublication.objects.filter(page=home).exists():
        result = list(publications.order_by("-publication_date", "title")
                      [:HOME_PUBLICATIONS_COUNT])
    prefetch_covers(result, COVER_CARD_FILTER)
    return result


def public_home_context(home, request) -> dict:
    articles = public_pages(NewsArticlePage.objects.live()).descendant_of(home)
    return {
        "news": prefetch_article_cards(latest_articles(articles, HOME_NEWS_COUNT,
                                                       first_id=home.featured_article_id)),
        "news_index": news_index_of(home),
        "publications": featured_publications(home),
        "quick_links": visible_links(home.quick_links, request, intranet=False),
        "sections": home_sections(home, request),
    }


def news_index_of(home):
    return public_pages(NewsIndexPage.objects.child_of(home).live()).first()


def intranet_home_context(home, request, children) -> dict:
    user = request.user
    own_ids = restricted_to_groups_of(user, children)
    articles = NewsArticlePage.objects.live().descendant_of(home)
    sections = home_sections(home, request)
    network_news = latest_articles(public_pages(articles), HOME_NEWS_COUNT)
    directorate_news = latest_articles(visible_to(restricted_pages(articles), user),
                                       HOME_NEWS_COUNT)
    prefetch_article_cards(network_news + directorate_news)
    # Pages the home shows in its own sections are not spaces.
    shown = {page.pk for section in sections for page in section.get("pages", [])}
    return {
        "own_spaces": [page for page in children if page.pk in own_ids],
        "other_spaces": [page for page in children if page.pk not in own_ids | shown
                         and not isinstance(page, NewsIndexPage)],
        "user_directorates": list(user.directorates) if user.is_authenticated else [],
        "network_news": network_news,
        "directorate_news": directorate_news,
        # The home's children are already read: its public news index is among them.
        "news_index": next((page for page in children if isinstance(page, NewsIndexPage)
                            and is_public_page(page)), None),
        "quick_links": visible_links(home.quick_links, request, intranet=True),
        "sections": sections,
    }
