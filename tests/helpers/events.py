"""Venues and local events as organisers enter them."""

import datetime as dt

from django.utils import timezone

from events import moderation
from events.models import Department, EventStatus, LocalEvent, TimeSlot, Venue


def venue_in(commune_code, name="Chapelle Saint-Yves", department_code=None, lat=48.11,
             lon=-1.68, commune="Rennes", postcode="35000"):
    department = Department.objects.get(code=department_code or commune_code[:2])
    return Venue.objects.get_or_create(
        key=Venue.make_key(name, commune_code),
        defaults={"name": name, "address": "1 place de la Mairie", "postcode": postcode,
                  "commune": commune, "commune_code": commune_code, "department": department,
                  "latitude": lat, "longitude": lon},
    )[0]


def make_event(edition, organiser, *, venue=None, status=EventStatus.APPROVED,
               day=dt.date(2026, 9, 19), slots=1, themes=(), **fields):
    event = LocalEvent(edition=edition, organiser=organiser, venue=venue or venue_in("35238"),
                       title=fields.pop("title", "Visite de la chapelle"),
                       description=fields.pop("description", "Une visite commentée."),
                       status=status, **fields)
    event.save()
    for number in range(slots):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(10 + 2 * number)))
        TimeSlot.objects.create(event=event, start=start, end=start + dt.timedelta(hours=1))
    event.refresh_dates()
    event.themes.set(themes)  # a cluster relation: saved with the event
    event.save(update_fields=["first_start", "last_end", "themes"])
    return event


def propose_change(event, *, submit=True, slots=None, themes=None, **fields):
    """The organiser's change to a published event, stored (and submitted) as their form
    does. ``slots``: (start, end) pairs replacing the event's time slots."""
    working = moderation.working_version(event)
    for name, value in fields.items():
        setattr(working, name, value)
    if themes is not None:
        working.themes.set(themes)
    if slots is not None:
        working.slots.set([TimeSlot(start=start, end=end) for start, end in slots])
    moderation.save_draft(event, working, event.organiser)
    if submit:
        moderation.submit(event)
    event.refresh_from_db()
    return event
