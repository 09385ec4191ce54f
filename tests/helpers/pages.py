"""Pages made as editors make them: created, then published."""

from pages.models import StandardPage


def add_page(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_news(parent, count, *, slug="actualites", start=0, **fields):
    """A news index under ``parent`` (created once) and ``count`` articles, newest last."""
    import datetime as dt

    from django.utils import timezone

    from pages.models import NewsArticlePage, NewsIndexPage

    index_page = NewsIndexPage.objects.child_of(parent).filter(slug=slug).first()
    if index_page is None:
        index_page = NewsIndexPage(title="Actualités", slug=slug)
        parent.add_child(instance=index_page)
        index_page.save_revision().publish()
    articles = []
    for number in range(start, start + count):
        article = NewsArticlePage(
            title=f"Article {number}", slug=f"{slug}-article-{number}",
            date=timezone.localdate() - dt.timedelta(days=100 - number), **fields)
        index_page.add_child(instance=article)
        article.save_revision().publish()
        articles.append(article)
    return index_page, articles


def add_publications(parent, count):
    """A publication list under ``parent`` and ``count`` publications, newest last."""
    import datetime as dt

    from pages.models import PublicationIndexPage, PublicationPage

    index_page = PublicationIndexPage.objects.child_of(parent).first()
    if index_page is None:
        index_page = PublicationIndexPage(title="Publications", slug="publications")
        parent.add_child(instance=index_page)
        index_page.save_revision().publish()
    publications = []
    for number in range(count):
        page = PublicationPage(title=f"Publication {number}", slug=f"publication-{number}",
                               publication_date=dt.date(2020, 1, 1) + dt.timedelta(days=number))
        index_page.add_child(instance=page)
        page.save_revision().publish()
        publications.append(page)
    return index_page, publications
