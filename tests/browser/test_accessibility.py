"""The automated accessibility check (axe-core, WCAG 2.1 A and AA rules) on every page type of
both sites, as a visitor, a signed-in partner and organiser, and a signed-in agent see them;
desktop width, and mobile width for the pages whose layout changes most. Heading levels must
follow one another (no level skipped).

The content is built once for the module (building it for each of the ~40 pages would take
minutes): the module commits it to the test database, runs its own live server (the
``live_server`` fixture would flush the database after each test), and puts the database back
as the migrations left it after its last test (see ``content``)."""

import datetime as dt
import re
from dataclasses import dataclass
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.test.utils import override_settings
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from branding import demo as branding_demo
from branding.models import TermsOfUse
from branding.workflow import accept_terms
from events.models import DirectorateEventPage, Region
from events.seeding import ensure_national_event, ensure_regional_pages, jep_dates
from pages.base.demo import load_intranet, load_public_site
from pages.base.sites import ensure_sites
from pages.contact import demo as contact_demo
from pages.faq import demo as faq_demo
from pages.library.models import LibraryIndexPage
from pages.multimedia import demo as multimedia_demo
from pages.news import demo as news_demo
from pages.publications import demo as publications_demo
from portal.models import Directorate, SocialAccounts
from search import indexing
from tests.browser.conftest import (
    person_user_agent,
    stop_all_requests,
    wait_for_requests_in_progress,
)
from tests.helpers.accessibility import (
    axe_violations,
    heading_level_skips,
    missing_references,
    screenshot,
)
from tests.helpers.accounts import PASSWORD, create_user
from tests.helpers.branding import approve
from tests.helpers.directory import make_person, make_service
from tests.helpers.events import make_event, venue_in
from tests.helpers.library import make_reference
from tests.helpers.press import add_kit, add_release, make_room

# Each test reads the module's content inside a transaction it rolls back; the marker also
# makes pytest-django create (and serialise) the test database ``content`` builds on.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Visit:
    """One page type: the site, the visitor, the address (a key of ``content``'s paths or a
    literal path), the status expected, and an action done before the check."""

    name: str
    audited_as: str  # its name in the demo's accessibility statement
    site: str
    path: str
    visitor: str = "visitor"
    status: int = 200
    mobile: bool = False
    action: str = ""


