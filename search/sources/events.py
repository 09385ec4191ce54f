"""Events: the published local events of national event pages live on the public site, and
the event page types (national events, regional programmes, directorate events).

A local event is indexed while it is published (approved, then possibly full or cancelled) —
its row holds the published version, its drafts and pending changes are revisions — and
while its national event page is live, public and on the public site. Submissions,
refusals, drafts and registrations are never indexed.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.models import (
    PUBLISHED_STATUSES,
    DirectorateEventPage,
    LocalEvent,
    NationalEventPage,
    RegionalProgrammePage,
)
from portal.sites import public_url
from search.registry import EVERYONE, Entry, Source, register, register_page_type, register_type


class LocalEventSource(Source):
    name = "localevent"
    model = LocalEvent

    def indexable(self):
        return LocalEvent.objects.published().filter(live=True)

    def entries(self, objects):
        events = (LocalEvent.objects.filter(pk__in=[item.pk for item in objects])
                  .select_related("venue", "department", "region", "edition__locale")
                  .prefetch_related("themes"))
        for event in events:
            venue = event.venue
            language = event.edition.locale.language_code
            with translation.override(language):
                url = public_url(event.get_absolute_url())
            yield Entry(
                key=self.key(event), type="event", title=event.title, site="public",
                language=language, url=url, summary=event.organisation,
                body=" ".join(part for part in (
                    event.description, venue.name if venue else "",
                    venue.commune if venue else "") if part),
                tags=[theme.name for theme in event.themes.all()],
                visibility=EVERYONE,
                region=event.region.name if event.region_id else "",
                department=event.department.name if event.department_id else "",
                date=event.first_start, start=event.first_start, end=event.last_end,
                section=event.edition.title,
            )

    def keys_for_pages(self, pages):
        """The events of national event pages that were published, unpublished, moved or
        made private."""
        editions = [page.pk for page in pages if page.specific_class
                    and issubclass(page.specific_class, NationalEventPage)]
        if not editions:
            return []
        return [self.key(event) for event in LocalEvent.objects.filter(
            edition_id__in=editions, status__in=PUBLISHED_STATUSES).only("pk")]


def national_event_date(page):
    return page.start_date


def national_event_extra(page, entry):
    entry.start, entry.end = page.start_date, page.end_date


def programme_extra(page, entry):
    entry.region = page.region.name


def directorate_event_date(page):
    return page.start


def directorate_event_extra(page, entry):
    entry.start, entry.end = page.start, page.end
    entry.body = " ".join(part for part in (page.location, page.address, entry.body) if part)


register_type("event", _("Event"), _("Events"))
register_type("national_event", _("National event"), _("National events"))
register_page_type(NationalEventPage, "national_event", date=national_event_date,
                   extra=national_event_extra)
register_page_type(RegionalProgrammePage, "national_event", date=None, extra=programme_extra)
register_page_type(DirectorateEventPage, "event", date=directorate_event_date,
                   extra=directorate_event_extra)
register(LocalEventSource())
