"""Every page type renders, without the page cache, within its query budget (issue 14: at most
20, layout included), on the demo's content: the public pages for an anonymous visitor, the
intranet's for a DRAC Bretagne agent. The lists' budgets do not grow with their number of
items: tests/events/test_home.py, tests/pages/test_news.py and the other app tests check that.

The demo is loaded once for the module, in a transaction rolled back at its end."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Page, get_page_models

from portal.models import User
from portal.sites import is_intranet_page
from press.models import PressRoomPage
from tests.helpers.press import add_kit

BUDGET = 20
PUBLIC_TYPES = [
    "HomePage", "StandardPage", "ContactPage", "FAQPage", "MultimediaFolderPage",
    "NewsIndexPage", "NewsArticlePage", "PublicationIndexPage", "PublicationPage",
    "NationalEventPage", "RegionalProgrammePage", "DirectorateEventPage", "PressRoomPage",
    "PressReleasePage", "PressKitPage", "GuidelinesPage",
]
INTRANET_TYPES = [
    "IntranetHomePage", "StandardPage", "NewsIndexPage", "NewsArticlePage", "LibraryIndexPage",
    "FAQPage", "DirectorateEventPage",
]
AGENT = "agent.bretagne@relais.localhost"


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _demo_media_roots(settings, demo_media):
    # The demo's images stay where the module's demo put them (after conftest's own roots).
    settings.MEDIA_ROOT = demo_media / "media"
    settings.PRIVATE_MEDIA_ROOT = demo_media / "media_private"
    settings.SENDFILE_ROOT = str(settings.PRIVATE_MEDIA_ROOT)


@pytest.fixture(scope="module")
def demo_pages(django_db_setup, django_db_blocker, demo_media):
    """{(site, page type name): url} of the first live French page of each type."""
    media = override_settings(MEDIA_ROOT=demo_media / "media",
                              PRIVATE_MEDIA_ROOT=demo_media / "media_private",
                              SENDFILE_ROOT=str(demo_media / "media_private"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        add_kit(PressRoomPage.objects.first(), "Dossier de presse des JEP")
        pages = {}
        for page in (Page.objects.live().filter(depth__gt=1, locale__language_code="fr")
                     .order_by("path").specific()):
            side = "intranet" if is_intranet_page(page) else "public"
            if page.get_view_restrictions().exists():
                continue
            pages.setdefault((side, type(page).__name__), page.get_url())
        yield pages
        transaction.set_rollback(True)


def measure(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # the layout is kept from the first page on
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("kind", PUBLIC_TYPES)
def test_public_page_type_within_budget(demo_pages, db, kind, settings,
                                        django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    url = demo_pages[("public", kind)]
    measure(Client(HTTP_HOST=settings.PUBLIC_HOST), url, django_assert_max_num_queries, BUDGET)


@pytest.mark.parametrize("kind", INTRANET_TYPES)
def test_intranet_page_type_within_budget(demo_pages, db, kind, django_assert_max_num_queries):
    client = Client(HTTP_HOST=settings.INTRANET_HOST)
    client.force_login(User.objects.get(email=AGENT))
    measure(client, demo_pages[("intranet", kind)], django_assert_max_num_queries, BUDGET)


def test_every_page_type_is_measured():
    measured = set(PUBLIC_TYPES) | set(INTRANET_TYPES)
    assert {model.__name__ for model in get_page_models()} - measured == {"Page"}
