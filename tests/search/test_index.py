"""The Elasticsearch index as our code defines it (``Index.to_dict()``: what ``indices.create``
is sent): French analysis, English sub-fields, autocomplete folding on both sides, synonyms
at search time only, the fields of every entry, the names of the aliases."""

import pytest

from search import analysis
from search.index import alias_name, all_aliases, index_body, new_index_name


@pytest.fixture
def body():
    return index_body("relais-search-public-fr-20260101")


def analyzers(body):
    return body["settings"]["analysis"]["analyzer"]


def filters(body):
    return body["settings"]["analysis"]["filter"]


def test_french_analysis_elides_folds_removes_stop_words_and_stems_lightly(body):
    french = analyzers(body)["relais_french"]
    assert french["tokenizer"] == "standard"
    assert french["filter"] == ["relais_french_elision", "lowercase", "asciifolding",
                                "relais_french_stop", "relais_french_stemmer"]
    assert filters(body)["relais_french_elision"]["type"] == "elision"
    assert {"l", "d", "qu", "jusqu"} <= set(filters(body)["relais_french_elision"]["articles"])
    assert filters(body)["relais_french_elision"]["articles_case"] is True
    assert filters(body)["relais_french_stop"] == {"type": "stop", "stopwords": "_french_"}
    assert filters(body)["relais_french_stemmer"] == {"type": "stemmer",
                                                      "language": "light_french"}


def test_synonyms_apply_at_search_time_only_and_are_reloadable(body, settings):
    settings.SEARCH_INDEX_PREFIX = "relais-search"
    assert "relais_synonyms" not in analyzers(body)["relais_french"]["filter"]
    search = analyzers(body)["relais_french_search"]["filter"]
    # After folding (the rules are folded the same way), before stop words and stemming.
    assert search == ["relais_french_elision", "lowercase", "asciifolding", "relais_synonyms",
                      "relais_french_stop", "relais_french_stemmer"]
    assert filters(body)["relais_synonyms"] == {
        "type": "synonym_graph", "synonyms_set": "relais-search-synonyms",
        "updateable": True, "lenient": True,
    }
    assert "relais_synonyms" in analyzers(body)["relais_english_search"]["filter"]


def test_english_sub_fields(body):
    english = analyzers(body)["relais_english"]
    assert english["filter"] == ["relais_english_possessive", "lowercase", "asciifolding",
                                 "relais_english_stop", "relais_english_stemmer"]
    assert filters(body)["relais_english_stemmer"] == {"type": "stemmer", "language": "english"}
    properties = body["mappings"]["properties"]
    for name in ("title", "summary", "body", "tags"):
        assert properties[name]["analyzer"] == "relais_french"
        assert properties[name]["search_analyzer"] == "relais_french_search"
        assert properties[name]["fields"]["en"] == {
            "type": "text", "analyzer": "relais_english",
            "search_analyzer": "relais_english_search"}


def test_autocomplete_folds_on_both_sides_and_grows_edge_ngrams_at_index_time_only(body):
    title = body["mappings"]["properties"]["title"]["fields"]["autocomplete"]
    assert title == {"type": "text", "analyzer": "relais_autocomplete",
                     "search_analyzer": "relais_autocomplete_search"}
    index_side = analyzers(body)["relais_autocomplete"]["filter"]
    search_side = analyzers(body)["relais_autocomplete_search"]["filter"]
    for chain in (index_side, search_side):
        # "Élec", "élec" and "elec" all become "elec".
        assert chain[:3] == ["relais_french_elision", "lowercase", "asciifolding"]
    assert index_side[3:] == ["relais_autocomplete_ngrams"]
    assert search_side[3:] == []
    assert filters(body)["relais_autocomplete_ngrams"] == {
        "type": "edge_ngram", "min_gram": 1, "max_gram": analysis.AUTOCOMPLETE_MAX_GRAM}
    assert body["settings"]["max_ngram_diff"] >= analysis.AUTOCOMPLETE_MAX_GRAM - 1


def test_fields_of_every_entry(body):
    properties = body["mappings"]["properties"]
    keywords = {"type", "site", "language", "visibility", "groups", "directorate", "region",
                "department"}
    for name in keywords:
        assert properties[name] == {"type": "keyword"}, name
    for name in ("date", "start", "end", "indexed_at"):
        assert properties[name] == {"type": "date"}
    assert properties["year"] == {"type": "integer"}
    assert properties["url"] == {"type": "keyword", "index": False}
    assert properties["section"] == {"type": "keyword", "index": False}
    assert properties["title"]["fields"]["raw"]["type"] == "keyword"
    assert set(properties) == keywords | {"title", "summary", "body", "tags", "url", "section",
                                          "date", "start", "end", "indexed_at", "year",
                                          "vocabulary"}
    # "Did you mean" reads the words of titles, summaries and tags as they are spelt.
    assert properties["vocabulary"] == {"type": "text", "analyzer": "relais_words"}
    for name in ("title", "summary", "tags"):
        assert properties[name]["copy_to"] == "vocabulary", name
    assert "copy_to" not in properties["body"]
    assert analyzers(body)["relais_words"] == {
        "type": "custom", "tokenizer": "standard",
        "filter": ["relais_french_elision", "lowercase"]}
    # A field our code does not know is refused, never guessed.
    assert body["mappings"]["dynamic"] == "strict"


def test_one_alias_per_site_and_language_under_the_prefix(settings):
    settings.SEARCH_INDEX_PREFIX = "dracbzh-search"
    assert all_aliases() == ["dracbzh-search-public-fr", "dracbzh-search-public-en",
                             "dracbzh-search-intranet-fr", "dracbzh-search-intranet-en"]
    assert alias_name("intranet", "en") == "dracbzh-search-intranet-en"
    assert new_index_name("public", "fr").startswith("dracbzh-search-public-fr-2")


def test_the_prefix_follows_the_elasticsearch_prefix_by_default():
    from portal import settings as relais_settings

    assert relais_settings.SEARCH_INDEX_PREFIX == (
        relais_settings.ELASTICSEARCH_INDEX_PREFIX + "-search")


def test_replicas_follow_the_setting(settings):
    settings.SEARCH_INDEX_REPLICAS = 0
    assert index_body()["settings"]["number_of_replicas"] == 0
