"""iCalendar (RFC 5545) output: one event, a directorate event, or a streamed feed of a
filtered list. Written line by line rather than through an object tree so that a feed of
tens of thousands of events streams in constant memory; tests parse it with ``icalendar``."""

import datetime as dt

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

from events import bulk
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
    if len(line) <= 75 and line.isascii():
        return line
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, begin, limit = [], 0, 75
    while len(encoded) - begin > limit:
        cut = begin + limit
        while encoded[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        parts.append(encoded[begin:cut])
        begin, limit = cut, 74  # continuation lines start with a space
    parts.append(encoded[begin:])
    return b"\r\n ".join(parts).decode("utf-8")


def utc_stamp(moment: dt.datetime) -> str:
    # Database datetimes already come in UTC: formatting fields is much cheaper than
    # astimezone() + strftime() for the tens of thousands of a feed.
    if moment.utcoffset():
        moment = moment.astimezone(dt.UTC)
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
            f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z")


def _lines(lines) -> str:
    return "".join(fold(line) + CRLF for line in lines)


def calendar_header(name: str) -> str:
    return _lines(["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
                   "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"])


CALENDAR_FOOTER = "END:VCALENDAR" + CRLF


def event_properties(*, summary, description="", location="", url="", cancelled=False,
                     geo=None) -> str:
    """The folded lines a VEVENT shares with the other time slots of the same event."""
    lines = [f"SUMMARY:{escape_text(summary)}"]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if geo is not None:
        lines.append(f"GEO:{geo[0]:.6f};{geo[1]:.6f}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED")
    return _lines(lines)


def vevent(*, uid, start, end, stamp, properties: str) -> str:
    return (f"BEGIN:VEVENT{CRLF}{fold(f'UID:{uid}')}{CRLF}"
            f"DTSTAMP:{utc_stamp(stamp or timezone.now())}{CRLF}"
            f"DTSTART:{utc_stamp(start)}{CRLF}DTEND:{utc_stamp(end)}{CRLF}"
            f"{properties}END:VEVENT{CRLF}")


def local_event_vevents(*, pk, title, description, venue, url, status, updated_at, slots,
                        host) -> str:
    """One VEVENT per time slot ``(slot id, start, end)`` of a local event; ``venue`` is
    ``(name, address, postcode, commune, latitude, longitude)`` or None."""
    location, geo = "", None
    if venue is not None:
        name, address, postcode, commune, latitude, longitude = venue
        location = f"{name}, {address}, {postcode} {commune}"
        if latitude is not None and longitude is not None:  # not known yet for every venue
            geo = (latitude, longitude)
    properties = event_properties(summary=title, description=description, location=location,
                                  url=url, cancelled=status == EventStatus.CANCELLED, geo=geo)
    return "".join(
        vevent(uid=f"local-event-{pk}-{slot_pk}@{host}", start=start, end=end,
               stamp=updated_at, properties=properties)
        for slot_pk, start, end in slots
    )


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def calendar_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def local_event_calendar(event, request) -> HttpResponse:
    venue = event.venue
    body = calendar_header(event.title) + local_event_vevents(
        pk=event.pk, title=event.title, description=event.description,
        venue=None if venue is None else (venue.name, venue.address, venue.postcode,
                                          venue.commune, venue.latitude, venue.longitude),
        url=_base_url(request) + event.get_absolute_url(), status=event.status,
        updated_at=event.updated_at,
        slots=[(slot.pk, slot.start, slot.end) for slot in event.slots.all()],
        host=request.get_host(),
    ) + CALENDAR_FOOTER
    return calendar_response(body, f"{slugify(event.title)[:60] or 'evenement'}.ics")


def directorate_event_calendar(page, request) -> HttpResponse:
    body = calendar_header(page.title) + vevent(
        uid=f"directorate-event-{page.pk}@{request.get_host()}", start=page.start, end=page.end,
        stamp=page.last_published_at, properties=event_properties(
            summary=page.title, description=page.summary,
            location=", ".join(part for part in (page.location, page.address) if part),
            url=page.full_url or ""),
    ) + CALENDAR_FOOTER
    return calendar_response(body, f"{page.slug}.ics")


FEED_FIELDS = ["pk", "title", "description", "status", "updated_at", "venue_id",
               "venue__name", "venue__address", "venue__postcode", "venue__commune",
               "venue__latitude", "venue__longitude"]


def _feed_vevents(values, slots, url_format, host) -> str:
    venue = None if values["venue_id"] is None else (
        values["venue__name"], values["venue__address"], values["venue__postcode"],
        values["venue__commune"], values["venue__latitude"], values["venue__longitude"])
    return local_event_vevents(
        pk=values["pk"], title=values["title"], description=values["description"],
        venue=venue, url=url_format.format(values["pk"]), status=values["status"],
        updated_at=values["updated_at"], slots=slots, host=host)


def feed_response(events, request, name: str) -> StreamingHttpResponse:
    """A subscribable feed of a filtered list, streamed a chunk of events at a time from
    plain rows (see ``events.bulk``)."""
    url_format, host = bulk.detail_url_format(_base_url(request)), request.get_host()

    def parts():
        yield calendar_header(name)
        for chunk in bulk.chunks(events, FEED_FIELDS):
            slots = bulk.slots_of([values["pk"] for values in chunk])
            yield "".join(_feed_vevents(values, slots.get(values["pk"], ()), url_format, host)
                          for values in chunk)
        yield CALENDAR_FOOTER

    response = StreamingHttpResponse(parts(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="programme.ics"'
    return response
