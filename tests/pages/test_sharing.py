"""Every public page type, and a local event's page, says what it is to search engines and
social networks (canonical address, OpenGraph with a 1200×630 image) and offers the share
links; the events say it in schema.org JSON-LD too, and local events are in the sitemap."""

import datetime as dt
import re
from io import BytesIO

import pytest
from defusedxml import ElementTree
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import get_page_models

from branding.models import GuidelinesPage
from events.models import (
    DirectorateEventPage,
    EventStatus,
    NationalEventPage,
    Region,
    RegionalProgrammePage,
)
from events.seeding import ensure_national_event, ensure_regional_pages
from pages.models import (
    ContactPage,
    FAQPage,
    MultimediaFolderPage,
    NewsArticlePage,
    NewsIndexPage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from tests.helpers.events import make_event
from tests.helpers.press import add_kit, add_release, make_room
from tests.pages.test_news import head_of

pytestmark = pytest.mark.django_db

BASE = "http://localhost:8000"
# Page types that live on the intranet only.
INTRANET_ONLY = {"IntranetHomePage", "LibraryIndexPage"}


def make_image(title, size=(1600, 900)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, (0, 0, 145)).save(buffer, format="JPEG")
    image = get_image_model()(title=title, description=f"Alternative de {title}")
    image.file = ImageFile(buffer, name=f"{title}.jpg")
    image.save()
    return image


def publish(parent, page_class, slug, **fields):
    page = page_class(slug=slug, **{"title": slug.replace("-", " ").capitalize(), **fields})
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def one_page_of_each_type(public_home):
    """One live page of every public page type, each with its own summary; all but the
    publication (whose portrait cover is shared) with a social image."""
    pages = {"HomePage": public_home}
    standard = publish(public_home, StandardPage, "patrimoine")
    pages["StandardPage"] = standard
    pages["MultimediaFolderPage"] = publish(standard, MultimediaFolderPage, "dossier")
    publications = publish(public_home, PublicationIndexPage, "publications")
    pages["PublicationIndexPage"] = publications
    pages["PublicationPage"] = publish(
        publications, PublicationPage, "guide", publication_type="guide",
        cover_image=make_image("Couverture", (1240, 1754)))
    pages["ContactPage"] = publish(public_home, ContactPage, "contact", retention_months=12)
    pages["FAQPage"] = publish(public_home, FAQPage, "questions")
    news = publish(public_home, NewsIndexPage, "actualites")
    pages["NewsIndexPage"] = news
    pages["NewsArticlePage"] = publish(news, NewsArticlePage, "jep")
    national = ensure_national_event(public_home, 2026)
    ensure_regional_pages(national, Region.objects.filter(slug="bretagne"))
    pages["NationalEventPage"] = national
    pages["RegionalProgrammePage"] = RegionalProgrammePage.objects.child_of(national).get()
    start = timezone.now() + dt.timedelta(days=20)
    pages["DirectorateEventPage"] = publish(
        public_home, DirectorateEventPage, "conference", start=start,
        end=start + dt.timedelta(hours=2), location="Hôtel de Blossac",
        address="6 rue du Chapitre\n35000 Rennes", registration_enabled=True)
    room = make_room(public_home)
    pages["PressRoomPage"] = room
    pages["PressReleasePage"] = add_release(room)
    pages["PressKitPage"] = add_kit(room)
    pages["GuidelinesPage"] = publish(public_home, GuidelinesPage, "logos")
    for name, page in pages.items():
        page = page.specific
        page.title = f"Titre de {name}"
        page.summary = f"Résumé de {name}."
        if name != "PublicationPage":
            page.social_image = make_image(f"Visuel {name}")
        page.save_revision().publish()
        pages[name] = page
    return pages


def test_the_fixture_covers_every_public_page_type(one_page_of_each_type):
    public_types = {model.__name__ for model in get_page_models()
                    if model._meta.app_label in {"pages", "events", "branding", "press"}
                    and not model._meta.abstract} - INTRANET_ONLY
    assert set(one_page_of_each_type) == public_types


def share_block(html):
    [share] = re.findall(r'<div class="fr-share.*?</ul>', html, re.S)
    return share


@pytest.mark.parametrize("page_type", sorted([
    "HomePage", "StandardPage", "MultimediaFolderPage", "PublicationIndexPage",
    "PublicationPage", "ContactPage", "FAQPage", "NewsIndexPage", "NewsArticlePage",
    "NationalEventPage", "RegionalProgrammePage", "DirectorateEventPage", "PressRoomPage",
    "PressReleasePage", "PressKitPage", "GuidelinesPage",
]))
def test_every_public_page_type_has_canonical_open_graph_and_share_links(
    public_client, one_page_of_each_type, page_type
):
    page = one_page_of_each_type[page_type]
    url = page.get_full_url()
    response = public_client.get(page.get_url())
    head = head_of(response)
    assert head.link_hrefs("canonical") == [url]
    assert head.first("og:url") == url
    assert head.first("og:title") == f"Titre de {page_type}"
    assert head.first("og:description") == f"Résumé de {page_type}."
    assert head.first("og:image").startswith(BASE + "/media/")
    assert ".fill-1200x630" in head.first("og:image")
    assert (head.first("og:image:width"), head.first("og:image:height")) == ("1200", "630")
    share = share_block(response.content.decode())
    assert "https://www.facebook.com/sharer.php?" in share
    assert 'class="fr-btn--mail fr-btn"' in share
    assert f'data-relais-copy="{url}"' in share


def test_the_social_title_is_what_every_page_shares(public_client, one_page_of_each_type):
    page = one_page_of_each_type["NationalEventPage"]
    page.social_title = "Les JEP, partout en France"
    page.save_revision().publish()
    response = public_client.get(page.get_url())
    assert head_of(response).first("og:title") == "Les JEP, partout en France"
    assert "Les+JEP%2C+partout+en+France" in share_block(response.content.decode())


def test_the_printed_programme_and_intranet_pages_have_no_share_links(
    public_client, intranet_client, one_page_of_each_type, intranet_home, staff_bretagne
):
    programme = one_page_of_each_type["RegionalProgrammePage"]
    html = public_client.get(programme.get_url() + "imprimer/").content.decode()
    assert "fr-share" not in html
    publish(intranet_home, StandardPage, "vie-du-reseau")
    intranet_client.force_login(staff_bretagne)
    assert "fr-share" not in intranet_client.get("/vie-du-reseau/").content.decode()


# --- events: JSON-LD, local events ------------------------------------------------------------

def test_national_event_page_describes_itself_as_an_event(public_client, one_page_of_each_type):
    page = one_page_of_each_type["NationalEventPage"]
    [data] = head_of(public_client.get(page.get_url())).json_ld
    assert data["@type"] == "Event"
    assert data["name"] == "Titre de NationalEventPage"
    assert data["url"] == page.get_full_url()
    assert data["startDate"] == page.start_date.isoformat()
    assert data["endDate"] == page.end_date.isoformat()
    assert data["description"] == "Résumé de NationalEventPage."
    assert data["location"]["address"]["addressCountry"] == "FR"
    assert "fill-1200x630" in data["image"][0]


def test_directorate_event_page_describes_itself_as_an_event(public_client,
                                                             one_page_of_each_type):
    page = one_page_of_each_type["DirectorateEventPage"]
    [data] = head_of(public_client.get(page.get_url())).json_ld
    assert data["@type"] == "Event"
    assert dt.datetime.fromisoformat(data["startDate"]) == page.start
    assert dt.datetime.fromisoformat(data["endDate"]) == page.end
    assert data["location"]["name"] == "Hôtel de Blossac"
    assert data["location"]["address"]["streetAddress"] == "6 rue du Chapitre, 35000 Rennes"
    assert data["offers"]["url"] == page.get_full_url()


@pytest.fixture
def edition(public_home):
    page = ensure_national_event(public_home, timezone.localdate().year + 1)
    ensure_regional_pages(page, Region.objects.filter(slug="bretagne"))
    return page


@pytest.fixture
def organiser(make_user):
    return make_user("organisatrice@example.org")


def test_local_event_has_its_own_title_description_canonical_and_share_links(
    public_client, edition, organiser
):
    buffer = BytesIO()
    PillowImage.new("RGB", (1200, 630), (0, 0, 145)).save(buffer, format="JPEG")
    event = make_event(
        edition, organiser, title="Visite du moulin de Kerouat", day=edition.start_date,
        description="Le meunier montre la roue et les meules.\nVisite en famille.",
        image=SimpleUploadedFile("moulin.jpg", buffer.getvalue()),
        image_alt="La roue du moulin")
    response = public_client.get(f"/evenements/{event.pk}/")
    head = head_of(response)
    url = f"{BASE}/evenements/{event.pk}/"
    assert head.link_hrefs("canonical") == [url]
    assert head.first("og:url") == url
    assert head.first("og:title") == "Visite du moulin de Kerouat"
    assert head.first("og:description") == (
        "Le meunier montre la roue et les meules. Visite en famille.")
    assert head.first("description") == head.first("og:description")
    assert head.first("og:image") == BASE + event.image.url
    assert head.first("og:image:alt") == "La roue du moulin"
    share = share_block(response.content.decode())
    assert f'data-relais-copy="{url}"' in share
    assert "Visite+du+moulin+de+Kerouat" in share


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    tree = ElementTree.fromstring(response.content)
    return [url.findtext(f"{namespace}loc") for url in tree.iter(f"{namespace}url")]


def test_sitemap_lists_the_local_events_to_come(public_client, edition, organiser):
    day = edition.start_date
    coming = make_event(edition, organiser, title="À venir", day=day)
    full = make_event(edition, organiser, title="Complet", day=day, status=EventStatus.FULL)
    past = make_event(edition, organiser, title="Passé",
                      day=timezone.localdate() - dt.timedelta(days=3))
    cancelled = make_event(edition, organiser, title="Annulé", day=day,
                           status=EventStatus.CANCELLED)
    submitted = make_event(edition, organiser, title="En attente", day=day,
                           status=EventStatus.SUBMITTED)
    private = NationalEventPage.objects.get(pk=edition.pk)
    sitemap_locations(public_client)  # the caches of sites and settings are warm
    with CaptureQueriesContext(connection) as queries:
        locations = sitemap_locations(public_client)
    assert f"{BASE}/evenements/{coming.pk}/" in locations
    assert f"{BASE}/evenements/{full.pk}/" in locations
    for left_out in (past, cancelled, submitted):
        assert f"{BASE}/evenements/{left_out.pk}/" not in locations
    assert edition.get_full_url() in locations
    # Many more events cost no more queries.
    for number in range(20):
        make_event(edition, organiser, title=f"Événement {number}", day=day)
    with CaptureQueriesContext(connection) as more_queries:
        assert len(sitemap_locations(public_client)) == len(locations) + 20
    assert len(more_queries) == len(queries)
    # The events of an edition that is not public are not listed.
    private.unpublish()
    assert not [url for url in sitemap_locations(public_client) if "/evenements/" in url]