CONTACT = "page de contact et formulaire renvoyé avec des erreurs"
PROPOSAL = "formulaire de proposition d’événement"
VISITS = [
    Visit("public home", "page d’accueil", "public", "/", mobile=True),
    Visit("standard page", "page de contenu", "public", "/patrimoine-et-architecture/",
          mobile=True),
    Visit("news index", "liste des actualités", "public", "/actualites/"),
    Visit("news article", "article d’actualité", "public",
          "/actualites/nuit-des-musees-programme/"),
    Visit("multimedia folder (gallery, video, audio)",
          "dossier multimédia (galerie d’images, vidéo, son)", "public", "multimedia"),
    Visit("publications index", "liste des publications", "public", "/publications/"),
    Visit("publication", "publication", "public", "publication"),
    Visit("contact page", CONTACT, "public", "/nous-contacter/"),
    Visit("contact form with errors", CONTACT, "public", "/nous-contacter/", mobile=True,
          action="submit"),
    Visit("FAQ", "questions fréquentes", "public", "/questions-frequentes/"),
    Visit("national event (map)", "événement national et sa carte des régions", "public",
          "national", mobile=True),
    Visit("regional programme", "programme régional", "public", "regional"),
    Visit("local event", "événement local", "public", "local"),
    Visit("directorate event", "événement de la direction", "public", "/conference-vitraux/"),
    Visit("event proposal form", PROPOSAL, "public", "/evenements/proposer/",
          visitor="partner", mobile=True),
    Visit("event proposal form with errors", PROPOSAL, "public", "/evenements/proposer/",
          visitor="partner", action="submit"),
    Visit("logo guidelines", "charte d’usage des logos", "public", "/logos/"),
    Visit("logo files (approved partner)", "logos à télécharger", "public",
          "/logos/fichiers/", visitor="partner"),
    Visit("partner space", "espace partenaire", "public", "/logos/espace-partenaire/",
          visitor="partner"),
    Visit("pressroom", "salle de presse", "public", "pressroom"),
    Visit("press release", "communiqué de presse", "public", "release"),
    Visit("press kit", "dossier de presse", "public", "kit"),
    Visit("search results", "résultats de recherche", "public", "/recherche/?q=patrimoine"),
    Visit("accessibility statement", "déclaration d’accessibilité", "public",
          "/declaration-accessibilite/"),
    Visit("legal notice", "mentions légales", "public", "/mentions-legales/"),
    Visit("page not found", "page introuvable (erreur 404)", "public",
          "/cette-page-n-existe-pas/", status=404),
    Visit("intranet home", "page d’accueil", "intranet", "/", visitor="agent", mobile=True),
    Visit("directorate space", "espace d’une direction", "intranet",
          "/espace-drac-bretagne/", visitor="agent"),
    Visit("intranet news", "actualités", "intranet", "/actualites-du-reseau/",
          visitor="agent"),
    Visit("directory search", "annuaire (recherche)", "intranet", "/annuaire/?q=cadiou",
          visitor="agent", mobile=True),
    Visit("directory person", "fiche d’un agent", "intranet", "person", visitor="agent"),
    Visit("directory service", "fiche d’un service", "intranet", "service", visitor="agent"),
    Visit("organisation chart", "organigramme", "intranet",
          "/annuaire/organigramme/drac-bretagne/", visitor="agent"),
    Visit("library", "bibliothèque documentaire", "intranet", "/bibliotheque/",
          visitor="agent"),
    Visit("intranet search results", "résultats de recherche", "intranet",
          "/recherche/?q=patrimoine", visitor="agent"),
]

CASES = [pytest.param(visit, "desktop", id=f"{visit.name} - desktop") for visit in VISITS] + [
    pytest.param(visit, "mobile", id=f"{visit.name} - mobile") for visit in VISITS
    if visit.mobile]


