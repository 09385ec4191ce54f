"""The footer's mandatory links (site map, accessibility, legal notice, personal data), edited
per site in the admin and following the visitor's language."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from portal.models import FooterLinks
from tests.helpers.accounts import activate_totp
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db


def bottom_links(html):
    bottom = html.split('class="fr-footer__bottom-list"')[1].split("</ul>")[0]
    return re.findall(r'<a class="fr-footer__bottom-link" href="([^"]+)">([^<]+)</a>', bottom)


@pytest.fixture
def legal_pages(public_home):
    return {
        "accessibility": add_page(public_home, "Déclaration d’accessibilité", "accessibilite"),
        "legal": add_page(public_home, "Mentions légales", "mentions-legales"),
        "data": add_page(public_home, "Données personnelles", "donnees-personnelles"),
    }


@pytest.fixture
def footer(sites, legal_pages):
    links = FooterLinks.for_site(sites[0])
    links.accessibility_page = legal_pages["accessibility"]
    links.accessibility_conformity = FooterLinks.Conformity.PARTIAL
    links.legal_notice_page = legal_pages["legal"]
    links.personal_data_page = legal_pages["data"]
    links.sitemap_url = "/plan-du-site/"
    links.save()
    return links


def test_no_links_until_they_are_set(public_client, public_home):
    assert bottom_links(public_client.get("/").content.decode()) == []


def test_footer_shows_the_chosen_pages_with_the_compliance_status(public_client, footer):
    links = bottom_links(public_client.get("/").content.decode())
    assert [url for url, _label in links] == [
        "/plan-du-site/", "/accessibilite/", "/mentions-legales/", "/donnees-personnelles/"]
    # The DSFR wants the status in the link text; each status has its own text.
    labels = {label for _url, label in links}
    assert str(footer.accessibility_label) in labels
    assert footer.accessibility_label != FooterLinks.ACCESSIBILITY_LABELS["none"]


def test_english_visitors_get_the_english_translations(public_client, public_home, footer,
                                                       legal_pages):
    english = Locale.objects.get(language_code="en")
    public_home.copy_for_translation(english).save_revision().publish()
    notice_en = legal_pages["legal"].copy_for_translation(english)
    notice_en.title, notice_en.slug = "Legal notice", "legal-notice"
    notice_en.save_revision().publish()
    public_client.get("/en/")  # warm the site-root cache
    links = dict(bottom_links(public_client.get("/en/").content.decode()))
    assert links["/en/legal-notice/"] == "Legal notice"
    # Without a translation, the French statement is linked, with the English link text.
    assert links["/accessibilite/"] == "Accessibility: partially compliant"


def test_unpublished_pages_are_not_linked(public_client, footer, legal_pages):
    legal_pages["data"].unpublish()
    urls = [url for url, _label in bottom_links(public_client.get("/").content.decode())]
    assert "/donnees-personnelles/" not in urls and "/mentions-legales/" in urls


def test_public_footer_cannot_point_to_the_intranet(sites, intranet_home):
    secret = add_page(intranet_home, "Note interne", "note")
    links = FooterLinks.for_site(sites[0])
    links.legal_notice_page = secret
    with pytest.raises(ValidationError) as error:
        links.full_clean()
    assert "legal_notice_page" in error.value.message_dict
    intranet_links = FooterLinks.for_site(sites[1])
    intranet_links.legal_notice_page = secret
    intranet_links.full_clean()


def test_sitemap_address_must_be_a_path_or_a_web_address(sites):
    links = FooterLinks.for_site(sites[0])
    links.sitemap_url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        links.full_clean()
    assert "sitemap_url" in error.value.message_dict


def test_footer_links_are_edited_in_the_admin(public_client, make_user, sites, legal_pages):
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    url = f"/admin/settings/portal/footerlinks/{sites[0].pk}/"
    assert public_client.get(url).status_code == 200
    response = public_client.post(url, {
        "accessibility_page": legal_pages["accessibility"].pk,
        "accessibility_conformity": "full",
        "legal_notice_page": legal_pages["legal"].pk,
        "personal_data_page": "", "sitemap_url": "",
    })
    assert response.status_code == 302
    links = FooterLinks.for_site(sites[0])
    assert links.accessibility_conformity == "full"
    assert links.legal_notice_page_id == legal_pages["legal"].pk


@pytest.mark.parametrize("extra_pages", [0, 3])
def test_footer_links_cost_a_fixed_number_of_queries(public_client, footer, public_home,
                                                     extra_pages, django_assert_max_num_queries):
    for number in range(extra_pages):
        add_page(public_home, f"Rubrique {number}", f"rubrique-{number}")
    public_client.get("/")
    # The home page's own budget (tests/events/test_home.py): besides the footer, its sections
    # read the news, events and publications it shows. What matters here: it does not grow.
    with django_assert_max_num_queries(29):
        response = public_client.get("/")
    assert len(bottom_links(response.content.decode())) == 4
