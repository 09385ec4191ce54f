import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.blocks import CalloutBlock, LinkBlock
from pages.models import HomePage, IntranetHomePage, StandardPage
from portal.models import SiteIdentity, SocialAccounts
from tests.helpers.accounts import activate_totp
from tests.helpers.pages import add_page

Document = get_document_model()

pytestmark = pytest.mark.django_db


def test_home_page_has_dsfr_landmarks_skip_links_and_one_h1(public_client, public_home):
    html = public_client.get("/").content.decode()
    assert '<html lang="fr"' in html
    for anchor in ('href="#content"', 'href="#main-navigation"', 'href="#footer"'):
        assert anchor in html
    for landmark in ('role="banner"', '<main id="content"', 'role="contentinfo"',
                     'id="main-navigation"'):
        assert landmark in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "dsfr.module.min.js" in html and "dsfr.min.css" in html
    assert "<script>" not in html  # no inline script


def test_header_shows_the_bloc_marque_from_site_settings(public_client, sites):
    identity = SiteIdentity.for_site(sites[0])
    identity.ministry_name = "Ministère\nde la Transition écologique"
    identity.directorate_name = "Direction régionale de l’environnement de Bretagne"
    identity.save()
    html = public_client.get("/").content.decode()
    assert '<p class="fr-logo">Ministère<br>de la Transition écologique</p>' in html
    assert "Direction régionale de l’environnement de Bretagne" in html


def test_social_accounts_appear_in_the_footer_only_when_set(public_client, sites):
    assert "fr-follow" not in public_client.get("/").content.decode()
    social = SocialAccounts.for_site(sites[0])
    social.mastodon = "https://social.example.org/@drac"
    social.save()
    html = public_client.get("/").content.decode()
    assert 'class="fr-btn--mastodon fr-btn" href="https://social.example.org/@drac"' in html


def test_main_menu_lists_live_menu_pages_only(public_client, public_home):
    add_page(public_home, "Patrimoine", "patrimoine", show_in_menus=True)
    add_page(public_home, "Mentions légales", "mentions-legales", show_in_menus=False)
    draft = StandardPage(title="Brouillon secret", slug="brouillon", show_in_menus=True, live=False)
    public_home.add_child(instance=draft)
    draft.save_revision()
    html = public_client.get("/").content.decode()
    menu = html.split('id="main-navigation"')[1].split("</nav>")[0]
    assert "Patrimoine" in menu
    assert "Mentions légales" not in menu
    assert "Brouillon secret" not in menu


def test_breadcrumb_leads_back_through_the_ancestors(public_client, public_home):
    section = add_page(public_home, "Patrimoine", "patrimoine")
    add_page(section, "Monuments historiques", "monuments")
    html = public_client.get("/patrimoine/monuments/").content.decode()
    crumb = html.split('class="fr-breadcrumb"')[1].split("</nav>")[0]
    assert '<a class="fr-breadcrumb__link" href="/patrimoine/">Patrimoine</a>' in crumb
    assert 'aria-current="page">Monuments historiques</a>' in crumb


def test_english_translation_and_language_switcher(public_client, public_home):
    page = add_page(public_home, "Patrimoine", "patrimoine")
    english = Locale.objects.get(language_code="en")
    home_en = public_home.copy_for_translation(english)
    home_en.save_revision().publish()
    page_en = page.copy_for_translation(english)
    page_en.title = "Heritage"
    page_en.slug = "heritage"
    page_en.save_revision().publish()

    french_html = public_client.get("/patrimoine/").content.decode()
    assert 'hreflang="en" lang="en" href="/en/heritage/"' in french_html
    english_response = public_client.get("/en/heritage/")
    assert english_response.status_code == 200
    english_html = english_response.content.decode()
    assert '<html lang="en"' in english_html
    assert 'hreflang="fr" lang="fr" href="/patrimoine/"' in english_html
    assert "Sign in" in english_html


def test_language_switcher_says_when_a_page_is_not_translated(public_client, public_home):
    add_page(public_home, "Seulement en français", "seulement-fr")
    public_home.copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()
    html = public_client.get("/seulement-fr/").content.decode()
    switcher = html.split('class="fr-translate fr-nav"')[1].split("</nav>")[0]
    # English leads to the English home page, and says why.
    assert 'hreflang="en" lang="en" href="/en/"' in switcher
    assert "(page non traduite : page d’accueil)" in switcher
    assert 'href="/seulement-fr/" aria-current="true"' in switcher


def test_language_switcher_on_views_that_are_not_pages(public_client, sites):
    html = public_client.get("/accounts/login/").content.decode()
    assert 'hreflang="en" lang="en" href="/en/accounts/login/"' in html


