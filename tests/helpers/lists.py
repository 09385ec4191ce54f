"""Where each public list of ``portal.filters.LISTS`` is served, and something in each list,
for the tests that try every parameter (tests/portal/test_public_lists.py) and the
property-based ones (tests/security/test_fuzzing.py)."""

import datetime as dt

from events.models import Region, Theme
from events.seeding import ensure_national_event, ensure_regional_pages
from pages.library.models import LibraryIndexPage
from pages.models import (
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
from portal.models import Directorate
from portal.sites import intranet_root
from tests.helpers.directory import make_person, make_service
from tests.helpers.events import make_event
from tests.helpers.library import make_reference
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
    "directory": [(INTRANET_HOST, "/en/annuaire/")],
    "library": [(INTRANET_HOST, "/en/bibliotheque/")],
    "pressroom": [(PUBLIC_HOST, "/en/presse/")],
}


def fill_lists(public_home, organiser):
    """A news article, a publication and a local event, so that filters meet real rows; on
    the intranet, a person of the directory and a document of the library."""
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
    edition = ensure_national_event(public_home, 2026)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    make_event(edition, organiser, themes=[Theme.objects.first()])
    directorate = Directorate.objects.order_by("short_name").first()
    if directorate is not None:
        make_person(directorate, "Maël", "Guéguen",
                    service=make_service(directorate, "Bureau du budget"))
        make_reference("Note de service", directorates=[directorate])
    library = LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
    intranet_root().add_child(instance=library)
    library.save_revision().publish()
    add_release(make_room(public_home), "Communiqué", "communique")
    return edition
