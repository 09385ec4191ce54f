"""The Elasticsearch index: its mapping, its analysis, and its names.

Every entry (``search.registry.Entry``) is one document with the same fields, whatever it
comes from. There is one alias per site and language, ``<SEARCH_INDEX_PREFIX>-<site>-<lang>``
(``relais-search-public-fr``…), each pointing at a concrete index whose name adds the time
it was built; ``search_index rebuild`` builds new indices and swaps the aliases in one
request, so searches never see an empty index. ``SEARCH_INDEX_PREFIX`` (by default
``<ELASTICSEARCH_INDEX_PREFIX>-search``) lets several installations share a cluster.
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch_dsl import Date, Document, Index, Integer, Keyword, MetaField, Text

from search import analysis

SITES = ("public", "intranet")
VISIBILITIES = ("everyone", "staff", "groups")


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


VOCABULARY = "vocabulary"


def text_field(boost_keyword: bool = False, **kwargs):
    """A text field read in French, with its English reading in ``.en``."""
    fields = {"en": Text(analyzer=analysis.english(), search_analyzer=analysis.english(True))}
    if boost_keyword:
        fields["raw"] = Keyword(ignore_above=256)
    return Text(analyzer=analysis.french(), search_analyzer=analysis.french(True),
                fields=fields, **kwargs)


class SearchDocument(Document):
    """One searchable thing: a page, a document, an event…"""

    title = Text(
        analyzer=analysis.french(), search_analyzer=analysis.french(True),
        fields={
            "en": Text(analyzer=analysis.english(), search_analyzer=analysis.english(True)),
            "autocomplete": Text(analyzer=analysis.autocomplete(),
                                 search_analyzer=analysis.autocomplete(True)),
            "raw": Keyword(ignore_above=256),
        },
        copy_to=VOCABULARY,
    )
    summary = text_field(copy_to=VOCABULARY)
    body = text_field()
    tags = text_field(boost_keyword=True, copy_to=VOCABULARY)
    # The words of titles, summaries and tags as they are spelt: what "did you mean" offers.
    vocabulary = Text(analyzer=analysis.words())
    # What it is and where it belongs.
    type = Keyword()
    site = Keyword()
    language = Keyword()
    section = Keyword(index=False)
    url = Keyword(index=False)
    # Who may see it: "everyone", "staff" (anyone with intranet access), or "groups" (members
    # of one of ``groups``, ids of Django groups).
    visibility = Keyword()
    groups = Keyword()
    directorate = Keyword()
    region = Keyword()
    department = Keyword()
    # Its date (publication, event start…), the year for the facet, an event's span.
    date = Date()
    year = Integer()
    start = Date()
    end = Date()
    indexed_at = Date()

    class Meta:
        dynamic = MetaField("strict")


def alias_name(site: str, language: str) -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-{site}-{language}"


def all_aliases() -> list[str]:
    return [alias_name(site, language) for site in SITES for language in languages()]


def index_pattern() -> str:
    """Every concrete index of this installation (for reloading analysers, cleaning up)."""
    return f"{settings.SEARCH_INDEX_PREFIX}-*"


def new_index_name(site: str, language: str, now=None) -> str:
    now = now or timezone.now()
    return f"{alias_name(site, language)}-{now:%Y%m%d%H%M%S%f}"


def build_index(name: str) -> Index:
    """The index definition (settings, analysis and mapping) under this name."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=settings.SEARCH_INDEX_REPLICAS,
                   max_ngram_diff=analysis.AUTOCOMPLETE_MAX_GRAM)
    index.document(SearchDocument)
    return index


def index_body(name: str = "relais-search") -> dict:
    """What ``indices.create`` is sent: ``{"settings": …, "mappings": …}``."""
    return build_index(name).to_dict()
