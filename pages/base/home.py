"""What the two home pages show besides their own fields: the latest news, featured
publications, each agent's directorate space, and the sections feature apps add through
``HOME_SECTIONS_HOOK``. Every list is sliced and its images prefetched: a home page makes the
same number of queries whatever the number of articles, publications or events."""

from pages.base.models import (
    HOME_NEWS_COUNT,
    HOME_PUBLICATIONS_COUNT,
    home_sections,
    spaces_of,
    visible_links,
)
from pages.news.models import NewsArticlePage, NewsIndexPage, prefetch_article_cards
from pages.publications.models import COVER_CARD_FILTER, PublicationPage, prefetch_covers
from portal.intranet import public_pages, restricted_pages, visible_to


def latest_articles(articles, count, *, first=None) -> list:
    """``first`` (a featured article, when it is among ``articles``) then the most recent."""
    articles = articles.order_by("-date", "-pk")
    chosen = []
    if first is not None:
        chosen = list(articles.filter(pk=first.pk))
        articles = articles.exclude(pk=first.pk)
    return prefetch_article_cards(chosen + list(articles[:count - len(chosen)]))


def featured_publications(home) -> list:
    """The publications editors chose, else the latest ones, live and public."""
    publications = public_pages(PublicationPage.objects.live()).descendant_of(home)
    chosen_ids = [item.publication_id for item in home.featured_publications.all()]
    if chosen_ids:
        by_id = {page.pk: page for page in publications.filter(pk__in=chosen_ids)
                 .select_related("collection")}
        result = [by_id[pk] for pk in chosen_ids if pk in by_id]
    else:
        result = list(publications.select_related("collection")
                      .order_by("-publication_date", "title")[:HOME_PUBLICATIONS_COUNT])
    prefetch_covers(result, COVER_CARD_FILTER)
    return result


def public_home_context(home, request) -> dict:
    articles = public_pages(NewsArticlePage.objects.live()).descendant_of(home)
    return {
        "news": latest_articles(articles, HOME_NEWS_COUNT, first=home.featured_article),
        "news_index": news_index_of(home),
        "publications": featured_publications(home),
        "quick_links": visible_links(home.quick_links, request, intranet=False),
        "sections": home_sections(home, request),
    }


def news_index_of(home):
    return public_pages(NewsIndexPage.objects.child_of(home).live()).first()


def intranet_home_context(home, request, children) -> dict:
    user = request.user
    own_ids = spaces_of(user, children)
    articles = NewsArticlePage.objects.live().descendant_of(home)
    sections = home_sections(home, request)
    # Pages the home shows in its own sections are not spaces.
    shown = {page.pk for section in sections for page in section.get("pages", [])}
    return {
        "own_spaces": [page for page in children if page.pk in own_ids],
        "other_spaces": [page for page in children if page.pk not in own_ids | shown
                         and not isinstance(page, NewsIndexPage)],
        "user_directorates": list(user.directorates) if user.is_authenticated else [],
        "network_news": latest_articles(public_pages(articles), HOME_NEWS_COUNT),
        "directorate_news": latest_articles(visible_to(restricted_pages(articles), user),
                                            HOME_NEWS_COUNT),
        "news_index": news_index_of(home),
        "quick_links": visible_links(home.quick_links, request, intranet=True),
        "sections": sections,
    }
