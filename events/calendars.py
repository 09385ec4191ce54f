"""iCalendar (RFC 5545) output: one event, a directorate event, or a streamed feed of a
filtered list. Written line by line rather than through an object tree so that a feed of
tens of thousands of events streams in constant memory; tests parse it with ``icalendar``."""

import datetime as dt

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

from events.models import EventStatus

PRODID = "-//Relais//Programme des evenements//FR"
CRLF = "\r\n"


def escape_text(value: str) -> str:
    return (
        str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_header(name: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    return "".join(fold(line) + CRLF for line in lines)


CALENDAR_FOOTER = "END:VCALENDAR" + CRLF


def vevent(*, uid, start, end, summary, description="", location="", url="", cancelled=False,
           stamp=None, geo=None) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{utc_stamp(stamp or timezone.now())}",
        f"DTSTART:{utc_stamp(start)}",
        f"DTEND:{utc_stamp(end)}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if geo is not None:
        lines.append(f"GEO:{geo[0]:.6f};{geo[1]:.6f}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return "".join(fold(line) + CRLF for line in lines)


def local_event_vevents(event, base_url: str, host: str) -> str:
    """One VEVENT per time slot of a local event (``slots`` prefetched)."""
    venue = event.venue
    location = f"{venue.name}, {venue.address}, {venue.postcode} {venue.commune}" if venue else ""
    geo = (venue.latitude, venue.longitude) if venue else None
    url = base_url + event.get_absolute_url()
    return "".join(
        vevent(uid=f"local-event-{event.pk}-{slot.pk}@{host}", start=slot.start, end=slot.end,
               summary=event.title, description=event.description, location=location, url=url,
               cancelled=event.status == EventStatus.CANCELLED, stamp=event.updated_at, geo=geo)
        for slot in event.slots.all()
    )


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def calendar_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def local_event_calendar(event, request) -> HttpResponse:
    body = (calendar_header(event.title)
            + local_event_vevents(event, _base_url(request), request.get_host())
            + CALENDAR_FOOTER)
    return calendar_response(body, f"{slugify(event.title)[:60] or 'evenement'}.ics")


def directorate_event_calendar(page, request) -> HttpResponse:
    body = calendar_header(page.title) + vevent(
        uid=f"directorate-event-{page.pk}@{request.get_host()}", start=page.start, end=page.end,
        summary=page.title, description=page.summary,
        location=", ".join(part for part in (page.location, page.address) if part),
        url=page.full_url or "", stamp=page.last_published_at,
    ) + CALENDAR_FOOTER
    return calendar_response(body, f"{page.slug}.ics")


def feed_response(events, request, name: str) -> StreamingHttpResponse:
    """A subscribable feed of a filtered list, streamed in chunks of events."""
    base_url, host = _base_url(request), request.get_host()

    def chunks():
        yield calendar_header(name)
        for event in events.iterator(chunk_size=500):
            yield local_event_vevents(event, base_url, host)
        yield CALENDAR_FOOTER

    response = StreamingHttpResponse(chunks(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="programme.ics"'
    return response
