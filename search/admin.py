"""The admin's report of what visitors search (*Reports → Searches*): each query with how
often it was searched and how often it found nothing over a period, on one site or both;
CSV and XLSX exports. Counted by ``search.statistics``."""

import django_filters
from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _

from portal.filters import ChoiceFilter, DateFilter, FlagFilter
from portal.report_views import CountsReportView
from search.models import QuerySiteDay


def keep(queryset, name, value):
    """Applied to the counts once summed (``SearchesReportView``), not to each day."""
    return queryset


class SearchesFilters(django_filters.FilterSet):
    date_from = DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    date_to = DateFilter(label=_("To"), field_name="date", lookup_expr="lte")
    site = ChoiceFilter(label=_("Site"), choices=QuerySiteDay.SITES)
    nothing_found = FlagFilter(label=_("Found nothing at least once"), method=keep)

    class Meta:
        model = QuerySiteDay
        fields = ["date_from", "date_to", "site"]


class SearchesReportView(CountsReportView):
    """The queries searched over the period, the most frequent first; with "found nothing",
    those that found nothing, the most frequent failures first."""

    page_title = _("Searches")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = SearchesFilters
    model = QuerySiteDay
    counted = [("query__query_string", _("Query")), ("searches", _("Searches")),
               ("without_results", _("Searches without results")),
               ("last_day", _("Last searched"))]
    export_filename = "recherches"

    def get_filtered_queryset(self):
        counts = (self.filter_queryset(self.get_queryset())
                  .values("query__query_string")
                  .annotate(searches=Sum("searches"), without_results=Sum("without_results"),
                            last_day=Max("date")))
        if self.filters is not None and self.filters.form.is_valid() and (
                self.filters.form.cleaned_data.get("nothing_found")):
            return counts.filter(without_results__gt=0).order_by(
                "-without_results", "-searches", "query__query_string")
        return counts.order_by("-searches", "query__query_string")
