"""The main admin screens, rendered in French, speak French: the names that are data (role
groups, the workflow and its task, the roots of the page tree and of the collections) and the
texts of ours that go through gettext.

``test_no_english_data_names_in_the_french_admin`` checks the data names (migrations gave
them); ``test_no_english_texts_of_ours_in_the_french_admin`` checks our gettext texts, and
passes once the French catalogue (locale/) translates them.
"""

import re
from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from pages.models import NewsArticlePage, NewsIndexPage
from portal.roles import MODERATORS
from tests.helpers.accounts import activate_totp, create_user

pytestmark = pytest.mark.django_db

# Names that are data, as Wagtail and our first migrations gave them in English.
ENGLISH_DATA_NAMES = ["Editors", "Moderators", "Partners", "Event officers", "Staff –",
                      "Moderators approval", "Root"]
# Texts of ours (msgids) shown on these screens, which the French catalogue translates.
ENGLISH_TEXTS_OF_OURS = [
    "Public site", "Network intranet", "Languages", "New questions from the public",
    "New paper-copy requests", "Local events awaiting moderation", "E-mails not sent",
    "Pages expiring within two weeks", "See the whole list", "Nothing waits.", "Waiting:",
]


@pytest.fixture
def screens(public_home, intranet_home, directorates):
    index_page = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=index_page)
    index_page.save_revision().publish()
    article = NewsArticlePage(title="Journées du patrimoine", slug="jep")
    index_page.add_child(instance=article)
    article.save_revision().publish()
    root = Page.get_first_root_node()
    return {
        "dashboard": "/admin/",
        "page tree root": f"/admin/pages/{root.pk}/",
        "public site's pages": f"/admin/pages/{public_home.pk}/",
        "intranet's pages": f"/admin/pages/{intranet_home.pk}/",
        "page search": "/admin/pages/search/?q=patrimoine",
        "page editor": f"/admin/pages/{article.pk}/edit/",
        "translation form": f"/admin/localize/submit/page/{article.pk}/",
        "groups": "/admin/groups/",
        "workflows": "/admin/workflows/list/",
        "workflow tasks": "/admin/workflows/tasks/index/",
        "image upload": "/admin/images/multiple/add/",
        "users": "/admin/users/",
    }


@pytest.fixture
def moderator_client(make_user, directorates):
    # A moderator with every group's name in sight: users and groups are listed for them.
    user = create_user("moderateur@example.org", MODERATORS, directorates[0].staff_group,
                       superuser=True)
    activate_totp(user)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST, HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return client


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def rendered_in_french(client, screens) -> dict[str, str]:
    with translation.override("fr"):
        texts = {}
        for name, url in screens.items():
            response = client.get(url)
            assert response.status_code == 200, name
            texts[name] = visible_text(response.content.decode())
        return texts


def english_found(texts, words) -> list[tuple[str, str]]:
    return [(screen, word) for screen, text in texts.items() for word in words
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


def test_no_english_data_names_in_the_french_admin(moderator_client, screens):
    texts = rendered_in_french(moderator_client, screens)
    assert english_found(texts, ENGLISH_DATA_NAMES) == []
    assert "Validation par les modérateurs" in texts["workflows"]
    assert {"Rédacteurs", "Modérateurs", "Partenaires", "Agents – DRAC Bretagne"} <= {
        word for word in ("Rédacteurs", "Modérateurs", "Partenaires", "Agents – DRAC Bretagne")
        if word in texts["groups"]}
    # The search results' count line names what it counts.
    assert " None" not in texts["page search"]
    assert "Racine" in texts["image upload"]


def test_no_english_texts_of_ours_in_the_french_admin(moderator_client, screens):
    texts = rendered_in_french(moderator_client, screens)
    found = english_found(texts, ENGLISH_TEXTS_OF_OURS)
    assert found == [], "\n".join(f"{screen}: {word}" for screen, word in found)
