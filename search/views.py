"""``/recherche/`` (and ``/en/recherche/``) on both hosts, and its suggestions endpoint.

The public site searches public content only; the intranet what the signed-in agent may
open (``search.queries.Audience``). Results come from Elasticsearch, or from the database
when it is not configured or fails (the page then says so discreetly). The results page
shows the promoted results of the query first (``search.promotions``), offers a correction
when nothing was found (``search.spelling``), and counts each search for the report
(``search.statistics``).
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.filters import errors_in_words
from portal.listing import query_with
from search import engines
from search.forms import SearchForm, SuggestionsForm
from search.promotions import promoted_for
from search.queries import Audience, SearchParams
from search.statistics import record_search

PER_PAGE = 10
FACET_ORDER = ("type", "year", "directorate", "region")
FACET_LABELS = {"type": _("Type"), "year": _("Year"), "directorate": _("Directorate"),
                "region": _("Region")}


class Window:
    """The hits of one page standing for the whole list, for Django's paginator."""

    def __init__(self, total, hits, start):
        self.total, self.hits, self.start = total, hits, start

    def count(self):
        return self.total

    def __getitem__(self, item):
        return self.hits


def language() -> str:
    return (get_language() or "fr").split("-")[0]


def facet_groups(request, results, params) -> list[dict]:
    """Each facet with its values, counts and the link that selects or clears it."""
    groups = []
    for name in FACET_ORDER:
        values = results.facets.get(name) or []
        if not values:
            continue
        for value in values:
            changes = {name: None if value.selected else value.value, "page": None}
            value.url = "?" + query_with(request.GET, **changes)
        groups.append({"name": name, "label": FACET_LABELS[name], "values": values,
                       "clear_url": "?" + query_with(request.GET, **{name: None, "page": None})
                       if name in params.facets else ""})
    return groups


def private(response):
    """Results depend on who asks: never kept by a shared cache."""
    patch_cache_control(response, private=True, max_age=0)
    patch_vary_headers(response, ["Cookie"])
    return response


def search(request):
    form = SearchForm(request.GET)
    context = {"form": form, "query": "", "results": None}
    if not form.is_valid():
        context["filter_errors"] = errors_in_words(form)
        return private(TemplateResponse(request, "search/search.html", context, status=400))
    query = form.cleaned_data["q"].strip()
    context["query"] = query
    if not query:
        return private(TemplateResponse(request, "search/search.html", context))
    params = SearchParams(query, language=language(), facets=form.facets(),
                          page=form.cleaned_data["page"] or 1, per_page=PER_PAGE)
    audience = Audience.for_request(request)
    results = engines.search(params, audience)
    last = max(1, -(-results.total // PER_PAGE))
    if params.page > last:
        params.page = last
        results = engines.search(params, audience)
    promoted = promoted_for(request, query) if params.page == 1 else []
    if params.page == 1 and not params.facets:
        # A search, not a refinement of one: counted for the report (nothing personal).
        record_search(query, "intranet" if getattr(request, "is_intranet", False)
                      else "public", results.total)
    promoted_keys = {item.key for item in promoted}
    hits = [hit for hit in results.hits if hit.key not in promoted_keys]
    page_obj = Paginator(Window(results.total, hits, params.start),
                         PER_PAGE).page(params.page)
    context.update(results=results, page_obj=page_obj, promoted=promoted,
                   facet_groups=facet_groups(request, results, params),
                   is_filtering=bool(params.facets),
                   suggestion_url="?" + query_with(request.GET, q=results.suggestion, page=None)
                   if results.suggestion else "",
                   clear_facets_url="?" + query_with(request.GET, type=None, directorate=None,
                                                     region=None, year=None, page=None))
    return private(TemplateResponse(request, "search/search.html", context))


def suggestions(request):
    """JSON for the search bar: up to eight titles that begin with what was typed, among
    what the visitor may open."""
    form = SuggestionsForm(request.GET)
    items = []
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if len(query) >= 2:
            items = engines.autocomplete(query, Audience.for_request(request), language())
    return private(JsonResponse({"suggestions": items}))
