"""Both home pages as people see them, at desktop and mobile widths, with an automated
accessibility check (axe-core, WCAG 2.1 A/AA)."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from events.models import DirectorateEventPage, NationalEventPage
from pages.demo.images import demo_picture, draw_coast
from pages.models import HomeFeaturedPublication
from portal.models import SiteIdentity, SocialAccounts
from tests.browser.test_foundation import sign_in
from tests.helpers.accessibility import assert_accessible, screenshot
from tests.helpers.pages import add_news, add_page, add_publications

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MOBILE = {"width": 390, "height": 844}


def add_event(parent, page_class, **fields):
    page = page_class(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def public_front(sites):
    home = sites[0].root_page.specific
    _news, articles = add_news(home, 5)
    _index, publications = add_publications(home, 4)
    procedures = add_page(home, "Démarches et aides", "demarches", show_in_menus=True)
    add_page(home, "Mentions légales", "mentions-legales")
    home.hero_title = "La culture partout en région"
    home.hero_text = "Patrimoines, création, transmission."
    home.hero_image = demo_picture("Côte", "Un phare sur un promontoire au coucher du soleil.",
                                   draw_coast(), "cote.jpg")
    home.hero_image_credit = "Illustration générée pour la démonstration"
    home.hero_link, home.hero_link_label = procedures, "Nos démarches"
    home.featured_article = articles[0]
    home.quick_links = [("link", {"page": procedures, "url": "", "label": "Subventions"})]
    home.save_revision().publish()
    HomeFeaturedPublication.objects.create(page=home, publication=publications[2])
    today = timezone.localdate()
    add_event(home, NationalEventPage, title="Nuit européenne des musées", slug="nuit",
              edition_year=today.year, start_date=today + dt.timedelta(days=40),
              end_date=today + dt.timedelta(days=40))
    start = timezone.now() + dt.timedelta(days=20)
    add_event(home, DirectorateEventPage, title="Conférence sur les vitraux", slug="conference",
              start=start, end=start + dt.timedelta(hours=2), location="Hôtel de Blossac",
              registration_enabled=True, capacity=40)
    social = SocialAccounts.for_site(sites[0])
    social.mastodon = "https://social.example.org/@drac"
    social.save()
    return home


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_visitor_sees_news_events_and_publications_on_the_public_home(
    new_page, urls, public_front, viewport
):
    page = new_page()
    if viewport == "mobile":
        page.set_viewport_size(MOBILE)
    page.goto(urls["public"] + "/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("La culture partout en région")
    expect(main.get_by_role("link", name="Nos démarches")).to_be_visible()
    expect(main.get_by_text("Illustration générée pour la démonstration")).to_be_visible()
    headlines = main.locator("#a-la-une")
    # The French catalogue is completed apart: either wording of the heading.
    expect(headlines.get_by_role("heading", level=2)).to_have_text(
        re.compile("À la une|Headlines"))
    expect(headlines.get_by_role("heading", level=3)).to_have_text(
        ["Article 0", "Article 4", "Article 3"])
    agenda = main.locator("#agenda")
    expect(agenda.get_by_role("heading", level=3)).to_have_text(
        ["Nuit européenne des musées", "Conférence sur les vitraux"])
    expect(main.locator("#publications").get_by_role("heading", level=3)).to_have_text(
        ["Publication 2"])
    expect(main.locator("#acces-rapides").get_by_role("link")).to_have_text(["Subventions"])
    # Legal pages are in the footer only, with the follow-us block.
    expect(main.get_by_text("Mentions légales")).to_have_count(0)
    expect(page.get_by_role("contentinfo").get_by_role("link", name="Mastodon")).to_be_visible()
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    screenshot(page, f"public-home-{viewport}")


@pytest.fixture
def intranet_front(sites, directorates):
    home = sites[1].root_page.specific
    identity = SiteIdentity.for_site(sites[1])
    identity.directorate_name = "Réseau des directions régionales des affaires culturelles"
    identity.postal_address = "182 rue Saint-Honoré\n75001 Paris"
    identity.save()
    add_page(home, "Vie du réseau", "vie-du-reseau", show_in_menus=True)
    add_news(home, 3, slug="reseau")
    for number, directorate in enumerate(directorates):
        space = add_page(home, f"Espace {directorate.short_name}", f"espace-{directorate.slug}",
                         summary=f"Les notes de service de la {directorate.short_name}.")
        _index, (note,) = add_news(home, 1, slug="reseau", start=10 + number)
        note.title = f"Note de la {directorate.short_name}"
        note.save_revision().publish()
        for page in (space, note):
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([directorate.staff_group])
    start = timezone.now() + dt.timedelta(days=30)
    add_event(home, DirectorateEventPage, title="Séminaire du réseau", slug="seminaire",
              start=start, end=start + dt.timedelta(hours=8))
    return home


@pytest.mark.parametrize(("agent", "own", "other", "viewport"), [
    ("staff_bretagne", "DRAC Bretagne", "DRAC Normandie", "desktop"),
    ("staff_normandie", "DRAC Normandie", "DRAC Bretagne", "mobile"),
])
def test_each_agent_finds_their_directorate_first_on_the_intranet_home(
    request, new_page, urls, intranet_front, agent, own, other, viewport
):
    page = new_page()
    if viewport == "mobile":
        page.set_viewport_size(MOBILE)
    page.goto(urls["intranet"] + "/")
    sign_in(page, request.getfixturevalue(agent).email)
    expect(page).to_have_url(urls["intranet"] + "/")
    network = "Réseau des directions régionales des affaires culturelles"
    expect(page.get_by_role("banner")).to_contain_text(network)
    expect(page.get_by_role("contentinfo")).to_contain_text("182 rue Saint-Honoré")
    main = page.get_by_role("main")
    mine = main.locator("#mon-espace")
    expect(mine.get_by_role("heading", level=3)).to_have_text([f"Espace {own}"])
    expect(main.get_by_text(f"Espace {other}")).to_have_count(0)
    expect(main.locator("#actualites-direction").get_by_role("heading", level=3)).to_have_text(
        [f"Note de la {own}"])
    expect(main.locator("#actualites-reseau").get_by_role("heading", level=3)).to_have_text(
        ["Article 2", "Article 1", "Article 0"])
    expect(main.locator("#agenda")).to_contain_text("Séminaire du réseau")
    main.locator('a[href="/evenements/statistiques/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("statisti", re.I))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.go_back()
    # Back on the home (not still on the statistics) before measuring its width.
    expect(page).to_have_url(urls["intranet"] + "/")
    expect(mine).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    screenshot(page, f"intranet-home-{agent}-{viewport}")