def test_every_body_block_renders(public_client, public_home, sites):
    document = Document(title="Rapport annuel")
    from django.core.files.base import ContentFile

    document.file.save("rapport.pdf", ContentFile(b"%PDF-1.4 fake"), save=False)
    document.save()
    target = add_page(public_home, "Contact", "contact")
    add_page(public_home, "Tous les blocs", "blocs", body=[
        ("heading", {"text": "Un titre de section", "level": "h2"}),
        ("paragraph", RichText("<p>Un <b>paragraphe</b>.</p>")),
        ("quote", {"quote": "La culture pour tous", "author": "Malraux", "source": ""}),
        ("callout", {"title": "À savoir", "text": RichText("<p>Important</p>"), "link": target,
                     "link_label": "Nous écrire"}),
        ("document", {"document": document, "title": ""}),
        ("links", {"title": "Liens utiles", "links": [
            {"page": target, "url": "", "label": ""},
            {"page": None, "url": "https://www.culture.gouv.fr", "label": "Ministère"}]}),
        ("accordions", {"items": [{"title": "Question", "body": RichText("<p>Réponse</p>")}]}),
    ])
    html = public_client.get("/blocs/").content.decode()
    assert '<h2 id="un-titre-de-section">Un titre de section</h2>' in html
    assert "Un <b>paragraphe</b>." in html
    assert "« La culture pour tous »" in html
    assert '<a class="fr-btn" href="/contact/">Nous écrire</a>' in html
    assert "Rapport annuel" in html and "PDF – 13" in html
    assert 'href="https://www.culture.gouv.fr" rel="noopener">Ministère</a>' in html
    assert 'class="fr-accordion__btn"' in html and "Réponse" in html


def test_callout_link_needs_a_label():
    block = CalloutBlock()
    value = block.to_python({"title": "", "text": "<p>x</p>", "link": None, "link_label": ""})
    block.clean(value)  # no link, no label: fine
    page = Page.get_first_root_node()
    value = block.to_python({"title": "", "text": "<p>x</p>", "link": page.pk, "link_label": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "link_label" in error.value.block_errors


@pytest.mark.parametrize("page_set,url,label,field", [
    (True, "https://example.org", "x", "url"),
    (False, "", "", "url"),
    (False, "https://example.org", "", "label"),
])
def test_link_block_wants_one_target_and_a_label_for_external_links(page_set, url, label, field):
    block = LinkBlock()
    page = Page.get_first_root_node()
    value = block.to_python({"page": page.pk if page_set else None, "url": url, "label": label})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert field in error.value.block_errors
    assert isinstance(error.value.block_errors[field], ValidationError)


def test_page_types_go_where_they_belong(public_home, intranet_home):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root) and IntranetHomePage.can_create_at(root)
    assert not StandardPage.can_create_at(root)
    assert StandardPage.can_create_at(public_home) and StandardPage.can_create_at(intranet_home)
    assert not HomePage.can_create_at(public_home)


def test_sharing_fields_fall_back_sensibly(public_home):
    page = add_page(public_home, "Patrimoine", "patrimoine", summary="Résumé de la page")
    assert page.sharing_title == "Patrimoine"
    assert page.sharing_description == "Résumé de la page"
    page.social_title = "Le patrimoine en région"
    page.search_description = "Description pour les moteurs"
    assert page.sharing_title == "Le patrimoine en région"
    assert page.sharing_description == "Description pour les moteurs"


@pytest.mark.parametrize("children", [5, 50])
def test_intranet_home_queries_do_not_grow_with_its_children(
    intranet_client, intranet_home, staff_bretagne, children, django_assert_max_num_queries
):
    for number in range(children):
        add_page(intranet_home, f"Espace {number}", f"espace-{number}", show_in_menus=True)
    intranet_client.force_login(staff_bretagne)
    intranet_client.get("/")
    with django_assert_max_num_queries(30):
        response = intranet_client.get("/")
    assert response.content.decode().count('class="fr-card fr-enlarge-link"') == children


def test_stream_value_helpers_exist(public_home):
    assert isinstance(public_home.body, StreamValue)


def post_body_with_link(client, page, target):
    """Publish the page from the admin with a rich-text link to ``target``."""
    link = {"blocks": [{"key": "a", "text": "Voir cette page", "type": "unstyled", "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [{"offset": 5, "length": 10, "key": 0}]}],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE",
                                "data": {"id": target.pk}}}}
    data = nested_form_data({
        "title": page.title, "slug": page.slug, "summary": "",
        "body": streamfield([("paragraph", json.dumps(link))]),
        "action-publish": "publish",
    })
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_a_public_page_cannot_link_to_an_intranet_page(
    public_client, make_user, public_home, intranet_home
):
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    secret = add_page(intranet_home, "Note confidentielle", "note")
    public_page = add_page(public_home, "Actualité", "actualite")
    response = post_body_with_link(public_client, public_page, secret)
    assert response.status_code == 200
    assert "« Note confidentielle »" in response.content.decode()
    public_page.refresh_from_db()
    assert "Note confidentielle" not in str(public_page.specific.body.raw_data)

    # The same link inside the intranet is fine.
    intranet_page = add_page(intranet_home, "Vie du réseau", "vie")
    response = post_body_with_link(public_client, intranet_page, secret)
    assert response.status_code == 302
    intranet_page.refresh_from_db()
    assert f'id="{secret.pk}"' in str(intranet_page.specific.body.raw_data)
