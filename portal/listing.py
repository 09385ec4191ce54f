"""Pagination and filter-link helpers shared by every listing (news, publications, events…)."""

from django.core.paginator import Paginator
from django.http import QueryDict


def paginate(request, items, per_page: int = 12):
    """The requested page of ``items``; a missing, bad or too large number gives a real page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_with(query: QueryDict, **changes) -> str:
    """The query string with some parameters replaced or (value None) removed."""
    query = query.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()
