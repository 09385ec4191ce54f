"""Multiple choices in the admin, as a person sees them: each category of a news article on
a line of its own, its label beside its box (the DSFR's widget templates, used by every form,
would run them on one line)."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from pages.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.roles import EDITORS
from tests.browser.test_workflow import sign_in_with_code
from tests.helpers.accounts import activate_totp

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_each_category_is_on_its_own_line_beside_its_label(new_page, urls, sites, make_user):
    editor = make_user("editrice@example.org", EDITORS)
    secret = activate_totp(editor)
    french = Locale.objects.get(language_code="fr")
    for name, slug in (("Patrimoine", "patrimoine"), ("Musées", "musees"),
                       ("Archéologie", "archeologie")):
        NewsCategory.objects.create(name=name, slug=slug, locale=french)
    news = NewsIndexPage(title="Actualités", slug="actualites")
    sites[0].root_page.add_child(instance=news)
    article = NewsArticlePage(title="Restauration du vitrail", slug="vitrail")
    news.add_child(instance=article)

    page = new_page()
    sign_in_with_code(page, f"{urls['public']}/admin/pages/{article.pk}/edit/", editor, secret)
    boxes = [page.get_by_label(name, exact=True)
             for name in ("Archéologie", "Musées", "Patrimoine")]
    for box in boxes:
        expect(box).to_be_visible()
    tops = [box.bounding_box()["y"] for box in boxes]
    assert len({round(top) for top in tops}) == 3  # one per line
    for name, box in zip(("Archéologie", "Musées", "Patrimoine"), boxes, strict=True):
        label = page.locator("label", has_text=name).first.bounding_box()
        square = box.bounding_box()
        assert label["x"] > square["x"] + square["width"] - 1  # beside its box…
        assert abs((label["y"] + label["height"] / 2) - (square["y"] + square["height"] / 2)) < 12
    boxes[1].check()
    expect(boxes[1]).to_be_checked()
