"""How the Elasticsearch index reads text: French first, English in sub-fields, an
autocomplete field, and synonyms that editors manage (``search.models.Synonym``).

- **French** (``relais_french``): the standard tokenizer, elision (``l'abbaye`` → ``abbaye``),
  lower case, accent folding (``Église`` → ``eglise``), French stop words, then the light
  French stemmer (``fouilles`` → ``fouill``, like ``fouille``). Folding comes before the stop
  words and the stemmer, so that ``été`` and ``ete`` give the same stem.
- **English** (``relais_english``): possessives, lower case, folding, English stop words and
  the English stemmer, for the ``.en`` sub-field of every text field.
- **Autocomplete** (``relais_autocomplete``): elision, lower case and folding, then edge
  n-grams of 1 to 20 characters at index time; the same without n-grams at search time
  (``relais_autocomplete_search``). Folding is on both sides, so ``élec``, ``elec`` and
  ``Élec`` all find ``Élections``.
- **Words** (``relais_words``): elision and lower case only, for the ``vocabulary`` field
  that titles, summaries and tags are copied to: the words "did you mean" may offer, spelt
  as the content spells them (``search.spelling``).
- **Synonyms** are applied at search time only (``*_search`` analysers), through a
  ``synonym_graph`` filter that reads the synonyms set ``<SEARCH_INDEX_PREFIX>-synonyms``
  stored in Elasticsearch (the synonyms API). Updating that set reloads the search analysers
  of every index that uses it: no rebuild is needed (``search.synonyms``).
"""

from django.conf import settings
from elasticsearch_dsl import analyzer, token_filter

# Elided forms of French (l', d', qu', jusqu'…), as Elasticsearch's own French analyser has them.
FRENCH_ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c",
                   "jusqu", "quoiqu", "lorsqu", "puisqu"]
AUTOCOMPLETE_MAX_GRAM = 20


def synonyms_set_name() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-synonyms"


french_elision = token_filter("relais_french_elision", "elision", articles_case=True,
                              articles=FRENCH_ELISIONS)
french_stop = token_filter("relais_french_stop", "stop", stopwords="_french_")
french_stemmer = token_filter("relais_french_stemmer", "stemmer", language="light_french")
english_possessive = token_filter("relais_english_possessive", "stemmer",
                                  language="possessive_english")
english_stop = token_filter("relais_english_stop", "stop", stopwords="_english_")
english_stemmer = token_filter("relais_english_stemmer", "stemmer", language="english")
autocomplete_ngrams = token_filter("relais_autocomplete_ngrams", "edge_ngram", min_gram=1,
                                   max_gram=AUTOCOMPLETE_MAX_GRAM)


def synonyms_filter():
    """The search-time synonyms: the set editors manage, reloadable without a rebuild."""
    return token_filter("relais_synonyms", "synonym_graph", synonyms_set=synonyms_set_name(),
                        updateable=True, lenient=True)


def french(search: bool = False):
    filters = [french_elision, "lowercase", "asciifolding"]
    if search:
        filters.append(synonyms_filter())
    filters += [french_stop, french_stemmer]
    name = "relais_french_search" if search else "relais_french"
    return analyzer(name, tokenizer="standard", filter=filters)


def english(search: bool = False):
    filters = [english_possessive, "lowercase", "asciifolding"]
    if search:
        filters.append(synonyms_filter())
    filters += [english_stop, english_stemmer]
    name = "relais_english_search" if search else "relais_english"
    return analyzer(name, tokenizer="standard", filter=filters)


def autocomplete(search: bool = False):
    filters = [french_elision, "lowercase", "asciifolding"]
    if not search:
        filters.append(autocomplete_ngrams)
    name = "relais_autocomplete_search" if search else "relais_autocomplete"
    return analyzer(name, tokenizer="standard", filter=filters)


def words():
    return analyzer("relais_words", tokenizer="standard", filter=[french_elision, "lowercase"])
