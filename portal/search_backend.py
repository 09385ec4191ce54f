"""Elasticsearch with the database search as a spare: when Elasticsearch does not answer, the
admin's searches (pages, documents, images, choosers) run on Wagtail's database backend
instead of answering 500, and a warning is logged.

The spare is another entry of WAGTAILSEARCH_BACKENDS (``"database"`` by default, set with the
``SPARE`` option), indexed on every save alongside Elasticsearch, so its results are current.
Indexing itself already survives an outage: Wagtail catches and logs the errors of an
Elasticsearch backend when an object is saved or deleted, and the database index is written
anyway. Timeouts, retries and a circuit breaker belong to the search app.
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

logger = logging.getLogger(__name__)

# Connection refused or timed out (TransportError), or an error answer such as a missing index
# before the first update_index (ApiError).
ELASTICSEARCH_FAILURES = (TransportError, ApiError)


class SearchResultsWithSpare(Elasticsearch8SearchResults):
    spare = None  # runs the same search on the spare backend

    def _clone(self):
        clone = super()._clone()
        clone.spare = self.spare
        return clone

    def _spare_search(self, error):
        logger.warning(
            "Elasticsearch did not answer a search of %s (%s): searched the database instead.",
            self.query_compiler.queryset.model._meta.label, error,
        )
        results = self.spare()
        return results.annotate_score(self._score_field) if self._score_field else results

    def _do_search(self):
        try:
            return list(super()._do_search())
        except ELASTICSEARCH_FAILURES as error:
            return list(self._spare_search(error)[self.start:self.stop])

    def _do_count(self):
        try:
            return super()._do_count()
        except ELASTICSEARCH_FAILURES as error:
            return self._spare_search(error)[self.start:self.stop].count()

    def facet(self, field_name):
        # The admin's page search counts its results per page type.
        try:
            return super().facet(field_name)
        except ELASTICSEARCH_FAILURES as error:
            return self._spare_search(error).facet(field_name)


class Elasticsearch8WithDatabaseSpare(Elasticsearch8SearchBackend):
    results_class = SearchResultsWithSpare

    def __init__(self, params):
        params = dict(params)
        self.spare_backend = params.pop("SPARE", "database")
        super().__init__(params)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if isinstance(results, SearchResultsWithSpare):
            autocomplete = query_compiler_class is self.autocomplete_query_compiler_class

            def spare():
                backend = get_search_backend(self.spare_backend)
                search = backend.autocomplete if autocomplete else backend.search
                return search(query, model_or_queryset, **kwargs)

            results.spare = spare
        return results
