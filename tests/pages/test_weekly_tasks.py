"""Each role signs in to the admin and tries the officers' weekly tasks: those its job needs
are allowed, the others refused. The groups' rights come from migrations only: the accounts
here are in the real groups, with nothing added by hand."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from events.officers import OFFICER_GROUP
from pages.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.roles import EDITORS, MODERATORS, PARTNERS
from tests.helpers.accounts import activate_totp, create_user

pytestmark = pytest.mark.django_db

ALLOWED, REFUSED = True, False


@pytest.fixture
def content(public_home):
    index_page = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=index_page)
    index_page.save_revision().publish()
    article = NewsArticlePage(title="Journées du patrimoine", slug="jep")
    index_page.add_child(instance=article)
    article.save_revision().publish()
    category = NewsCategory.objects.create(name="Patrimoine", slug="patrimoine",
                                           locale=Locale.get_default())
    return {"home": public_home, "index": index_page, "article": article,
            "category": category}


def signed_in(*groups):
    user = create_user(f"{len(groups)}-{'-'.join(groups)}@example.org".replace(" ", ""),
                       *groups)
    activate_totp(user)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(user)
    return user, client


def opens(client, task) -> bool:
    """A task is a URL, or a URL and a form field the page must offer (an editing form, not
    the same values read-only)."""
    url, field = task if isinstance(task, tuple) else (task, None)
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    return response.status_code == 200 and (
        field is None or f'name="{field}"' in response.content.decode())


def weekly_tasks(content, sites):
    """What each task opens in the admin; every one is a GET that answers 200 when allowed."""
    public, _intranet = sites
    article, category = content["article"], content["category"]
    return {
        "write a news article": f"/admin/pages/add/pages/newsarticlepage/{content['index'].pk}/",
        "edit a page": f"/admin/pages/{article.pk}/edit/",
        "translate a page": f"/admin/localize/submit/page/{article.pk}/",
        "translate a news category":
            f"/admin/localize/submit/snippet/pages/newscategory/{category.pk}/",
        "answer the questions from the public": "/admin/snippets/pages/question/",
        "handle the paper-copy requests": "/admin/snippets/pages/papercopyrequest/",
        "upload a document": "/admin/documents/multiple/add/",
        "upload an image": "/admin/images/multiple/add/",
        "send a failed e-mail again": "/admin/outbox/",
        "read the site settings": f"/admin/settings/portal/siteidentity/{public.pk}/",
        "edit the footer links": (f"/admin/settings/portal/footerlinks/{public.pk}/",
                                  "sitemap_url"),
        "edit the site identity": (f"/admin/settings/portal/siteidentity/{public.pk}/",
                                   "tagline"),
        "create a new site's home page":
            f"/admin/pages/add/pages/homepage/{Page.get_first_root_node().pk}/",
        "moderate the local events": "/admin/snippets/events/localevent/",
    }


OFFICER_TASKS = {
    "write a news article", "edit a page", "translate a page", "translate a news category",
    "answer the questions from the public", "handle the paper-copy requests",
    "upload a document", "upload an image", "send a failed e-mail again",
    "read the site settings",
}
EXPECTED = {
    EDITORS: OFFICER_TASKS,
    MODERATORS: OFFICER_TASKS | {"edit the footer links", "edit the site identity"},
    OFFICER_GROUP: {"moderate the local events"},
    PARTNERS: set(),
}


@pytest.mark.parametrize("group", list(EXPECTED))
def test_each_group_may_do_its_weekly_tasks_and_no_other(group, content, sites):
    _user, client = signed_in(group)
    allowed = {name for name, task in weekly_tasks(content, sites).items()
               if opens(client, task)}
    assert allowed == EXPECTED[group]


def test_editors_submit_and_moderators_publish(content, sites):
    editor, _client = signed_in(EDITORS)
    moderator, _client = signed_in(MODERATORS)
    article = content["article"]
    assert article.permissions_for_user(editor).can_edit()
    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(moderator).can_publish()


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_officers_translate_a_page_and_a_snippet(group, content, sites):
    _user, client = signed_in(group)
    english = Locale.objects.get(language_code="en")
    home, article, category = content["home"], content["article"], content["category"]
    response = client.post(f"/admin/localize/submit/page/{home.pk}/",
                           {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302
    article_en = article.get_translation(english)
    # The English copy opens in the side-by-side translation editor.
    response = client.get(f"/admin/pages/{article_en.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in response.templates]
    response = client.post(
        f"/admin/localize/submit/snippet/pages/newscategory/{category.pk}/",
        {"locales": [english.pk]})
    assert response.status_code == 302
    assert category.get_translation(english).name == "Patrimoine"


def test_the_language_field_of_the_translation_form_names_languages(content, sites):
    _user, client = signed_in(EDITORS)
    html = client.get(f"/admin/localize/submit/page/{content['article'].pk}/",
                      HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Régions" not in html
    assert 'name="locales"' in html


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_officers_are_refused_a_new_home_page_at_the_root(group, sites):
    _user, client = signed_in(group)
    root = Page.get_first_root_node()
    count = Page.objects.count()
    response = client.post(f"/admin/pages/add/pages/homepage/{root.pk}/",
                           {"title": "Nouveau site", "slug": "nouveau-site"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{root.pk}/"
    assert Page.objects.count() == count


def test_an_administrator_may_still_start_a_site(admin_client, sites):
    root = Page.get_first_root_node()
    assert admin_client.get(f"/admin/pages/add/pages/homepage/{root.pk}/").status_code == 200


def test_an_editor_keeps_the_english_copy_in_sync_with_the_french_source(content, sites):
    _user, client = signed_in(EDITORS)
    english = Locale.objects.get(language_code="en")
    home, article = content["home"], content["article"]
    client.post(f"/admin/localize/submit/page/{home.pk}/",
                {"locales": [english.pk], "include_subtree": "on"})
    article_en = article.get_translation(english)
    article.date = article.date.replace(year=article.date.year - 1)
    article.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(article)
    response = client.post(f"/admin/localize/update/{source.pk}/",
                           {"publish_translations": "on"})
    assert response.status_code == 302
    article_en.refresh_from_db()
    assert article_en.date == article.date
