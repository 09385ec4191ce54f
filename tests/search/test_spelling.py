"""“Did you mean”: a misspelt query is offered the words of what the visitor may open, on
the database for real and on Elasticsearch by the body sent; a word only restricted content
holds is never offered to someone who may not open it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import engines, indexing
from search.queries import Audience, SearchParams, build_search, es_permission_filter
from tests.helpers.pages import add_page
from tests.helpers.search import restrict
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(sites, directorates):
    public_home, intranet_home = sites[0].root_page, sites[1].root_page
    bretagne = directorates[0]
    items = {
        "carnac": add_page(public_home, "Fouilles archéologiques de Carnac", "carnac",
                           summary="Les alignements de menhirs."),
        "network": add_page(intranet_home, "Télétravail dans le réseau", "teletravail"),
        "secret": add_page(intranet_home, "Réorganisation confidentielle", "reorganisation"),
    }
    restrict(items["secret"], bretagne.staff_group)
    indexing.rebuild()
    return items


def suggestion(user, query, *, intranet, **facets):
    params = SearchParams(query, facets=facets)
    return engines.database_search(params, Audience.of(user, intranet=intranet)).suggestion


def test_a_misspelt_word_is_corrected_from_titles_and_summaries(pages):
    anonymous = AnonymousUser()
    assert suggestion(anonymous, "fouilles de carnak", intranet=False) == "fouilles de carnac"
    assert suggestion(anonymous, "alignement de menirs", intranet=False) == (
        "alignement de menhirs")
    assert suggestion(anonymous, "archeologiqes", intranet=False) == "archéologiques"


def test_nothing_is_offered_when_the_words_are_known_or_far_from_any(pages):
    anonymous = AnonymousUser()
    assert suggestion(anonymous, "fouilles", intranet=False) == ""  # found: no suggestion
    assert suggestion(anonymous, "xylophone", intranet=False) == ""
    # Known words that find nothing together (a facet): nothing to correct.
    assert suggestion(anonymous, "carnac", intranet=False, type="document") == ""


def test_a_word_of_restricted_content_is_offered_only_to_those_who_may_open_it(
        pages, staff_bretagne, staff_normandie, partner):
    assert suggestion(staff_bretagne, "reorganisaton", intranet=True) == "réorganisation"
    assert suggestion(staff_normandie, "reorganisaton", intranet=True) == ""
    for user in (AnonymousUser(), partner, staff_bretagne):
        assert suggestion(user, "reorganisaton", intranet=False) == ""
        assert suggestion(user, "teletravial", intranet=False) == ""
    assert suggestion(staff_normandie, "teletravial", intranet=True) == "télétravail"


def test_the_vocabulary_follows_the_index(pages, sites):
    anonymous = AnonymousUser()
    assert suggestion(anonymous, "dolmenn", intranet=False) == ""
    dolmen = add_page(sites[0].root_page, "Le dolmen de Crucuno", "dolmen")
    indexing.write(indexing.entries_for_keys([f"page:{dolmen.pk}"]))  # the task's work
    assert suggestion(anonymous, "dolmenn", intranet=False) == "dolmen"


def test_the_results_page_offers_the_correction_as_a_link(public_client, pages):
    page = public_client.get("/recherche/?q=fouilles+de+carnak&type=page").content.decode()
    assert 'class="fr-callout__text relais-search-suggestion"' in page
    assert 'href="?q=fouilles+de+carnac&amp;type=page">fouilles de carnac</a>' in page
    found = public_client.get("/recherche/?q=fouilles+de+carnac").content.decode()
    assert "relais-search-suggestion" not in found


def test_the_elasticsearch_suggester_carries_the_permission_filter(staff_normandie):
    audience = Audience.of(staff_normandie, intranet=True)
    body = build_search(SearchParams("reorganisaton"), audience).to_dict()
    phrase = body["suggest"]["did_you_mean"]["phrase"]
    assert body["suggest"]["did_you_mean"]["text"] == "reorganisaton"
    assert phrase["field"] == "vocabulary"
    assert phrase["direct_generator"][0]["field"] == "vocabulary"
    collate = phrase["collate"]
    # A correction is kept only if the visitor's own search finds something with it.
    assert collate["prune"] is False
    assert collate["query"]["source"]["bool"]["filter"] == [
        es_permission_filter(audience).to_dict()]
    assert "{{suggestion}}" in str(collate["query"]["source"]["bool"]["must"])


def test_elasticsearch_corrections_are_shown_when_nothing_was_found(client, sites,
                                                                    staff_bretagne,
                                                                    recording_client):
    def answer(request):
        return {
            "took": 1, "timed_out": False,
            "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
            "aggregations": {name: {"doc_count": 0, "values": {"buckets": []}}
                             for name in ("type", "directorate", "region", "year")},
            "suggest": {"did_you_mean": [{"text": "reorganisaton", "offset": 0, "length": 13,
                                          "options": [{"text": "réorganisation",
                                                       "score": 0.4}]}]},
        }

    recording_client.answers["POST /*/_search"] = answer
    client.force_login(staff_bretagne)
    page = client.get("/recherche/?q=reorganisaton", HTTP_HOST=INTRANET_HOST).content.decode()
    assert 'href="?q=r%C3%A9organisation">réorganisation</a>' in page
    (request,) = recording_client.sent("POST", "/*/_search")
    assert "suggest" in request.json
