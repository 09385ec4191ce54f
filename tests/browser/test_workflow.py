"""An editor writes a news article and submits it; a moderator publishes it: all in the
Wagtail admin."""

import re

import pytest
from playwright.sync_api import expect

from pages.models import NewsIndexPage
from tests.helpers.accounts import PASSWORD, activate_totp, current_totp_code

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in_with_code(page, url, user, secret):
    page.goto(url)
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.get_by_label("Code", exact=True).fill(current_totp_code(secret))
    page.get_by_role("button", name="Connexion").click()


def test_editor_submits_and_moderator_publishes(new_page, urls, sites, make_user):
    editor = make_user("editrice@example.org", "Rédacteurs", first_name="Élise")
    moderator = make_user("moderateur@example.org", "Modérateurs", first_name="Yann")
    editor_secret, moderator_secret = activate_totp(editor), activate_totp(moderator)
    news = NewsIndexPage(title="Actualités", slug="actualites")
    sites[0].root_page.add_child(instance=news)
    news.save_revision().publish()

    editing = new_page()
    sign_in_with_code(editing, f"{urls['public']}/admin/pages/{news.pk}/", editor, editor_secret)
    expect(editing.get_by_role("heading", level=1)).to_contain_text("Actualités")
    editing.get_by_role("link", name=re.compile("Ajouter une sous-page")).first.click()
    title = editing.get_by_role("textbox", name=re.compile("^Titre")).first
    title.fill("Restauration du vitrail de l’abbatiale")
    title.press("Tab")  # the slug follows the title when the field is left
    editing.get_by_role("button", name=re.compile("Plus d.actions")).click()
    editing.get_by_role("button", name=re.compile("Soumettre")).click()
    expect(editing.get_by_text(re.compile("soumise"))).to_be_visible()

    visitor = new_page()
    response = visitor.goto(f"{urls['public']}/actualites/restauration-du-vitrail-de-labbatiale/")
    assert response.status == 404  # not published yet

    moderating = new_page()
    sign_in_with_code(moderating, f"{urls['public']}/admin/", moderator, moderator_secret)
    moderating.get_by_role("link", name=re.compile("Restauration du vitrail")).first.click()
    moderating.get_by_role("button", name=re.compile("Plus d.actions")).click()
    moderating.get_by_role("button", name=re.compile("Approuver")).first.click()
    # Approving the moderators' (only) task publishes the page; Wagtail says it was updated
    # and returns to the explorer. The visitor's view below proves it went live.
    expect(moderating.get_by_role("status")).to_contain_text(
        "La page « Restauration du vitrail de l’abbatiale » a été mise à jour.")

    visitor.goto(f"{urls['public']}/actualites/")
    visitor.get_by_role("link", name="Restauration du vitrail de l’abbatiale").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Restauration du vitrail de l’abbatiale")
