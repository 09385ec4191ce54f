"""An editor and a moderator each do the weekly tasks allowed to them in the French admin, and
are refused the others: the editor writes and submits a news article and reads the site
settings without being able to change them; the moderator finds what waits on the dashboard,
approves a page from it, and edits the footer links."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from pages.models import NewsArticlePage, NewsIndexPage
from portal.models import FooterLinks
from portal.roles import EDITORS
from tests.browser.test_workflow import sign_in_with_code
from tests.helpers.accounts import activate_totp

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def french(message, **values):
    with translation.override("fr"):
        return gettext(message) % values if values else gettext(message)


def news_index(home):
    news = NewsIndexPage(title="Actualités", slug="actualites")
    home.add_child(instance=news)
    news.save_revision().publish()
    return news


def open_setting(page, label):
    """The sidebar's Settings menu, then one of its entries."""
    page.get_by_role("button", name="Paramètres").click()
    page.get_by_role("link", name=label).click()


def test_an_editor_submits_a_news_article_and_only_reads_the_settings(new_page, urls, sites,
                                                                     make_user):
    editor = make_user("editrice@example.org", EDITORS, first_name="Élise")
    secret = activate_totp(editor)
    news = news_index(sites[0].root_page)
    footer = FooterLinks.for_site(sites[0])
    footer.sitemap_url = "/plan-du-site/"
    footer.save()

    page = new_page()
    sign_in_with_code(page, f"{urls['public']}/admin/pages/{news.pk}/", editor, secret)
    page.get_by_role("link", name=re.compile("Ajouter une sous-page")).first.click()
    title = page.get_by_role("textbox", name=re.compile("^Titre")).first
    title.fill("Journées du patrimoine 2026")
    title.press("Tab")
    page.get_by_role("button", name=re.compile("Plus d.actions")).click()
    page.get_by_role("button", name=re.compile("Soumettre")).click()
    expect(page.get_by_text(re.compile("soumise"))).to_be_visible()
    # Submitted, not published: editors do not publish.
    assert not NewsArticlePage.objects.get(title="Journées du patrimoine 2026").live
    expect(page.get_by_role("button", name=re.compile("^Publier"))).to_have_count(0)

    # The footer links: read, with no way to save them.
    open_setting(page, "Liens du pied de page")
    address = page.get_by_role("textbox", name=re.compile("plan du site", re.IGNORECASE))
    expect(address).to_have_text("/plan-du-site/")
    expect(address).to_have_attribute("aria-readonly", "true")
    expect(page.get_by_text(
        french("You may read these settings. Ask a moderator to change them."))).to_be_visible()
    expect(page.get_by_role("button", name="Enregistrer")).to_have_count(0)
    form = page.locator("#w-editor-form")
    expect(form.locator("input, select, textarea").filter(visible=True)).to_have_count(0)


def test_a_moderator_approves_from_the_dashboard_and_edits_the_footer_links(
        new_page, urls, sites, waiting_work):
    page = new_page()
    sign_in_with_code(page, f"{urls['public']}/admin/", waiting_work.moderator,
                      waiting_work.secret)
    waiting = page.locator("#awaiting-review-section")
    expect(waiting).to_contain_text("Restauration du vitrail")
    expect(page.locator("#events_to_moderate-section")).to_contain_text(
        "Visite de la chapelle (Bretagne)")
    expect(page.locator("#new_questions-section")).to_contain_text("Fouilles à Rennes")

    waiting.get_by_role("button", name="Actions").click()
    waiting.get_by_role("button", name="Approuver", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        french("Page “%(title)s” approved and published.", title="Restauration du vitrail"))
    waiting_work.article.refresh_from_db()
    assert waiting_work.article.live

    open_setting(page, "Liens du pied de page")
    address = page.get_by_role("textbox", name=re.compile("plan du site", re.IGNORECASE))
    address.fill("/plan/")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status")).to_contain_text("mis à jour")
    assert FooterLinks.for_site(sites[0]).sitemap_url == "/plan/"
