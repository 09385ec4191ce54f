"""What visitors search, counted without knowing who: each search (its first page, before
any facet is chosen) adds a hit to its query (search_promotions' ``Query`` and
``QueryDailyHits``, which the promotions' admin lists as popular searches) and to the query's
count for the site and day (``QuerySiteDay``: searches, searches without results, results
of the last one). The admin's report (*Reports → Searches*) reads them."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.models import QuerySiteDay


@transaction.atomic
def record_search(query: str, site: str, total: int):
    searched = Query.get(query)
    searched.add_hit()
    day, _created = QuerySiteDay.objects.get_or_create(query=searched, site=site,
                                                       date=timezone.localdate())
    QuerySiteDay.objects.filter(pk=day.pk).update(
        searches=F("searches") + 1, without_results=F("without_results") + (0 if total else 1),
        last_results=total)
