"""What a person sees on both sites, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from pages.base.demo import load_intranet, load_public_site
from tests.helpers.accounts import PASSWORD

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_sites(sites, directorates):
    public, intranet = sites
    load_public_site(public.root_page.specific)
    load_intranet(intranet.root_page.specific)
    return sites


def sign_in(page, email):
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def test_visitor_reads_the_public_home(page, urls, demo_sites):
    page.goto(urls["public"] + "/")
    expect(page).to_have_title(re.compile("Accueil"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Accueil")
    expect(page.get_by_role("banner")).to_contain_text("Ministère")
    navigation = page.get_by_role("navigation", name="Menu principal")
    navigation.get_by_role("link", name="Patrimoine et architecture").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patrimoine et architecture")
    expect(page.get_by_role("navigation", name="Vous êtes ici :")).to_contain_text("Accueil")


def test_anonymous_visitor_of_the_intranet_lands_on_the_login_page(page, urls, demo_sites):
    page.goto(urls["intranet"] + "/vie-du-reseau/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/vie-du-reseau/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    expect(page.get_by_text("Vie du réseau")).to_have_count(0)


def test_staff_signs_in_and_reaches_the_intranet_home(page, urls, demo_sites, staff_bretagne):
    page.goto(urls["intranet"] + "/")
    sign_in(page, staff_bretagne.email)
    expect(page).to_have_url(urls["intranet"] + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Intranet du réseau")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Espace DRAC Bretagne")).to_be_visible()
    expect(main.get_by_role("link", name="Espace DRAC Normandie")).to_have_count(0)


def test_partner_gets_a_403_on_the_intranet(page, urls, demo_sites, partner):
    page.goto(urls["intranet"] + "/")
    sign_in(page, partner.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    expect(page.get_by_text("réservé aux agents")).to_be_visible()
    expect(page.get_by_role("link", name="Vie du réseau")).to_have_count(0)
