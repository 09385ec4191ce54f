"""A visitor and an agent search the same word from the header, in a real browser: each sees
what they may open, with facets, highlights and suggestions (database mode, and no script
that the Content-Security-Policy blocks)."""

import re

import pytest
from playwright.sync_api import expect

from search import indexing
from tests.browser.test_foundation import sign_in
from tests.helpers.pages import add_page
from tests.helpers.search import restrict

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def searchable(sites, directorates):
    public_home, intranet_home = sites[0].root_page, sites[1].root_page
    add_page(public_home, "Patrimoine de la région", "patrimoine",
             summary="Les monuments historiques de la région.")
    add_page(intranet_home, "Patrimoine : notes de service", "notes")
    restrict(add_page(intranet_home, "Patrimoine breton : réunion", "bzh"),
             directorates[0].staff_group)
    restrict(add_page(intranet_home, "Patrimoine normand : réunion", "normandie"),
             directorates[1].staff_group)
    indexing.rebuild()


def search_from_the_header(page, words):
    bar = page.get_by_role("banner").get_by_role("search")
    bar.get_by_role("combobox", name="Rechercher").fill(words)
    bar.get_by_role("button", name="Rechercher").click()


def test_a_visitor_and_an_agent_search_the_same_word(new_page, urls, searchable,
                                                     staff_bretagne):
    visitor = new_page()
    visitor.goto(urls["public"] + "/")
    search_from_the_header(visitor, "patrimoine")
    expect(visitor).to_have_url(re.compile(r"/recherche/\?q=patrimoine$"))
    main = visitor.get_by_role("main")
    expect(main.get_by_role("heading", level=2, name=re.compile("1 résultat"))).to_be_visible()
    expect(main.locator("mark").first).to_have_text("Patrimoine")
    expect(main.get_by_role("link", name="Patrimoine de la région")).to_be_visible()
    expect(main.get_by_text("breton")).to_have_count(0)

    agent = new_page()
    agent.goto(urls["intranet"] + "/")
    sign_in(agent, staff_bretagne.email)
    search_from_the_header(agent, "patrimoine")
    main = agent.get_by_role("main")
    expect(main.get_by_role("heading", level=2, name=re.compile("3 résultats"))).to_be_visible()
    expect(main.get_by_role("link", name="Patrimoine breton : réunion")).to_be_visible()
    expect(main.get_by_text("normand")).to_have_count(0)
    facets = main.get_by_role("navigation", name="Affiner les résultats")
    facets.get_by_role("link", name=re.compile("DRAC Bretagne")).click()
    expect(agent).to_have_url(re.compile(r"directorate=DRAC"))
    expect(main.get_by_role("heading", level=2, name=re.compile("1 résultat"))).to_be_visible()


def test_suggestions_as_one_types(page, urls, searchable):
    page.goto(urls["public"] + "/recherche/")
    field = page.get_by_role("main").get_by_role("combobox", name="Rechercher")
    field.press_sequentially("patri")
    options = page.locator("#search-page-suggestions option")
    expect(options).to_have_count(1)
    expect(options.first).to_have_attribute("value", "Patrimoine de la région")
