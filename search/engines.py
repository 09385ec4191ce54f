"""Running a search: on Elasticsearch when it is configured and answers, on the database
otherwise. Both give the same ``Results`` — hits with their highlighted excerpt, exact
total, facets with counts — and both apply the same permission filter (``search.queries``).

When Elasticsearch fails (unreachable, slower than ``SEARCH_TIMEOUT``, an error), the search
is answered from the database, ``Results.fallback`` is set so the page can say so discreetly,
the error is logged and the circuit breaker (``search.connection``) spares Elasticsearch the
next requests for a while. A search never answers 500 because of Elasticsearch.
"""

import dataclasses
import datetime as dt
import functools
import logging
import operator
from collections import defaultdict

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import connection, indexing, queries, registry, spelling, text

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Hit:
    key: str
    title: str  # HTML, escaped, query words in <mark>
    url: str
    type: str
    site: str
    excerpt: str = ""  # HTML, escaped, query words in <mark>
    date: dt.datetime | dt.date | None = None
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    section: str = ""

    @property
    def type_label(self) -> str:
        return registry.type_label(self.type)


@dataclasses.dataclass
class FacetValue:
    value: str
    count: int
    selected: bool = False
    label: str = ""


@dataclasses.dataclass
class Results:
    query: str
    total: int = 0
    hits: list[Hit] = dataclasses.field(default_factory=list)
    facets: dict[str, list[FacetValue]] = dataclasses.field(default_factory=dict)
    engine: str = "database"
    fallback: bool = False  # Elasticsearch failed: the database answered
    suggestion: str = ""  # "did you mean", when nothing was found (search.spelling)


def facet_values(name: str, counts, selected) -> list[FacetValue]:
    values = [FacetValue(str(value), count, str(value) == str(selected or ""))
              for value, count in counts if value not in (None, "")]
    for item in values:
        item.label = registry.type_label(item.value) if name == "type" else item.value
    if name == "year":
        return sorted(values, key=lambda item: item.value, reverse=True)
    if name == "type":
        return sorted(values, key=lambda item: (-item.count, item.label))
    return sorted(values, key=lambda item: text.words(item.label))


# --- Elasticsearch ----------------------------------------------------------------------------

def _moment(value):
    if not value:
        return None
    return parse_datetime(value) or parse_date(value)


def es_hit(hit) -> Hit:
    source = hit.to_dict()
    highlight = getattr(hit.meta, "highlight", None)
    highlight = highlight.to_dict() if highlight else {}
    title = highlight.get("title", [escape(source.get("title", ""))])[0]
    excerpt = (highlight.get("body") or highlight.get("summary")
               or [escape(source.get("summary") or "")])[0]
    return Hit(
        key=hit.meta.id, title=mark_safe(title), excerpt=mark_safe(excerpt),  # HTML encoder
        url=source.get("url", ""), type=source.get("type", ""), site=source.get("site", ""),
        date=_moment(source.get("date")), start=_moment(source.get("start")),
        end=_moment(source.get("end")), section=source.get("section") or "",
    )


def elasticsearch_search(params: queries.SearchParams, audience: queries.Audience,
                         client) -> Results:
    search = queries.build_search(params, audience).using(client)
    response = search.execute()
    results = Results(params.query, total=response.hits.total.value, engine="elasticsearch")
    results.hits = [es_hit(hit) for hit in response]
    if not results.total:
        results.suggestion = es_suggestion(response)
    for name in queries.FACETS:
        buckets = getattr(response.aggregations, name).values.buckets
        results.facets[name] = facet_values(
            name, [(bucket.key, bucket.doc_count) for bucket in buckets],
            params.facets.get(name))
    return results


def es_suggestion(response) -> str:
    """The phrase suggester's correction (only those its permission-filtered ``collate``
    kept), or ""."""
    suggest = getattr(response, "suggest", None)
    for item in (getattr(suggest, queries.SUGGESTION, None) or []) if suggest else []:
        for option in item.options:
            return option.text
    return ""


def elasticsearch_autocomplete(query, audience, language, client) -> list[dict]:
    response = queries.build_autocomplete(query, audience, language).using(client).execute()
    return [{"title": hit.title, "url": hit.url, "type": registry.type_label(hit.type)}
            for hit in response]


# --- The database -----------------------------------------------------------------------------

def database_query(query: str) -> str:
    """The query in the form the entries are indexed in (``search.text``)."""
    return text.stem_text(query)


def db_hit(row, query_stems) -> Hit:
    excerpt_source = row.body if any(
        text.stem(word) in query_stems for word in text.words(row.body)) else (
        row.summary or row.body)
    return Hit(
        key=row.key, title=text.highlighted(row.heading, query_stems, whole=True),
        excerpt=text.highlighted(excerpt_source, query_stems), url=row.url, type=row.type,
        site=row.site, date=row.date, start=row.start, end=row.end, section=row.section,
    )


