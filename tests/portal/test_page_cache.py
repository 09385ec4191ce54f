"""The anonymous page cache of the public site (portal/page_cache.py) and the layout cache
(portal/layout.py): what is kept, for whom, and when it is dropped."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, PageViewRestriction

from pages.models import ContactPage, ContactTopic, NewsCategory, Question, StandardPage
from portal import layout
from portal.models import SiteIdentity
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db

CACHE = "X-Relais-Cache"


def anonymous():
    return Client(HTTP_HOST=settings.PUBLIC_HOST)


def menu_titles(response) -> list[str]:
    nav = response.content.decode().split('id="main-navigation"')[1].split("</nav>")[0]
    return re.findall(r'class="fr-nav__link" href="[^"]*"[^>]*>([^<]+)<', nav)


@pytest.fixture
def section(public_home):
    return add_page(public_home, "Patrimoine", "patrimoine", show_in_menus=True)


def test_second_anonymous_visit_is_served_from_the_cache_without_a_query(
        section, django_assert_num_queries):
    first = anonymous().get(section.url)
    assert first[CACHE] == "miss"
    with django_assert_num_queries(0):
        second = anonymous().get(section.url)
    assert second[CACHE] == "hit" and second.status_code == 200
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    # The outer middleware still speaks on a hit.
    assert second["Content-Security-Policy"] and second["Content-Language"] == "fr"


def test_french_and_english_never_swap(public_home, section):
    english = public_home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Home"
    english.save_revision().publish()
    for _round in range(2):
        french_page = anonymous().get("/")
        english_page = anonymous().get("/en/")
        assert '<html lang="fr"' in french_page.content.decode()
        assert '<html lang="en"' in english_page.content.decode()
    assert french_page[CACHE] == english_page[CACHE] == "hit"


def test_a_signed_in_page_is_never_served_to_an_anonymous_visitor_nor_the_reverse(
        section, staff_bretagne):
    agent = anonymous()
    agent.force_login(staff_bretagne)
    with translation.override("fr"):
        sign_out = f'href="{reverse("account_logout")}"'
    signed_in = agent.get(section.url)
    assert sign_out in signed_in.content.decode()
    assert CACHE not in signed_in and "private" in signed_in["Cache-Control"]
    visitor = anonymous().get(section.url)
    assert visitor[CACHE] == "miss" and sign_out not in visitor.content.decode()
    again = agent.get(section.url)  # the anonymous copy is now cached: the agent gets theirs
    assert CACHE not in again and sign_out in again.content.decode()
    assert anonymous().get(section.url)[CACHE] == "hit"


def test_the_intranet_is_never_cached(intranet_home, staff_bretagne):
    agent = Client(HTTP_HOST=settings.INTRANET_HOST)
    agent.force_login(staff_bretagne)
    for _round in range(2):
        response = agent.get("/")
        assert response.status_code == 200 and CACHE not in response
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def message_cookie(text) -> str:
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(messages.INFO, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[CookieStorage.cookie_name].value


def test_a_visitor_never_gets_another_visitors_message(section):
    anne = anonymous()
    anne.cookies[CookieStorage.cookie_name] = message_cookie("Message pour Anne")
    hers = anne.get(section.url)
    assert "Message pour Anne" in hers.content.decode() and CACHE not in hers
    other = anonymous().get(section.url)
    assert "Message pour Anne" not in other.content.decode()
    cached = anonymous().get(section.url)
    assert cached[CACHE] == "hit" and "Message pour Anne" not in cached.content.decode()


@pytest.fixture
def contact_page(public_home):
    ContactTopic.objects.create(name="Archéologie", email="sra@example.org",
                                locale=Locale.objects.get(language_code="fr"))
    page = ContactPage(title="Nous contacter", slug="nous-contacter", retention_months=12)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def csrf_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"',
                     response.content.decode()).group(1)


def test_pages_with_a_form_are_made_for_each_visitor_and_the_form_still_works(
        contact_page, django_capture_on_commit_callbacks):
    anne, paul = (Client(HTTP_HOST=settings.PUBLIC_HOST, enforce_csrf_checks=True)
                  for _ in range(2))
    annes_page, pauls_page = anne.get(contact_page.url), paul.get(contact_page.url)
    assert CACHE not in annes_page and CACHE not in pauls_page
    assert "no-store" in pauls_page["Cache-Control"]
    assert anne.cookies["csrftoken"].value != paul.cookies["csrftoken"].value
    topic = ContactTopic.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = paul.post(contact_page.url, {
            "topic": topic.pk, "subject": "Fouilles", "message": "Bonjour,\nune question.",
            "visitor_type": "partner", "name": "Paul Le Gall", "email": "paul@example.org",
            "consent": "on", "website": "", "csrfmiddlewaretoken": csrf_token(pauls_page),
        })
    assert response.status_code == 302
    assert Question.objects.get().email == "paul@example.org"
    # The confirmation, with Paul's reference, is his alone.
    confirmation = paul.get(response["Location"])
    assert Question.objects.get().reference in confirmation.content.decode()
    assert CACHE not in confirmation and "private" in confirmation["Cache-Control"]


def test_publishing_unpublishing_and_a_setting_drop_the_cached_pages(public_home, section):
    assert menu_titles(anonymous().get("/")) == ["Accueil", "Patrimoine"]
    assert anonymous().get("/")[CACHE] == "hit"
    news = add_page(public_home, "Actualités", "actualites", show_in_menus=True)
    assert menu_titles(anonymous().get("/")) == ["Accueil", "Patrimoine", "Actualités"]
    news.unpublish()
    assert menu_titles(anonymous().get("/")) == ["Accueil", "Patrimoine"]
    identity = SiteIdentity.for_site(public_home.get_site())
    identity.directorate_name = "DRAC de Bretagne, nouvelle appellation"
    identity.save()
    assert "nouvelle appellation" in anonymous().get("/").content.decode()


def test_a_page_made_private_leaves_the_cache_and_the_menu(public_home, section):
    assert "Patrimoine" in menu_titles(anonymous().get("/"))
    anonymous().get(section.url)
    PageViewRestriction.objects.create(page=section,
                                       restriction_type=PageViewRestriction.LOGIN)
    assert "Patrimoine" not in menu_titles(anonymous().get("/"))
    assert anonymous().get(section.url).status_code == 302  # to the login page


def test_layout_costs_no_query_once_kept(public_home, section, settings):
    """Without the page cache, the second page reads neither settings, menus, locales nor
    restrictions: only the site, the page and what is its own."""
    settings.PAGE_CACHE_SECONDS = 0
    anonymous().get(section.url)
    with CaptureQueriesContext(connection) as captured:
        response = anonymous().get(section.url)
    assert response.status_code == 200 and CACHE not in response
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("portal_siteidentity", "portal_socialaccounts", "portal_footerlinks",
                  "wagtailcore_pageviewrestriction", "wagtailcore_locale\" ORDER BY"):
        assert table not in tables
    assert len(captured) <= 7  # Wagtail's routing, the page and its own lists


def test_restrictions_read_from_the_cache_still_refuse_and_follow_aliases(public_home,
                                                                          section):
    """Wagtail's serve check asks a page for its restrictions: unrestricted public pages answer
    from the cache, restricted ones and aliases of restricted ones still from the database."""
    private = add_page(public_home, "Réservé", "reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    alias = private.create_alias(parent=section, update_slug="copie-du-reserve")
    assert anonymous().get(section.url).status_code == 200
    assert anonymous().get(private.url).status_code == 302  # to the login page
    assert anonymous().get(alias.url).status_code == 302  # the alias takes its restriction
    under_alias = add_page(alias, "Sous la copie", "sous-la-copie")
    assert anonymous().get(under_alias.url).status_code == 302


def test_a_scheduled_page_going_live_drops_the_cached_pages(public_home, section):
    page = StandardPage(title="Programme", slug="programme", show_in_menus=True, live=False)
    public_home.add_child(instance=page)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    anonymous().get("/")
    cached = anonymous().get("/")
    assert cached[CACHE] == "hit" and "Programme" not in menu_titles(cached)
    call_command("publish_scheduled", stdout=StringIO())
    assert "Programme" in menu_titles(anonymous().get("/"))


def test_a_snippet_pages_show_drops_the_cached_pages_and_a_question_does_not(public_home):
    before = layout.generation()
    NewsCategory.objects.create(name="Patrimoine", slug="patrimoine", locale=public_home.locale)
    after = layout.generation()
    assert after != before
    Question.objects.create(topic=ContactTopic.objects.create(
        name="Archéologie", email="sra@example.org", locale=public_home.locale),
        subject="Fouilles", message="Bonjour", name="Anne", email="anne@example.org",
        locale=public_home.locale)
    assert layout.generation() != after  # the topic: a snippet the contact page shows
    generation = layout.generation()
    Question.objects.create(topic=ContactTopic.objects.get(), subject="Fouilles 2",
                            message="Bonjour", name="Anne", email="anne@example.org",
                            locale=public_home.locale)
    assert layout.generation() == generation  # a visitor's question changes no page