def build_content() -> dict:
    """Every page type, as the demo and the test helpers make them; returns the paths that
    are not known in advance."""
    public, intranet = ensure_sites()
    home, intranet_home = public.root_page.specific, intranet.root_page.specific
    bretagne = Directorate(name="Direction régionale des affaires culturelles de Bretagne",
                           short_name="DRAC Bretagne", region_name="Bretagne")
    bretagne.save()
    out = StringIO()
    load_public_site(home)
    load_intranet(intranet_home)
    news_demo.load(home, intranet_home, out)
    multimedia_demo.load(home, intranet_home, out)
    publications_demo.load(home, intranet_home, out)
    contact_demo.load(home, intranet_home, out)
    faq_demo.load(home, intranet_home, out)
    social = SocialAccounts.for_site(public)
    social.mastodon = "https://social.example.org/@drac"
    social.save()

    partner = create_user("partenaire@example.org", "Partenaires", first_name="Anne")
    approve(partner)
    terms = TermsOfUse.objects.create(version="2026-1", text="Reproduisez les logos tels quels.",
                                      published_at=timezone.now() - dt.timedelta(days=1))
    accept_terms(partner, terms)
    branding_demo.load_guidelines(home, branding_demo.load_logos())

    edition = ensure_national_event(home)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    local = make_event(edition, partner, venue=venue_in("35238"), day=jep_dates(
        edition.edition_year)[0], title="Visite des toits de la chapelle Saint-Yves")
    start = timezone.now() + dt.timedelta(days=20)
    conference = DirectorateEventPage(
        title="Conférence sur les vitraux", slug="conference-vitraux", start=start,
        end=start + dt.timedelta(hours=2), location="Hôtel de Blossac",
        registration_enabled=True, capacity=40)
    home.add_child(instance=conference)
    conference.save_revision().publish()

    room = make_room(home)
    release = add_release(room, "Les JEP en Bretagne", slug="jep-bretagne")
    kit = add_kit(room, "Dossier de presse des JEP", slug="dossier-jep")

    agent = create_user("agent.bretagne@example.org", bretagne.staff_group,
                        first_name="Maël", last_name="Guéguen")
    general = make_service(bretagne, "Secrétariat général", acronym="SG", kind="service")
    budget = make_service(bretagne, "Bureau du budget et de la logistique", parent=general,
                          missions="Budget, achats et logistique.")
    colleague = make_person(bretagne, "Rozenn", "Cadiou", service=budget,
                            job_title="Technicienne des bâtiments", phone="02 99 00 00 01")
    make_person(bretagne, "Maël", "Guéguen", service=general, user=agent)
    library = LibraryIndexPage(title="Bibliothèque documentaire", slug="bibliotheque")
    intranet_home.add_child(instance=library)
    library.save_revision().publish()
    make_reference("Note sur le télétravail", reference="NS-2026-004")
    make_reference("Procédure d’achat", kind="procedure", reference="PR-2026-001",
                   directorates=[bretagne])
    indexing.rebuild()

    publication = publications_demo.PublicationPage.objects.live().filter(
        locale__language_code="fr").first()
    folder = multimedia_demo.MultimediaFolderPage.objects.filter(
        locale__language_code="fr").get()
    regional = edition.get_children().get(slug="bretagne")
    return {
        **{name: urlsplit(page.full_url).path for name, page in (
            ("multimedia", folder), ("publication", publication), ("national", edition),
            ("regional", regional), ("pressroom", room), ("release", release), ("kit", kit))},
        "local": f"/evenements/{local.pk}/",
        "person": f"/annuaire/personnes/{colleague.pk}/",
        "service": f"/annuaire/services/{budget.pk}/",
        "accounts": {"partner": partner.email, "agent": agent.email},
    }


