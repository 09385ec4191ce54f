"""A visitor reads the news of the public website, in a real browser."""

import re
from io import StringIO

import pytest
from django.utils import translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from pages.base.demo import load_intranet, load_public_site
from pages.models import NewsArticlePage
from pages.news import demo as news_demo

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_news(sites, directorates):
    public, intranet = sites
    public_home, intranet_home = public.root_page.specific, intranet.root_page.specific
    load_public_site(public_home)
    load_intranet(intranet_home)
    news_demo.load(public_home, intranet_home, StringIO())
    return sites


def test_visitor_filters_the_news_by_category_and_reads_an_article(page, urls, demo_news):
    article = NewsArticlePage.objects.get(slug="nuit-des-musees-programme")
    with translation.override("fr"):
        shown_date = date_format(article.date, "DATE_FORMAT")

    page.goto(urls["public"] + "/")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Actualités").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actualités")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=re.compile("Journées européennes du patrimoine"))
           ).to_be_visible()

    filters = main.get_by_role("search")  # the header has a search bar too
    filters.get_by_label(re.compile(r"^(Catégorie|Category)")).select_option(label="Musées")
    filters.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/actualites/\?category=musees"))
    expect(main.get_by_role("link", name=article.title)).to_be_visible()
    expect(main.get_by_role("link", name=re.compile("récolement"))).to_be_visible()
    expect(main.get_by_role("link", name=re.compile("Journées européennes du patrimoine"))
           ).to_have_count(0)

    main.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(main.locator("time").first).to_have_text(shown_date)
    expect(main.get_by_role("link", name="Musées", exact=True)).to_be_visible()
    expect(main.get_by_text(article.summary)).to_be_visible()


def test_visitor_copies_the_address_of_an_article(page, urls, demo_news):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=urls["public"])
    page.goto(urls["public"] + "/actualites/nuit-des-musees-programme/")
    share = page.locator(".fr-share")
    expect(share.get_by_role("link", name=re.compile("Facebook"))).to_be_visible()
    share.get_by_role("button", name=re.compile(r"^(Copy|Copier)")).click()
    expect(share.get_by_role("status")).not_to_be_empty()
    copied = page.evaluate("navigator.clipboard.readText()")
    # The address shared is the page's canonical one (the site's configured host).
    assert copied == page.locator('link[rel="canonical"]').get_attribute("href")
    assert copied.endswith("/actualites/nuit-des-musees-programme/")
