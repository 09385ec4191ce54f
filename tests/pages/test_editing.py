"""What Wagtail gives editors, set up for Relais: moderation, translation, error pages."""

import pytest
from django.test import RequestFactory
from django.utils.html import escape
from wagtail.models import Locale, get_page_models

from pages.models import ContactPage, NewsIndexPage, StandardPage
from portal.views import server_error
from tests.helpers.accounts import activate_totp
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db


def test_editors_submit_and_moderators_publish(public_home, editor, make_user):
    moderator = make_user("moderateur@example.org", "Modérateurs")
    page = add_page(public_home, "Patrimoine", "patrimoine")
    editor_permissions = page.permissions_for_user(editor)
    assert editor_permissions.can_edit()
    assert not editor_permissions.can_publish()
    assert page.get_workflow() is not None
    assert page.get_workflow().tasks.get().specific.groups.filter(name="Modérateurs").exists()
    assert page.permissions_for_user(moderator).can_publish()


def test_a_page_can_be_translated_from_the_admin(public_client, make_user, public_home):
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    page = add_page(public_home, "Patrimoine", "patrimoine")
    english = Locale.objects.get(language_code="en")
    url = f"/admin/localize/submit/page/{public_home.pk}/"
    assert public_client.get(url).status_code == 200
    response = public_client.post(url, {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302
    assert page.get_translation_or_none(english) is not None


def test_404_is_a_dsfr_page_with_a_way_home(public_client, public_home):
    response = public_client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "fr-header" in html and "Erreur 404" in html
    assert 'class="fr-btn" href="/"' in html


def test_500_page_renders_without_database_or_request_context(sites):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Erreur 500" in html and "fr-header" in html


def test_every_page_type_says_what_it_is_for_in_the_add_a_page_chooser(admin_client,
                                                                       public_home):
    ours = [model for model in get_page_models() if model._meta.app_label in ("pages", "events")
            and not model._meta.abstract]
    assert ours and all(model.get_page_description() for model in ours), [
        model.__name__ for model in ours if not model.get_page_description()]
    html = admin_client.get(f"/admin/pages/{public_home.pk}/add_subpage/").content.decode()
    for model in (StandardPage, NewsIndexPage, ContactPage):
        assert escape(model.get_page_description()) in html