def reset_database():
    """Back to the database the migrations left, as a transactional test leaves it. ``flush``
    restarts the sequences (PostgreSQL) and the rows put back keep their ids: the sequences
    are moved past them, or the next row made would take an id already there."""
    for alias in connections:
        connection = connections[alias]
        call_command("flush", database=alias, interactive=False, verbosity=0,
                     inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        statements = connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture(scope="module")
def content(browser, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("a11y-media")
    files = override_settings(MEDIA_ROOT=media / "public", PRIVATE_MEDIA_ROOT=media / "private",
                              SENDFILE_ROOT=str(media / "private"))
    files.enable()
    with django_db_blocker.unblock():
        reset_database()
        paths = build_content()
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    port = server.url.rsplit(":", 1)[1]
    urls = {"public": f"http://localhost:{port}", "intranet": f"http://intranet.localhost:{port}"}
    contexts = {}
    try:
        with django_db_blocker.unblock():
            for visitor in ("visitor", "partner", "agent"):
                contexts[visitor] = browser.new_context(
                    locale="fr-FR", viewport=DESKTOP, user_agent=person_user_agent(browser))
            sign_in(contexts["partner"], urls["public"], paths["accounts"]["partner"])
            sign_in(contexts["agent"], urls["intranet"], paths["accounts"]["agent"])
        yield {"urls": urls, "paths": paths, "contexts": contexts, "server": server}
    finally:
        for context in contexts.values():
            stop_all_requests(context)
            context.close()
        wait_for_requests_in_progress()
        server._live_server_modified_settings.disable()
        server.stop()
        with django_db_blocker.unblock():
            reset_database()
        files.disable()


def sign_in(context, base_url, email):
    page = context.new_page()
    page.goto(base_url + "/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("input[name=password]")).to_have_count(0)
    page.close()


def leave(page, content):
    """Close the page and let the server finish what it asked (each test rolls back its
    transaction, which the server shares on SQLite)."""
    page.goto("about:blank")
    page.close()
    wait_for_requests_in_progress()


@pytest.fixture
def _media_roots():
    """The module's content keeps its own media folders (set by ``content``)."""


@pytest.mark.parametrize(("visit", "viewport"), CASES)
def test_page_type_has_no_accessibility_violation(content, django_db_blocker, visit, viewport):
    path = content["paths"].get(visit.path, visit.path)
    page = content["contexts"][visit.visitor].new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text
            and blocked.append(message.text))
    try:
        with django_db_blocker.unblock():
            page.set_viewport_size(MOBILE if viewport == "mobile" else DESKTOP)
            response = page.goto(content["urls"][visit.site] + path)
            assert response.status == visit.status, f"{path}: {response.status}"
            # Signed in, not sent to the login page.
            assert page.url.endswith(path), page.url
            if visit.action == "submit":
                page.get_by_role("main").locator("form[method=post] button[type=submit]"
                                                 ).last.click()
                expect(page.locator(".fr-input-group--error, .fr-fieldset--error, "
                                    ".fr-checkbox-group--error").first).to_be_visible()
            expect(page.get_by_role("heading", level=1)).to_have_count(1)
            violations = axe_violations(page)
            skips = heading_level_skips(page)
            missing = missing_references(page)
            screenshot(page, re.sub(r"\W+", "-", f"a11y-{visit.name}-{viewport}"))
    finally:
        leave(page, content)
    assert not violations, f"{visit.name} ({path}): {violations}"
    assert not skips, f"{visit.name} ({path}): heading levels skipped: {skips}"
    assert not missing, f"{visit.name} ({path}): references to no element: {missing}"
    assert not blocked, f"The browser blocked content: {blocked}"


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_the_main_menu_skip_link_leads_to_the_menu(content, django_db_blocker, viewport):
    """On a phone the menu is in a closed dialog: the skip link opens it."""
    page = content["contexts"]["visitor"].new_page()
    try:
        with django_db_blocker.unblock():
            page.set_viewport_size(MOBILE if viewport == "mobile" else DESKTOP)
            page.goto(content["urls"]["public"] + "/")
            page.locator('.fr-skiplinks a[href="#main-navigation"]').focus()
            page.keyboard.press("Enter")
            menu = page.get_by_role("navigation", name="Menu principal")
            expect(menu).to_be_visible()
            if viewport == "mobile":
                expect(menu.get_by_role("link").first).to_be_focused()
            else:
                expect(menu).to_be_focused()
            page.keyboard.press("Tab")
            expect(menu.get_by_role("link").nth(1 if viewport == "mobile" else 0)
                   ).to_be_focused()
    finally:
        leave(page, content)


def test_figures_are_named_by_their_caption(content, django_db_blocker):
    """Images, the video and the sound of a multimedia folder, the map of the national event:
    each figure is named by its figcaption, with no role that would hide it."""
    page = content["contexts"]["visitor"].new_page()
    try:
        with django_db_blocker.unblock():
            for path in (content["paths"]["multimedia"], content["paths"]["national"]):
                page.goto(content["urls"]["public"] + path)
                figures = page.get_by_role("main").locator("figure")
                expect(figures.first).to_be_visible()
                expect(page.get_by_role("main").get_by_role("figure")).to_have_count(
                    figures.count())
                for figure in figures.all():
                    assert figure.get_attribute("role") is None
                    assert figure.get_attribute("aria-label") is None
                    expect(figure.locator("figcaption")).to_have_count(1)
            bretagne = page.get_by_role("link", name=re.compile(r"^BRE \d+ – Bretagne"))
            expect(bretagne).to_have_count(1)
    finally:
        leave(page, content)


def test_the_accessibility_statement_lists_the_page_types_audited():
    """The demo's statement names what this module checks: keep both lists in step."""
    for site, listed in (("public", contact_demo.AUDITED_PUBLIC_PAGES),
                         ("intranet", contact_demo.AUDITED_INTRANET_PAGES)):
        assert sorted({visit.audited_as for visit in VISITS if visit.site == site}
                      ) == sorted(listed)