def matching(entries, query: str, *, autocomplete: bool = False):
    """The entries of this queryset that Wagtail's database search matches (every word, or
    for suggestions every word with the last one as a prefix), as a plain queryset.

    Wagtail's own relevance ordering costs one full-text query per matching entry on SQLite
    (a correlated subquery): the results are ordered here instead (``ranked``)."""
    backend = indexing.database_backend()
    if autocomplete:
        found = backend.autocomplete(query, entries, operator="and", order_by_relevance=False)
    else:
        found = backend.search(query, entries, operator="and", order_by_relevance=False)
    return found.get_queryset().order_by()


def ranked(queryset, query_stems: list[str]):
    """Entries whose title is exactly the words typed first, then those whose title has
    them all, then some of them; the most recent first within each."""
    whole = Q(title_stems=f" {' '.join(query_stems)} ")
    in_title = [Q(title_stems__contains=f" {stem} ") for stem in query_stems]
    rank = Case(
        When(whole, then=Value(4)),
        When(functools.reduce(operator.and_, in_title), then=Value(3)),
        When(functools.reduce(operator.or_, in_title), then=Value(1)),
        default=Value(0), output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by("-rank", F("date").desc(nulls_last=True),
                                                 "-pk")


def database_search(params: queries.SearchParams, audience: queries.Audience) -> Results:
    """Two queries: the facet counts (one grouped count of the matching entries, from which
    every facet and the total are read), then one page of hits."""
    query = database_query(params.query)
    results = Results(params.query)
    if not query:
        return results
    query_stems = query.split()
    matches = matching(queries.db_entries(audience, params.language), query)
    fields = list(queries.FACETS.values())
    groups = list(matches.values(*fields).annotate(count=Count("pk")).order_by())
    selected = {queries.FACETS[name]: str(value) for name, value in params.facets.items()
                if name in queries.FACETS}

    def passes(group, ignore=None):
        return all(str(group[field]) == value for field, value in selected.items()
                   if field != ignore)

    results.total = sum(group["count"] for group in groups if passes(group))
    for name, field in queries.FACETS.items():
        counts = defaultdict(int)
        for group in groups:
            if passes(group, ignore=field):
                counts[group[field]] += group["count"]
        results.facets[name] = facet_values(name, counts.items(), params.facets.get(name))
    if not results.total:
        results.suggestion = database_suggestion(params, audience)
    else:
        chosen = {queries.FACETS[name]: value for name, value in params.facets.items()
                  if name in queries.FACETS}
        hits = ranked(matches.filter(**chosen), query_stems)
        stems = set(query_stems)
        results.hits = [db_hit(row, stems) for row in
                        hits[params.start:params.start + params.per_page]]
    return results


def database_suggestion(params: queries.SearchParams, audience: queries.Audience) -> str:
    """The query with its misspelt words replaced from the words of what this audience may
    open, when it then finds something (with the same facets); or ""."""
    entries = queries.db_entries(audience, params.language)
    known = spelling.vocabulary(entries, (audience, params.language))
    suggestion = spelling.corrected(params.query, known)
    stems = database_query(suggestion)
    if not stems:
        return ""
    facets = queries.db_entries(audience, params.language, params.facets)
    return suggestion if matching(facets, stems).exists() else ""


def database_autocomplete(query, audience, language) -> list[dict]:
    words = " ".join(text.words(query))
    if not words:
        return []
    rows = ranked(matching(queries.db_entries(audience, language), words, autocomplete=True),
                  [text.stem(word) for word in words.split()])
    return [{"title": row.heading, "url": row.url, "type": registry.type_label(row.type)}
            for row in rows.only("heading", "url", "type")[:queries.AUTOCOMPLETE_SIZE]]


# --- Either ----------------------------------------------------------------------------------

def search(params: queries.SearchParams, audience: queries.Audience) -> Results:
    if connection.available():
        try:
            return elasticsearch_search(params, audience, connection.get_client())
        except connection.FAILURES as error:
            connection.record_failure(error, "searching")
            results = database_search(params, audience)
            results.fallback = True
            return results
    results = database_search(params, audience)
    results.fallback = connection.configured()
    return results


def autocomplete(query: str, audience: queries.Audience, language: str) -> list[dict]:
    if connection.available():
        try:
            return elasticsearch_autocomplete(query, audience, language,
                                              connection.get_client())
        except connection.FAILURES as error:
            connection.record_failure(error, "suggesting")
    return database_autocomplete(query, audience, language)
