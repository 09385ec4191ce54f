import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from events import demo
from events.models import EventStatus, LocalEvent, Region, TimeSlot, Venue
from events.seeding import EDITION_SLUG

pytestmark = pytest.mark.django_db


def test_seed_events_spreads_realistic_events_over_every_region(sites):
    call_command("seed_events", "--count", "60")
    events = LocalEvent.objects.filter(edition__slug=EDITION_SLUG)
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
    assert count == demo.LOCAL_EVENTS
    assert LocalEvent.objects.filter(status=EventStatus.SUBMITTED, region__slug="bretagne"
                                     ).exists()
    changed = LocalEvent.objects.get(change_status=EventStatus.SUBMITTED)
    assert changed.status == EventStatus.APPROVED and changed.region.slug == "bretagne"
    assert changed.get_latest_revision_as_object().title.endswith("visite prolongée")
    demo.load(stdout=_Sink())
    assert LocalEvent.objects.count() == count


class _Sink:
    def write(self, text):
        pass
