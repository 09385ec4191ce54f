"""The search page /recherche/ on both hosts, its suggestions, and the search bar of the
header; on the database (the embedded default), on Elasticsearch (canned answers), and with
Elasticsearch down."""

import json
import logging

import pytest
from django.db import connection as db_connection
from django.test.utils import CaptureQueriesContext

from search import connection, indexing
from tests.helpers.pages import add_page
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


# --- The header and the empty page ----------------------------------------------------------


def test_every_page_has_the_search_bar(public_client, sites):
    page = text(public_client.get("/"))
    assert 'class="fr-search-bar"' in page
    assert 'action="/recherche/"' in page
    assert 'data-suggestions-url="/recherche/suggestions/"' in page
    assert '<script src="/static/search/suggestions.js" defer></script>' in page
    assert 'action="/en/recherche/"' in text(public_client.get("/en/"))


def test_the_empty_search_page(public_client, sites):
    response = public_client.get("/recherche/")
    assert response.status_code == 200
    assert "What are you looking for?" in text(response) or "Que cherchez-vous" in text(response)
    assert set(response["Cache-Control"].split(", ")) == {"max-age=0", "private"}


def test_the_english_search_page(public_client, content):
    response = public_client.get("/en/recherche/?q=patrimoine")
    assert response.status_code == 200
    assert '<html lang="en"' in text(response)


# --- Results on the database ----------------------------------------------------------------


def test_a_visitor_finds_public_content_highlighted(public_client, content):
    response = public_client.get("/recherche/?q=patrimoine")
    page = text(response)
    assert response.status_code == 200
    assert "<mark>Patrimoine</mark> de la région" in page
    page = page.replace("<mark>", "").replace("</mark>", "")
    assert content["public"].get_full_url() in page
    assert "Patrimoine en fête à Rennes" in page.replace("<mark>", "").replace("</mark>", "")
    for hidden in ("breton", "normand", "notes de service", "procédure interne", "brouillon",
                   "Patrimoine proposé"):
        assert hidden not in page
    assert "simplified mode" not in page and "mode simplifié" not in page


def test_an_agent_finds_what_their_directorate_may_open(client, content, staff_bretagne):
    client.force_login(staff_bretagne)
    page = text(client.get("/recherche/?q=patrimoine", HTTP_HOST=INTRANET_HOST))
    page = page.replace("<mark>", "").replace("</mark>", "")
    assert "Patrimoine breton : réunion" in page
    assert "Patrimoine : notes de service" in page
    assert "Patrimoine de la région" in page  # the public site's pages too
    assert "normand" not in page
    assert "DRAC Bretagne" in page and "DRAC Normandie" not in page


