"""What visitors search, counted without knowing who: each search (its first page, before
any facet is chosen) adds a hit to its query (search_promotions' ``Query`` and
``QueryDailyHits``, which the promotions' admin lists as popular searches) and to the query's
count for the site and day (``QuerySiteDay``: searches, searches without results, results
of the last one). The admin's report (*Reports → Searches*) reads them."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.models import QuerySiteDay


def record_search(query: str, site: str, total: int):
    """Four queries once the query was searched that day on that site: its ``Query``, its
    daily hit (read and written), its count for the site and day (one update)."""
    searched = Query.get(query)
    searched.add_hit()
    day = QuerySiteDay.objects.filter(query=searched, site=site, date=timezone.localdate())
    changes = {"searches": F("searches") + 1,
               "without_results": F("without_results") + (0 if total else 1),
               "last_results": total}
    if day.update(**changes):
        return
    try:
        with transaction.atomic():
            QuerySiteDay.objects.create(query=searched, site=site, date=timezone.localdate(),
                                        searches=1, without_results=0 if total else 1,
                                        last_results=total)
    except IntegrityError:  # counted at the same moment by another request
        day.update(**changes)
