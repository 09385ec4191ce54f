"""Editors read their sites' settings (footer links, directorate identity) in the admin,
on the settings screen drawn read-only; they cannot save it. Moderators edit them."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from portal.models import FooterLinks, SiteIdentity
from portal.roles import EDITORS, MODERATORS, PARTNERS
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db

READ_ONLY_NOTE = "You may read these settings. Ask a moderator to change them."


def signed_in(email, *groups):
    user = create_user(email, *groups)
    activate_totp(user)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(user)
    return client


@pytest.fixture
def footer(sites, public_home):
    links = FooterLinks.for_site(sites[0])
    links.legal_notice_page = add_page(public_home, "Mentions légales", "mentions-legales")
    links.sitemap_url = "/plan-du-site/"
    links.save()
    return links


def url(model, site):
    return f"/admin/settings/portal/{model._meta.model_name}/{site.pk}/"


def test_an_editor_reads_the_footer_links_without_a_form(sites, footer):
    client = signed_in("redactrice@example.org", EDITORS)
    response = client.get(url(FooterLinks, sites[0]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/plan-du-site/" in html
    assert "Mentions légales" in html
    assert 'name="sitemap_url"' not in html
    assert 'type="submit"' not in html.split('id="w-editor-form"')[1].split("</form>")[0]
    with translation.override("fr"):
        assert gettext(READ_ONLY_NOTE) in html


def test_an_editor_cannot_save_the_settings(sites, footer):
    client = signed_in("redactrice@example.org", EDITORS)
    response = client.post(url(FooterLinks, sites[0]), {"sitemap_url": "/ailleurs/"})
    assert response.status_code == 403
    footer.refresh_from_db()
    assert footer.sitemap_url == "/plan-du-site/"
    identity = SiteIdentity.for_site(sites[0])
    response = client.post(url(SiteIdentity, sites[0]), {"tagline": "Changé"})
    assert response.status_code == 403
    assert SiteIdentity.for_site(sites[0]).tagline == identity.tagline


def test_an_editor_switches_between_the_sites_they_read(sites, footer):
    client = signed_in("redactrice@example.org", EDITORS)
    html = client.get(url(SiteIdentity, sites[1])).content.decode()
    assert 'id="settings-site-switch"' in html
    assert url(SiteIdentity, sites[0]) in html


def test_the_editors_menu_opens_the_settings_of_the_current_site(sites, footer):
    client = signed_in("redactrice@example.org", EDITORS)
    assert "/admin/settings/portal/footerlinks/" in client.get("/admin/").content.decode()
    response = client.get("/admin/settings/portal/footerlinks/")
    assert response.status_code == 302
    assert response["Location"] == url(FooterLinks, sites[0])


def test_a_moderator_edits_the_footer_links(sites, footer):
    client = signed_in("moderateur@example.org", MODERATORS)
    html = client.get(url(FooterLinks, sites[0])).content.decode()
    assert 'name="sitemap_url"' in html
    assert READ_ONLY_NOTE not in html
    response = client.post(url(FooterLinks, sites[0]), {
        "sitemap_url": "/plan/", "accessibility_conformity": "partial",
        "legal_notice_page": footer.legal_notice_page_id})
    assert response.status_code == 302
    footer.refresh_from_db()
    assert footer.sitemap_url == "/plan/"


def test_a_partner_may_not_even_read_them(sites, footer):
    client = signed_in("partenaire@example.org", PARTNERS)
    assert client.get(url(FooterLinks, sites[0])).status_code in (302, 403)
    assert client.get("/admin/settings/portal/footerlinks/").status_code in (302, 403)
