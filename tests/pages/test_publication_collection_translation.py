"""Publication collections are translated like news categories: with wagtail-localize, and a
translated publication points at the collection in its own language."""

import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from wagtail.models import Locale

from pages.models import PublicationCollection, PublicationIndexPage, PublicationPage
from portal.roles import EDITORS
from tests.helpers.accounts import activate_totp, create_user

pytestmark = pytest.mark.django_db

BEFORE = [("pages", "0013_stream_blocks_guidance")]


@pytest.fixture
def editor_client(sites):
    editor = create_user("redactrice@example.org", EDITORS)
    activate_totp(editor)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(editor)
    return client


@pytest.fixture
def guide(public_home):
    index = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=index)
    index.save_revision().publish()
    series = PublicationCollection.objects.create(name="Guides pratiques", slug="guides")
    page = PublicationPage(title="Guide de l’archéologie", slug="guide-archeologie",
                           collection=series)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_editor_translates_a_collection(editor_client, guide):
    english = Locale.objects.get(language_code="en")
    series = guide.collection
    assert series.locale == Locale.get_default()
    response = editor_client.post(
        f"/admin/localize/submit/snippet/pages/publicationcollection/{series.pk}/",
        {"locales": [english.pk]})
    assert response.status_code == 302
    translation = series.get_translation(english)
    assert translation.name == "Guides pratiques"
    assert translation.slug == "guides"  # the same slug, in another language
    assert PublicationCollection.objects.filter(slug="guides").count() == 2


def test_a_translated_publication_shows_its_collection_in_its_own_language(
        editor_client, guide, public_home):
    english = Locale.objects.get(language_code="en")
    response = editor_client.post(f"/admin/localize/submit/page/{public_home.pk}/",
                                  {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302
    guide_en = guide.get_translation(english)
    assert guide_en.collection.locale == english
    assert guide_en.collection.translation_key == guide.collection.translation_key
    PublicationCollection.objects.filter(pk=guide_en.collection_id).update(
        name="Practical guides")
    # The translator publishes the English copies (wagtail-localize makes drafts).
    for page in (public_home, guide.get_parent(), guide):
        page.get_translation(english).save_revision().publish()
    public = Client(HTTP_HOST=settings.PUBLIC_HOST)
    assert "Practical guides" in public.get(guide_en.url).content.decode()
    assert "Guides pratiques" in public.get(guide.url).content.decode()


def test_a_collection_chosen_in_another_language_becomes_its_translation(guide):
    english = Locale.objects.get(language_code="en")
    series_en = guide.collection.copy_for_translation(english)
    series_en.name = "Practical guides"
    series_en.save()
    other = PublicationPage(title="Guide EN", slug="guide-en", locale=english,
                            collection=guide.collection)
    other.clean()
    assert other.collection == series_en


def test_a_slug_is_unique_per_language_in_the_admin(editor_client, guide):
    response = editor_client.post("/admin/snippets/pages/publicationcollection/add/",
                                  {"name": "Autres guides", "slug": "guides"})
    assert response.status_code == 200
    assert PublicationCollection.objects.filter(slug="guides").count() == 1
    assert 'name="slug"' in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_collections_get_the_default_locale_and_keys_of_their_own(sites):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("pages",
                                                                     "PublicationCollection")
        old.objects.create(name="Guides pratiques", slug="guides")
        old.objects.create(name="Patrimoines", slug="patrimoines")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(latest)
    collections = list(PublicationCollection.objects.order_by("slug"))
    assert [collection.locale.language_code for collection in collections] == ["fr", "fr"]
    keys = {collection.translation_key for collection in collections}
    assert len(keys) == 2
    assert all(isinstance(key, uuid.UUID) for key in keys)
