"""Where each public list of ``portal.filters.LISTS`` is served, and something in each list,
for the tests that try every parameter (tests/portal/test_public_lists.py) and the
property-based ones (tests/security/test_fuzzing.py)."""

import datetime as dt

from events.models import Region, Theme
from events.seeding import ensure_national_event, ensure_regional_pages
from pages.models import (
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
from tests.helpers.events import make_event
from tests.helpers.press import add_release, make_room
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

LANDING = "/en/journees-europeennes-du-patrimoine-2026/"
LIST_URLS = {
    "news": [(PUBLIC_HOST, "/en/actualites/")],
    "publications": [(PUBLIC_HOST, "/en/publications/")],
    "events-programme": [(PUBLIC_HOST, LANDING), (PUBLIC_HOST, LANDING + "bretagne/")],
    "events-exports": [(PUBLIC_HOST, "/en/evenements/export.csv"),
                       (PUBLIC_HOST, "/en/evenements/export.json"),
                       (PUBLIC_HOST, "/en/evenements/flux.ics")],
    "events-statistics": [(INTRANET_HOST, "/en/evenements/statistiques/")],
    "pressroom": [(PUBLIC_HOST, "/en/presse/")],
}


def fill_lists(public_home, organiser):
    """A news article, a publication and a local event, so that filters meet real rows."""
    news = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=news)
    news.save_revision().publish()
    article = NewsArticlePage(title="JEP", slug="jep", date=dt.date(2026, 9, 1))
    article.categories = [NewsCategory.objects.create(name="Patrimoine", slug="patrimoine",
                                                      locale=public_home.locale)]
    article.tags.add("Monuments")
    news.add_child(instance=article)
    article.save_revision().publish()
    publications = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=publications)
    publications.save_revision().publish()
    guide = PublicationPage(title="Guide", slug="guide", publication_type="guide",
                            collection=PublicationCollection.objects.create(name="Guides",
                                                                            slug="guides"))
    publications.add_child(instance=guide)
    guide.save_revision().publish()
    edition = ensure_national_event(public_home)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    make_event(edition, organiser, themes=[Theme.objects.first()])
    add_release(make_room(public_home), "Communiqué", "communique")
    return edition
