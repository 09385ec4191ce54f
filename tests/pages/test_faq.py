"""FAQ pages: DSFR accordions grouped in sections, schema.org FAQPage data on the public site."""

import json
import re

import pytest
from wagtail.rich_text import RichText

from pages.models import FAQPage
from tests.helpers.accounts import activate_totp
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db


def section(heading, *pairs):
    return ("section", {"heading": heading, "items": [
        {"title": question, "body": RichText(answer)} for question, answer in pairs
    ]})


def add_faq(parent, slug="questions-frequentes", **fields):
    fields.setdefault("title", "Questions fréquentes")
    page = FAQPage(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


@pytest.fixture
def faq(public_home):
    return add_faq(public_home, sections=[
        section("Monuments historiques",
                ("Faut-il une autorisation pour repeindre des volets ?",
                 "<p>Oui, aux abords d’un monument : <b>déclaration préalable</b>.</p>"),
                ("Qui paie les travaux ?", "<p>Le propriétaire, avec une aide possible.</p>")),
        section("Archéologie", ("Que faire d’une découverte fortuite ?",
                                "<p>La déclarer en mairie.</p>")),
    ])


def test_faq_sections_render_as_headed_dsfr_accordions(public_client, faq):
    html = public_client.get(faq.url).content.decode()
    assert re.findall(r'<h2 id="faq-[\w-]+">([^<]+)</h2>', html) == [
        "Monuments historiques", "Archéologie"]
    assert html.count('class="fr-accordion"') == 3
    assert html.count('<h3 class="fr-accordion__title">') == 3
    buttons = re.findall(r'aria-controls="(accordion-[\w-]+)"', html)
    assert len(buttons) == 3 and len(set(buttons)) == 3
    for target in buttons:
        assert f'id="{target}"' in html
    assert "<b>déclaration préalable</b>" in html


def test_faq_summary_links_to_each_section(public_client, faq):
    html = public_client.get(faq.url).content.decode()
    summary = html.split('<nav class="fr-summary')[1].split("</nav>")[0]
    anchors = re.findall(r'href="#(faq-[\w-]+)"', summary)
    assert len(anchors) == 2
    for anchor in anchors:
        assert f'<h2 id="{anchor}">' in html


def test_faq_json_ld_lists_every_question_with_its_answer(public_client, faq):
    html = public_client.get(faq.url).content.decode()
    head = html.split("</head>")[0]
    [data] = json_ld(head)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert [entry["name"] for entry in data["mainEntity"]] == [
        "Faut-il une autorisation pour repeindre des volets ?", "Qui paie les travaux ?",
        "Que faire d’une découverte fortuite ?"]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["@type"] == "Answer"
    assert "déclaration préalable" in first["acceptedAnswer"]["text"]


def test_faq_json_ld_cannot_close_its_script_element(public_client, public_home):
    page = add_faq(public_home, slug="piege", sections=[
        section("Piège", ("</script><script>alert(1)</script>", "<p>a &amp; b</p>")),
    ])
    html = public_client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in head
    [data] = json_ld(head)
    assert data["mainEntity"][0]["name"] == "</script><script>alert(1)</script>"


def test_intranet_faq_has_no_json_ld(intranet_client, intranet_home, staff_bretagne):
    page = add_faq(intranet_home, slug="faq-agents", sections=[
        section("Télétravail", ("Combien de jours ?", "<p>Deux par semaine.</p>")),
    ])
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get(page.url)
    assert response.status_code == 200
    assert 'class="fr-accordion"' in response.content.decode()
    assert json_ld(response.content.decode()) == []


def test_faq_offers_the_contact_page_in_the_visitors_language(public_client, public_home):
    contact = add_page(public_home, "Nous contacter", "nous-contacter")
    page = add_faq(public_home, contact_page=contact, sections=[
        section("Général", ("Horaires ?", "<p>9 h – 17 h</p>"))])
    html = public_client.get(page.url).content.decode()
    callout = html.split('<div class="fr-callout ')[1].split("</div>")[0]
    assert '<a class="fr-btn" href="/nous-contacter/">Nous contacter</a>' in callout

    contact.unpublish()
    assert 'href="/nous-contacter/"' not in public_client.get(page.url).content.decode()


@pytest.mark.parametrize("count", [5, 50])
def test_faq_page_queries_do_not_grow_with_its_questions(public_client, public_home, count,
                                                         django_assert_max_num_queries):
    pairs = [(f"Question {number} ?", f"<p>Réponse {number}.</p>") for number in range(count)]
    page = add_faq(public_home, sections=[section("Première partie", *pairs[: count // 2]),
                                          section("Seconde partie", *pairs[count // 2:])])
    public_client.get(page.url)
    with django_assert_max_num_queries(18):
        response = public_client.get(page.url)
    html = response.content.decode()
    assert html.count('class="fr-accordion"') == count
    assert len(json_ld(html)[0]["mainEntity"]) == count


def test_faq_page_is_created_in_the_admin(public_client, make_user, public_home, faq):
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    response = public_client.get(f"/admin/pages/add/pages/faqpage/{public_home.pk}/")
    assert response.status_code == 200
    assert public_client.get(f"/admin/pages/{faq.pk}/edit/").status_code == 200
