"""Against a real Elasticsearch 8: run only when ELASTICSEARCH_URL is set (deselected
otherwise, see tests/conftest.py). Each test works under a prefix of its own and deletes its
indices and synonyms set afterwards.

    docker run --rm -p 9200:9200 -e discovery.type=single-node \\
        -e xpack.security.enabled=false docker.elastic.co/elasticsearch/elasticsearch:8.18.0
    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest -m elasticsearch -p no:xdist
"""

import contextlib
import io
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from search import connection, engines, indexing
from search.analysis import synonyms_set_name
from search.index import index_pattern
from search.models import Synonym
from search.queries import Audience, SearchParams
from tests.helpers.pages import add_page

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def live_index(settings):
    settings.SEARCH_INDEX_PREFIX = f"relais-test-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_INDEX_REPLICAS = 0
    settings.SEARCH_TIMEOUT = 10
    connection.reset()
    indexing._ensured.clear()
    client = connection.get_client()
    yield client
    client.indices.delete(index=index_pattern(), allow_no_indices=True,
                          ignore_unavailable=True)
    with contextlib.suppress(connection.FAILURES):
        client.synonyms.delete_synonym(id=synonyms_set_name())
    indexing._ensured.clear()


def refresh(client):
    client.indices.refresh(index=index_pattern())


def keys(user, query, *, intranet, **facets):
    results = engines.elasticsearch_search(
        SearchParams(query, facets=facets, per_page=100),
        Audience.of(user, intranet=intranet), connection.get_client())
    return {hit.key for hit in results.hits}, results


def test_rebuild_search_and_permissions_match_the_database(live_index, content,
                                                          staff_bretagne, staff_normandie):
    indexing.rebuild()
    refresh(live_index)
    for user, intranet in ((AnonymousUser(), False), (staff_bretagne, True),
                           (staff_normandie, True)):
        found, results = keys(user, "patrimoine", intranet=intranet)
        database = engines.database_search(SearchParams("patrimoine", per_page=100),
                                           Audience.of(user, intranet=intranet))
        assert found == {hit.key for hit in database.hits}
        assert results.total == database.total
    found, _results = keys(staff_bretagne, "patrimoine", intranet=True)
    assert f"page:{content['bretagne'].pk}" in found
    assert f"page:{content['normandie'].pk}" not in found


def test_facets_count_what_may_be_opened(live_index, content, staff_bretagne):
    indexing.rebuild()
    refresh(live_index)
    _found, results = keys(staff_bretagne, "patrimoine", intranet=True, type="document")
    assert all(hit.type == "document" for hit in results.hits)
    directorates = {item.value for item in results.facets["directorate"]}
    assert directorates == {"DRAC Bretagne"}
    assert "page" in {item.value for item in results.facets["type"]}


def test_french_stemming_elision_and_accents(live_index, sites):
    home = sites[0].root_page
    fouilles = add_page(home, "Les fouilles archéologiques de Carnac", "fouilles")
    abbaye = add_page(home, "L'abbaye de Beauport", "abbaye")
    indexing.rebuild()
    refresh(live_index)
    anonymous = AnonymousUser()
    for query in ("fouille archeologique", "FOUILLES", "archéologique"):
        assert f"page:{fouilles.pk}" in keys(anonymous, query, intranet=False)[0], query
    for query in ("abbaye", "l'abbaye", "abbayes", "Abbaye de Beauport"):
        assert f"page:{abbaye.pk}" in keys(anonymous, query, intranet=False)[0], query


def test_autocomplete_folds_accents_on_both_sides(live_index, sites):
    add_page(sites[0].root_page, "Élections des représentants", "elections")
    indexing.rebuild()
    refresh(live_index)
    for typed in ("élec", "elec", "Élec"):
        titles = [item["title"] for item in engines.elasticsearch_autocomplete(
            typed, Audience(), "fr", live_index)]
        assert titles == ["Élections des représentants"], typed


def test_synonyms_take_effect_without_a_rebuild(live_index, content,
                                                django_capture_on_commit_callbacks):
    indexing.rebuild()
    refresh(live_index)
    edition = f"page:{content['edition'].pk}"
    assert edition not in keys(AnonymousUser(), "JEP", intranet=False)[0]
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="JEP, Journées européennes du patrimoine")
    assert edition in keys(AnonymousUser(), "JEP", intranet=False)[0]


def test_publishing_updates_and_status_is_in_order(live_index, sites,
                                                   django_capture_on_commit_callbacks):
    indexing.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(sites[0].root_page, "Chantier des collections", "chantier")
    refresh(live_index)
    assert f"page:{page.pk}" in keys(AnonymousUser(), "chantier", intranet=False)[0]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    refresh(live_index)
    assert f"page:{page.pk}" not in keys(AnonymousUser(), "chantier", intranet=False)[0]
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    assert "differs" not in out.getvalue()
