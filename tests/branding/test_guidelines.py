"""The guidelines page shows every rule block, the logos each rule is about as far as the
visitor may see them, in both languages, and is found by the site's search."""

import re

import pytest
from wagtail.models import Page

from branding import demo
from branding.models import GuidelinesPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidelines(public_home):
    logos = demo.load_logos()
    page = demo.load_guidelines(public_home, logos)
    return page, logos


def test_every_rule_of_the_demo_page_is_shown(public_client, guidelines):
    html = public_client.get("/logos/").content.decode()
    for title in ("Zone de protection", "Tailles minimales", "Versions de couleur", "Fonds",
                  "Usages interdits", "Zone des partenaires", "Mention de soutien", "Contact"):
        assert f">{title}</h2>" in html, title
    assert "Avec le soutien de la Direction régionale des affaires culturelles" in html
    assert re.search(r">20(?:[.,]0)? mm<", html) and ">120 px<" in html
    assert html.count('class="fr-badge fr-badge--error">') >= 4  # the "don't" half of each pair
    # The ministry's bloc-marque is for partners: a visitor reads its name, not its picture.
    assert "/logos/apercu/bloc-marque-culture.png" not in html
    assert "/logos/apercu/jep-2026.png" in html  # public


def test_a_partner_sees_the_partners_logos_in_the_rules(public_client, approved_partner,
                                                        guidelines):
    public_client.force_login(approved_partner)
    html = public_client.get("/logos/").content.decode()
    assert "/logos/apercu/bloc-marque-culture.png" in html
    preview = public_client.get("/logos/apercu/bloc-marque-culture.png")
    assert b"".join(preview.streaming_content).startswith(b"\x89PNG")


def test_the_english_translation(public_client, guidelines):
    html = public_client.get("/en/logos/").content.decode()
    assert ">Clear space</h2>" in html and ">Partner zone</h2>" in html


def test_the_page_is_in_the_search_index(guidelines):
    found = Page.objects.live().public().specific().search("cartouche")
    assert guidelines[0].pk in [page.pk for page in found]
    assert isinstance(guidelines[0], GuidelinesPage)
