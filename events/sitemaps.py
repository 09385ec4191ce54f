"""Local events in the public website's ``sitemap.xml`` (registered with ``SITEMAPS_HOOK``).

Listed: the events the public programme shows (published, of a public edition) that are
still to come or under way. A cancelled event keeps its page for those who had noted it,
but search engines need not send anyone to it; a past event's page stays online, but is no
longer worth crawling.
"""

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from events.models import EventStatus, LocalEvent


class LocalEventSitemap(Sitemap):
    def items(self):
        return (LocalEvent.objects.published().exclude(status=EventStatus.CANCELLED)
                .filter(last_end__gte=timezone.now()).order_by("pk")
                .only("pk", "updated_at"))

    def lastmod(self, event):
        return event.updated_at
