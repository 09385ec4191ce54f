"""Who is searching, and the queries sent for them: to Elasticsearch (elasticsearch-dsl
``Search`` objects, whose ``to_dict()`` is the body sent) and to the database (the queryset
of entries Wagtail's database search runs on).

The permission filter is part of every query, so that counts, facets, pages, highlights and
suggestions are computed on what the visitor may open, never on more:

- the public site shows public content only, whoever asks (like its lists and feeds);
- on the intranet, an agent (any account with intranet access) sees what everyone sees, the
  network-wide intranet content (``staff``), and what is restricted to one of their groups;
  a superuser sees everything.

An account without intranet access (a partner, an organiser) never reaches the intranet
(``portal.intranet``); should it ask anyway, it gets the public audience.
"""

import dataclasses
import functools
import operator

from django.db.models import Q
from elasticsearch_dsl import Q as ESQ
from elasticsearch_dsl import Search

from search.index import VOCABULARY, alias_name
from search.models import SearchEntry
from search.registry import EVERYONE, GROUPS, STAFF

# Facets: the parameter, and the field of the index it counts.
FACETS = {"type": "type", "directorate": "directorate", "region": "region", "year": "year"}
FACET_SIZE = 30
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
# Fields searched, with their weight: the title counts most, then tags and summary.
SEARCHED_FIELDS = ["title^5", "title.en^4", "tags^3", "tags.en^2", "summary^2", "summary.en",
                   "body", "body.en^0.5"]
AUTOCOMPLETE_SIZE = 8
SUGGESTION = "did_you_mean"


@dataclasses.dataclass(frozen=True)
class Audience:
    """What one visitor may find: the sites searched, and which restricted content."""

    sites: tuple[str, ...] = ("public",)
    staff: bool = False
    groups: frozenset[int] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, user, *, intranet: bool) -> "Audience":
        if not intranet or user is None or not user.is_authenticated:
            return cls()
        if not user.can_access_intranet:
            return cls()
        if user.is_superuser:
            return cls(sites=("public", "intranet"), staff=True, everything=True)
        groups = frozenset(user.groups.values_list("id", flat=True))
        return cls(sites=("public", "intranet"), staff=True, groups=groups)

    @classmethod
    def for_request(cls, request) -> "Audience":
        intranet = getattr(request, "is_intranet", False)
        return cls.of(getattr(request, "user", None), intranet=intranet)


@dataclasses.dataclass
class SearchParams:
    query: str = ""
    language: str = "fr"
    facets: dict = dataclasses.field(default_factory=dict)  # parameter -> selected value
    page: int = 1
    per_page: int = 10

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page


# --- The permission filter --------------------------------------------------------------------

def es_permission_filter(audience: Audience):
    """The Elasticsearch filter of what this audience may open."""
    sites = ESQ("terms", site=list(audience.sites))
    if audience.everything:
        return sites
    allowed = [ESQ("term", visibility=EVERYONE)]
    if audience.staff:
        allowed.append(ESQ("term", visibility=STAFF))
    if audience.groups:
        allowed.append(ESQ("bool", filter=[
            ESQ("term", visibility=GROUPS),
            ESQ("terms", groups=[str(group) for group in sorted(audience.groups)]),
        ]))
    return ESQ("bool", filter=[sites], should=allowed, minimum_should_match=1)


def db_permission_filter(audience: Audience) -> Q:
    """The same filter on the table of entries."""
    sites = Q(site__in=audience.sites)
    if audience.everything:
        return sites
    allowed = [Q(visibility=EVERYONE)]
    if audience.staff:
        allowed.append(Q(visibility=STAFF))
    allowed += [Q(visibility=GROUPS, group_keys__contains=f"|{group}|")
                for group in sorted(audience.groups)]
    return sites & functools.reduce(operator.or_, allowed)


# --- Elasticsearch ----------------------------------------------------------------------------

def aliases_for(audience: Audience, language: str) -> list[str]:
    return [alias_name(site, language) for site in audience.sites]


def facet_filter(name: str, value):
    return ESQ("term", **{FACETS[name]: value})


def text_query(query: str):
    return ESQ("bool", should=[
        ESQ("multi_match", query=query, fields=SEARCHED_FIELDS, type="best_fields",
            operator="and", tie_breaker=0.3),
        ESQ("match_phrase", title={"query": query, "boost": 3}),
    ], minimum_should_match=1)


def phrase_suggester(audience: Audience) -> dict:
    """"Did you mean": corrections of the words typed from the ``vocabulary`` field, kept
    only when the same search with the visitor's permission filter finds something with
    them (``collate``), so that no word of content they may not open is ever offered."""
    return {
        "field": VOCABULARY, "size": 1, "gram_size": 1, "max_errors": 2,
        "direct_generator": [{"field": VOCABULARY, "suggest_mode": "always",
                              "min_word_length": 4}],
        "collate": {"query": {"source": ESQ("bool", must=[text_query("{{suggestion}}")],
                                            filter=[es_permission_filter(audience)]).to_dict()},
                    "prune": False},
    }


def build_search(params: SearchParams, audience: Audience) -> Search:
    """The search sent for one results page: the text query and the permission filter,
    the facets counted on everything the visitor may open that matches (each facet leaving
    out its own selection, so its other values stay offered), the selected facets applied
    to the hits (``post_filter``), highlights, one page of hits and "did you mean"."""
    search = Search(index=aliases_for(audience, params.language))
    search = search.query(ESQ("bool", must=[text_query(params.query)],
                              filter=[es_permission_filter(audience)]))
    selected = {name: value for name, value in params.facets.items() if name in FACETS}
    for name, field in FACETS.items():
        others = [facet_filter(other, value) for other, value in selected.items()
                  if other != name]
        search.aggs.bucket(name, "filter", filter=ESQ("bool", filter=others)).bucket(
            "values", "terms", field=field, size=FACET_SIZE)
    if selected:
        search = search.post_filter(ESQ("bool", filter=[
            facet_filter(name, value) for name, value in selected.items()]))
    search = search.highlight("title", number_of_fragments=0)
    search = search.highlight("summary", "body", fragment_size=180, number_of_fragments=1)
    search = search.highlight_options(encoder="html", **HIGHLIGHT_TAGS)
    search = search.source(["title", "summary", "type", "site", "url", "date", "start", "end",
                            "section", "directorate", "region"])
    search = search.extra(track_total_hits=True)
    search = search.suggest(SUGGESTION, params.query, phrase=phrase_suggester(audience))
    return search[params.start:params.start + params.per_page]


def build_autocomplete(query: str, audience: Audience, language: str) -> Search:
    """Titles that begin with what was typed, accents and capitals aside."""
    search = Search(index=aliases_for(audience, language))
    search = search.query(ESQ("bool", must=[
        ESQ("match", **{"title.autocomplete": {"query": query, "operator": "and"}}),
    ], filter=[es_permission_filter(audience)]))
    search = search.source(["title", "url", "type"])
    return search[:AUTOCOMPLETE_SIZE]


# --- The database -----------------------------------------------------------------------------

def db_entries(audience: Audience, language: str, facets: dict | None = None):
    """The entries this audience may open, in this language (or every language), with the
    selected facets."""
    queryset = SearchEntry.objects.filter(db_permission_filter(audience))
    queryset = queryset.filter(language__in=[language, ""])
    for name, value in (facets or {}).items():
        if name in FACETS:
            queryset = queryset.filter(**{FACETS[name]: value})
    return queryset
