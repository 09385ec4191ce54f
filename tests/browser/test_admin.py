"""The editors' admin, in French, as a person uses it: an editor translates a news article
side by side; a moderator's dashboard lists what waits for them."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from pages.models import NewsArticlePage, NewsIndexPage
from portal.roles import EDITORS
from tests.browser.test_workflow import sign_in_with_code
from tests.helpers.accounts import activate_totp

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def news_article(home):
    news = NewsIndexPage(title="Actualités", slug="actualites")
    home.add_child(instance=news)
    news.save_revision().publish()
    article = NewsArticlePage(title="Restauration du vitrail", slug="vitrail",
                              summary="Le chantier commence en septembre.")
    news.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_an_editor_translates_a_news_article_side_by_side(new_page, urls, sites, make_user):
    editor = make_user("editrice@example.org", EDITORS, first_name="Élise")
    secret = activate_totp(editor)
    home = sites[0].root_page
    english = Locale.objects.get(language_code="en")
    home.specific.copy_for_translation(english).save_revision().publish()
    article = news_article(home)

    page = new_page()
    sign_in_with_code(page, f"{urls['public']}/admin/pages/{article.pk}/edit/", editor, secret)
    page.get_by_role("button", name=re.compile("Actions")).first.click()
    page.get_by_role("link", name=re.compile("Traduire")).first.click()
    # "Langues" once the catalogue translates our label; never Wagtail's "Régions".
    expect(page.locator("label", has_text=re.compile(r"^\s*(Langues|Languages)\b"))).to_be_visible()
    expect(page.get_by_text("Régions")).to_have_count(0)
    page.get_by_label("English").check()
    page.get_by_role("button", name="Soumettre").click()
    # The translation editor: each French text of the source beside its field.
    expect(page.get_by_text("Le chantier commence en septembre.").first).to_be_visible()
    expect(page.get_by_text("Restauration du vitrail").first).to_be_visible()
    assert article.get_translation(english).title == "Restauration du vitrail"


def test_the_moderators_dashboard_lists_what_waits(new_page, urls, waiting_work):
    page = new_page()
    sign_in_with_code(page, f"{urls['public']}/admin/", waiting_work.moderator,
                      waiting_work.secret)
    expect(page.locator("#awaiting-review-section")).to_contain_text("Restauration du vitrail")
    events = page.locator("#events_to_moderate-section")
    expect(events).to_contain_text("Visite de la chapelle (Bretagne)")
    questions = page.locator("#new_questions-section")
    expect(questions).to_contain_text("Fouilles à Rennes")
    questions.get_by_role("link", name=re.compile("Fouilles à Rennes")).click()
    page.wait_for_url(re.compile("/admin/snippets/pages/question/edit/"))
    expect(page.get_by_role("heading", name=re.compile("^Q-"))).to_be_visible()
