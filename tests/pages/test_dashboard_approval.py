"""A moderator approves a page from the dashboard's "Awaiting your review" panel: the page is
published and the dashboard says so."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from pages.models import NewsArticlePage, NewsIndexPage
from portal.roles import EDITORS, MODERATORS
from tests.helpers.accounts import activate_totp, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(public_home):
    editor = create_user("redactrice@example.org", EDITORS)
    news = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=news)
    news.save_revision().publish()
    article = NewsArticlePage(title="Restauration du vitrail", slug="vitrail", live=False)
    news.add_child(instance=article)
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    return article


@pytest.fixture
def moderator():
    user = create_user("moderateur@example.org", MODERATORS)
    activate_totp(user)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(user)
    return client


def action_url(page, action):
    task_state = page.current_workflow_task_state
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/?next=/admin/"


def said(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_approving_from_the_dashboard_publishes_and_says_so(moderator, pending):
    dashboard_button = action_url(pending, "approve").removesuffix("?next=/admin/")
    assert dashboard_button in moderator.get("/admin/").content.decode()
    response = moderator.post(action_url(pending, "approve"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    pending.refresh_from_db()
    assert pending.live
    with translation.override("fr"):
        expected = gettext("Page “%(title)s” approved and published.") % {
            "title": "Restauration du vitrail"}
    assert said(response) == [expected]


def test_requesting_changes_from_the_dashboard_says_so(moderator, pending):
    response = moderator.post(action_url(pending, "reject"), {"comment": "Une coquille."})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert not pending.live
    with translation.override("fr"):
        expected = gettext("Changes requested on page “%(title)s”.") % {
            "title": "Restauration du vitrail"}
    assert said(response) == [expected]


def test_an_editor_may_not_approve(pending):
    editor = create_user("autre@example.org", EDITORS)
    activate_totp(editor)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(editor)
    client.post(action_url(pending, "approve"))
    pending.refresh_from_db()
    assert not pending.live
