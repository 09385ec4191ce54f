"""Reference data and the rules a venue, a time slot and a local event must follow."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Department, LocalEvent, Region, Theme, TimeSlot, Venue
from tests.helpers.events import make_event, venue_in

pytestmark = pytest.mark.django_db


def test_migration_loads_18_regions_and_101_departments_with_insee_codes():
    assert Region.objects.count() == 18
    assert Department.objects.count() == 101
    assert Department.objects.get(code="2A").region.name == "Corse"
    assert Department.objects.get(code="2B").region.name == "Corse"
    assert Department.objects.get(code="974").region.code == "04"
    assert Department.objects.get(code="35").region.slug == "bretagne"
    assert not Department.objects.filter(code="20").exists()
    assert Theme.objects.filter(slug="jardins").exists()


def venue(commune_code, department_code, lat, lon):
    return Venue(name="Mairie", address="1 place", postcode="35000", commune="X",
                 commune_code=commune_code, latitude=lat, longitude=lon,
                 department=Department.objects.get(code=department_code))


@pytest.mark.parametrize("commune_code,department_code,lat,lon", [
    ("35238", "35", 48.11, -1.68),       # Rennes
    ("2A004", "2A", 41.92, 8.74),        # Ajaccio
    ("2b033", "2B", 42.70, 9.45),        # Bastia, typed in lower case
    ("97411", "974", -20.88, 55.45),     # Saint-Denis de La Réunion
    ("97611", "976", -12.78, 45.23),     # Mamoudzou
])
def test_valid_venues_pass(commune_code, department_code, lat, lon):
    venue(commune_code, department_code, lat, lon).full_clean(exclude=["key"])


@pytest.mark.parametrize("commune_code,department_code", [
    ("29232", "35"),   # Quimper is not in Ille-et-Vilaine
    ("20004", "2A"),   # no department 20 any more
    ("97411", "971"),  # Réunion commune said to be in Guadeloupe
    ("3523", "35"),    # too short
])
def test_commune_must_belong_to_its_department(commune_code, department_code):
    with pytest.raises(ValidationError) as error:
        venue(commune_code, department_code, 48.11, -1.68).full_clean(exclude=["key"])
    assert "commune_code" in error.value.message_dict


@pytest.mark.parametrize("lat,lon,department_code,commune_code", [
    (51.5, -0.12, "35", "35238"),     # London
    (40.4, -3.7, "35", "35238"),      # Madrid
    (-20.88, 55.45, "35", "35238"),   # in France, but La Réunion is not Ille-et-Vilaine
])
def test_coordinates_must_be_in_france_and_in_the_department_territory(
    lat, lon, department_code, commune_code
):
    with pytest.raises(ValidationError) as error:
        venue(commune_code, department_code, lat, lon).full_clean(exclude=["key"])
    assert "latitude" in error.value.message_dict


def test_venues_are_deduplicated_by_name_and_commune():
    first = venue_in("35238", name="Chapelle Saint-Yves")
    again = venue_in("35238", name="Chapelle Saint-Yves")
    assert first.pk == again.pk
    assert Venue.make_key("Chapelle  saint-Yves", "35238") == first.key


def test_time_slot_end_must_come_after_start(edition, organiser):
    event = make_event(edition, organiser)
    start = timezone.make_aware(dt.datetime(2026, 9, 19, 14))
    slot = TimeSlot(event=event, start=start, end=start - dt.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        slot.full_clean()
    assert "end" in error.value.message_dict


@pytest.mark.parametrize("fields,error_field", [
    ({"booking_required": True}, "booking_url"),
    ({"attendance_mode": "online"}, "online_url"),
    ({"is_free": False, "price": ""}, "price"),
    ({"age_min": 12, "age_max": 6}, "age_max"),
])
def test_event_rules(edition, organiser, fields, error_field):
    event = LocalEvent(edition=edition, organiser=organiser, title="T", description="D",
                       **fields)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error_field in error.value.message_dict


def test_event_keeps_region_and_department_of_its_venue_and_its_date_bounds(edition, organiser):
    event = make_event(edition, organiser, venue=venue_in("29019", name="Phare", commune="Brest",
                                                          lat=48.39, lon=-4.49), slots=3)
    assert event.department.code == "29" and event.region.slug == "bretagne"
    assert event.first_start.hour == 8 and event.last_end.hour == 13  # UTC, Paris 10h–15h
