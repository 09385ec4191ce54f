import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from wagtail.models import Page

from events import demo
from events.models import (
    DirectorateEventPage,
    EventStatus,
    LocalEvent,
    NationalEventPage,
    Region,
    TimeSlot,
    Venue,
)
from events.seeding import JEP_SLUG, jep_dates, next_year

pytestmark = pytest.mark.django_db


def test_seed_events_spreads_realistic_events_over_every_region(sites):
    call_command("seed_events", "--count", "60")
    events = LocalEvent.objects.filter(edition__slug=f"{JEP_SLUG}-{next_year(jep_dates)}")
    assert events.filter(status=EventStatus.APPROVED).count() == 60
    assert set(events.values_list("region", flat=True)) == set(
        Region.objects.values_list("pk", flat=True))
    assert not TimeSlot.objects.filter(event__in=events, end__lte=F("start")).exists()
    for venue in Venue.objects.all():
        venue.full_clean(exclude=["key"])  # real INSEE codes, coordinates in the department


def test_seed_events_refuses_a_bad_count(sites):
    with pytest.raises(CommandError):
        call_command("seed_events", "--count", "0")


def test_demo_loads_once(sites, directorates):
    demo.load(stdout=_Sink())
    count = LocalEvent.objects.count()
    assert count == demo.LOCAL_EVENTS + demo.NUIT_EVENTS
    assert LocalEvent.objects.filter(status=EventStatus.SUBMITTED, region__slug="bretagne"
                                     ).exists()
    # Several organisers and organisations, varied titles, some events with a picture
    # described in words.
    published = LocalEvent.objects.filter(status=EventStatus.APPROVED)
    assert published.values("organiser").distinct().count() >= 4
    assert published.values("organisation").distinct().count() >= 20
    assert published.values("title").distinct().count() > 0.8 * published.count()
    pictured = published.exclude(image="")
    assert 0.1 * published.count() < pictured.count() < 0.5 * published.count()
    assert all(event.image_alt.startswith("Dessin") for event in pictured)
    # Both national events have their English page.
    assert {page.title.rsplit(" ", 1)[0] for page in NationalEventPage.objects.filter(
        locale__language_code="en")} == {"European Heritage Days", "European Night of Museums"}
    changed = LocalEvent.objects.get(change_status=EventStatus.SUBMITTED)
    assert changed.status == EventStatus.APPROVED and changed.region.slug == "bretagne"
    assert changed.get_latest_revision_as_object().title.endswith("visite prolongée")
    demo.load(stdout=_Sink())
    assert LocalEvent.objects.count() == count


class _Sink:
    def write(self, text):
        pass


# --- a demo that lives in the present ---------------------------------------------------------

def set_clock(monkeypatch, day):
    """Every ``timezone.now()`` (and so ``localdate()``) answers 9 a.m. on ``day``."""
    from django.utils import timezone

    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def check_coherent(client, day, moment):
    from pages.models import DownloadCount, NewsArticlePage, PublicationPage

    html = client.get("/").content.decode()
    agenda = html.split('id="agenda"', 1)[1].split("</section>", 1)[0]
    dates = [dt.date.fromisoformat(value) for value in
             re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', agenda)]
    assert dates and all(date >= day for date in dates), agenda
    # The next national event comes within the year.
    national = NationalEventPage.objects.live().filter(end_date__gte=day).order_by("start_date")
    assert national.first().start_date - day < dt.timedelta(days=366)
    assert national.first().title in agenda
    # The directorate's events are to come, and registration is open.
    upcoming = DirectorateEventPage.objects.live().filter(registration_enabled=True)
    assert upcoming.exists() and all(page.start > moment for page in upcoming)
    conference = client.get(upcoming.first().url).content.decode()
    assert 'name="email"' in conference and 'id="seats-left"' in conference
    # News from the last weeks, publications of the past, downloads over the last 12 months.
    dates = sorted(NewsArticlePage.objects.values_list("date", flat=True))
    assert dates[-1] <= day and day - dates[-1] < dt.timedelta(days=30)
    assert max(PublicationPage.objects.values_list("publication_date", flat=True)) <= day
    months = set(DownloadCount.objects.values_list("month", flat=True))
    assert max(months) == day.replace(day=1)
    assert len({month for month in months if day - month < dt.timedelta(days=366)}) == 12


def test_demo_dates_follow_the_day_it_is_loaded(monkeypatch, public_client):
    """Loaded in March, the next national event is May's Nuit des musées; loaded again in
    June on the same database, it is September's Journées du patrimoine; either way nothing
    upcoming is past and nothing is duplicated."""
    first_day, later_day = dt.date(2027, 3, 1), dt.date(2027, 6, 10)
    moment = set_clock(monkeypatch, first_day)
    call_command("load_demo", stdout=StringIO())
    check_coherent(public_client, first_day, moment)
    home = public_client.get("/").content.decode()
    assert "Nuit européenne des musées 2027" in home.split('id="agenda"', 1)[1]
    pages = Page.objects.count()

    moment = set_clock(monkeypatch, later_day)
    call_command("load_demo", stdout=StringIO())
    check_coherent(public_client, later_day, moment)
    agenda = public_client.get("/").content.decode().split('id="agenda"', 1)[1]
    assert "Journées européennes du patrimoine 2027" in agenda
    # Only the next Nuit des musées (2028), with its regional pages and its English page, was
    # added.
    nuit_2028 = NationalEventPage.objects.get(slug="nuit-europeenne-des-musees-2028")
    assert Page.objects.count() == pages + 2 + nuit_2028.get_children().count()
    assert NationalEventPage.objects.filter(slug="european-night-of-museums-2028").exists()
