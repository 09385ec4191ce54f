"""What the events app adds to the home pages (``pages.base.models.HOME_SECTIONS_HOOK``): on
the public home, the next national event and the directorate's own upcoming events; on the
intranet home, the upcoming internal events and the events statistics. A fixed number of
queries, whatever the number of events."""

from django.urls import reverse
from django.utils import timezone

from events.models import DirectorateEventPage, NationalEventPage
from pages.base.models import HomePage, IntranetHomePage
from portal.intranet import public_pages, visible_to

UPCOMING_COUNT = 3


def upcoming_directorate_events(pages):
    return list(pages.live().filter(end__gte=timezone.now()).order_by("start", "pk")
                [:UPCOMING_COUNT])


def next_national_event(home):
    """The national event on now or coming next on this site."""
    return (public_pages(NationalEventPage.objects.live()).descendant_of(home)
            .filter(end_date__gte=timezone.localdate()).order_by("start_date", "pk").first())


def home_events_section(home, request):
    if isinstance(home, HomePage):
        national = next_national_event(home)
        events = upcoming_directorate_events(
            public_pages(DirectorateEventPage.objects.all()).descendant_of(home))
        return {
            "template": "events/includes/home_events.html",
            "order": 10,
            "national_event": national,
            "events": events,
            "pages": [*events, national] if national else events,
        }
    if isinstance(home, IntranetHomePage):
        events = upcoming_directorate_events(
            visible_to(DirectorateEventPage.objects.descendant_of(home), request.user))
        return {
            "template": "events/includes/home_events.html",
            "order": 10,
            "intranet": True,
            "events": events,
            "pages": events,
            "statistics_url": reverse("events:statistics"),
        }
    return None