def test_the_intranet_search_is_for_staff_only(client, content, partner):
    response = client.get("/recherche/?q=patrimoine", HTTP_HOST=INTRANET_HOST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(partner)
    assert client.get("/recherche/?q=patrimoine", HTTP_HOST=INTRANET_HOST).status_code == 403
    assert client.get("/recherche/suggestions/?q=pat",
                      HTTP_HOST=INTRANET_HOST).status_code == 403


def test_facets_narrow_the_results_and_keep_their_counts(public_client, content):
    page = text(public_client.get("/recherche/?q=patrimoine&type=document"))
    assert "guide public" in page
    assert "Patrimoine de la région" not in page.replace("<mark>", "").replace("</mark>", "")
    assert 'aria-current="true"' in page
    assert "?q=patrimoine&amp;type=page" in page or "?q=patrimoine&amp;type=event" in page
    # Selecting the value again clears it.
    assert 'href="?q=patrimoine"' in page


def test_pagination(public_client, sites):
    for number in range(13):
        add_page(sites[0].root_page, f"Monument numéro {number}", f"monument-{number}")
    indexing.rebuild()
    first = text(public_client.get("/recherche/?q=monument"))
    assert "13 results" in first or "13 résultats" in first
    assert first.count('class="fr-mb-4w"') == 10
    assert "fr-pagination" in first and "?q=monument&amp;page=2" in first
    second = text(public_client.get("/recherche/?q=monuments&page=2"))
    assert second.count('class="fr-mb-4w"') == 3
    # Beyond the last page: the last page.
    assert text(public_client.get("/recherche/?q=monument&page=40")).count(
        'class="fr-mb-4w"') == 3


def test_no_results(public_client, content):
    page = text(public_client.get("/recherche/?q=zzzinconnu"))
    assert "No results for" in page or "Aucun résultat pour" in page


@pytest.mark.parametrize("query", [
    "?q=x&year=abc", "?q=x&year=1200", "?q=x&year=%C2%B2", "?q=a&q=b", "?q=x&type=unknown",
    "?q=" + "x" * 201, "?q=x&page=0", "?q=x&page=99999999999999999999999", "?q=x%00y",
    "?q=x&directorate=%00", "?q=x&region=" + "r" * 101,
])
def test_bad_input_is_a_400_naming_the_field(public_client, sites, query):
    response = public_client.get("/recherche/" + query)
    assert response.status_code == 400
    assert "fr-alert--error" in text(response)


def test_the_fallback_search_costs_the_same_queries_whatever_the_results(public_client,
                                                                         content, sites):
    public_client.get("/recherche/?q=patrimoine")  # warm the site caches

    def count(query):
        with CaptureQueriesContext(db_connection) as queries:
            assert public_client.get("/recherche/?q=" + query).status_code == 200
        return len(queries)

    few = count("patrimoine")
    for number in range(12):
        add_page(sites[0].root_page, f"Patrimoine numéro {number}", f"numero-{number}")
    indexing.rebuild()
    public_client.get("/recherche/?q=patrimoine")
    many = count("patrimoine")
    assert few == many
    # The search itself: count, one page, four facets; the rest is the site's layout.
    assert many <= 20


# --- Suggestions ---------------------------------------------------------------------------


def test_suggestions_are_json_for_what_the_visitor_may_open(client, public_client, content,
                                                           staff_bretagne):
    response = public_client.get("/recherche/suggestions/?q=patri")
    assert response["Content-Type"] == "application/json"
    assert set(response["Cache-Control"].split(", ")) == {"max-age=0", "private"}
    titles = [item["title"] for item in json.loads(response.content)["suggestions"]]
    assert "Patrimoine de la région" in titles
    assert not any("breton" in title for title in titles)
    client.force_login(staff_bretagne)
    titles = [item["title"] for item in json.loads(client.get(
        "/recherche/suggestions/?q=Patrimoine bre", HTTP_HOST=INTRANET_HOST).content)[
        "suggestions"]]
    assert "Patrimoine breton : réunion" in titles
    assert not any("normand" in title for title in titles)
    assert json.loads(public_client.get("/recherche/suggestions/?q=p").content) == {
        "suggestions": []}


def test_suggestions_fold_accents_on_both_sides(public_client, sites):
    add_page(sites[0].root_page, "Élections des représentants", "elections")
    indexing.rebuild()
    for typed in ("élec", "elec", "Élec", "ELEC"):
        found = json.loads(public_client.get(f"/recherche/suggestions/?q={typed}").content)
        assert [item["title"] for item in found["suggestions"]] == [
            "Élections des représentants"], typed


# --- Elasticsearch: answers, and outages ----------------------------------------------------


def es_answer(request):
    return {
        "took": 3, "timed_out": False,
        "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": 3.2, "hits": [{
            "_index": "relais-search-public-fr-1", "_id": "page:42", "_score": 3.2,
            "_source": {"title": "Fouilles <de> Carnac", "summary": "Résumé",
                        "type": "page", "site": "public", "url": "http://localhost:8000/f/",
                        "date": "2026-05-04T10:00:00+00:00", "section": "Archéologie"},
            "highlight": {"title": ["<mark>Fouilles</mark> &lt;de&gt; Carnac"],
                          "body": ["… les <mark>fouilles</mark> de l’été …"]},
        }]},
        "aggregations": {
            name: {"doc_count": 1, "values": {"buckets": buckets}}
            for name, buckets in {
                "type": [{"key": "page", "doc_count": 1}], "directorate": [],
                "region": [{"key": "Bretagne", "doc_count": 1}],
                "year": [{"key": 2026, "doc_count": 1}],
            }.items()
        },
    }


def test_results_from_elasticsearch(client, sites, staff_bretagne, recording_client):
    recording_client.answers["POST /*/_search"] = es_answer
    client.force_login(staff_bretagne)
    page = text(client.get("/recherche/?q=fouilles&region=Bretagne", HTTP_HOST=INTRANET_HOST))
    assert "<mark>Fouilles</mark> &lt;de&gt; Carnac" in page
    assert "… les <mark>fouilles</mark> de l’été …" in page
    assert "Archéologie" in page and 'href="http://localhost:8000/f/"' in page
    assert "Bretagne" in page and "2026" in page
    (request,) = recording_client.sent("POST", "/*/_search")
    assert request.path == "/relais-search-public-fr,relais-search-intranet-fr/_search"
    body = request.body
    group = str(staff_bretagne.groups.get().pk)
    assert body["query"]["bool"]["filter"][0]["bool"]["should"][-1]["bool"]["filter"][1] == {
        "terms": {"groups": [group]}}
    assert body["post_filter"] == {"bool": {"filter": [{"term": {"region": "Bretagne"}}]}}


def test_elasticsearch_down_the_database_answers_with_a_notice(public_client, content,
                                                               recording_client, caplog):
    recording_client.down = True
    with caplog.at_level(logging.WARNING, logger="search.connection"):
        response = public_client.get("/recherche/?q=patrimoine")
    page = text(response)
    assert response.status_code == 200
    assert "Patrimoine</mark> de la région" in page
    assert "simplified mode" in page or "mode simplifié" in page
    assert any("Elasticsearch failed while searching" in record.getMessage()
               for record in caplog.records)
    # The circuit is open: the next searches and suggestions do not wait for Elasticsearch.
    tried = len(recording_client.requests)
    public_client.get("/recherche/?q=patrimoine")
    public_client.get("/recherche/suggestions/?q=patri")
    assert len(recording_client.requests) == tried
    connection.reset()


def test_a_closed_port_still_answers(public_client, content, settings):
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_TIMEOUT = 1
    response = public_client.get("/recherche/?q=patrimoine")
    assert response.status_code == 200
    assert "Patrimoine</mark> de la région" in text(response)
    connection.reset()
