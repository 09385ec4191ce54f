"""Open-data exports and ICS feeds: content, filters, bad parameters, and never anything
that is not published on the public site."""

import csv
import datetime as dt
import io
import json

import icalendar
import pytest

from events.models import EventStatus, NationalEventPage, Theme
from events.seeding import ensure_national_event
from tests.helpers.events import make_event, propose_change, venue_in

pytestmark = pytest.mark.django_db


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def mixed_events(edition, organiser, intranet_home):
    shown = make_event(edition, organiser, title="Publié", access_motor=True, slots=2,
                       themes=Theme.objects.filter(slug__in=["jardins", "musique"]))
    make_event(edition, organiser, title="Complet", status=EventStatus.FULL)
    for status in (EventStatus.DRAFT, EventStatus.SUBMITTED, EventStatus.REFUSED):
        make_event(edition, organiser, title=f"Caché {status}", status=status)
    propose_change(shown, title="Caché modification en attente")
    intranet_edition = NationalEventPage(title="Séminaire interne", slug="seminaire",
                                         edition_year=2026, start_date=edition.start_date,
                                         end_date=edition.end_date)
    intranet_home.add_child(instance=intranet_edition)
    intranet_edition.save_revision().publish()
    make_event(intranet_edition, organiser, title="Caché intranet")
    return shown


def test_csv_export_has_documented_columns_and_published_events_only(public_client,
                                                                      mixed_events):
    response = public_client.get("/evenements/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert {row["title"] for row in rows} == {"Publié", "Complet"}
    row = next(row for row in rows if row["title"] == "Publié")
    assert row["region"] == "Bretagne" and row["region_code"] == "53"
    assert row["department_code"] == "35" and row["commune_insee"] == "35238"
    assert row["accessibility"] == "motor" and row["free"] == "1"
    assert row["themes"] == "jardins;musique"
    assert len(row["time_slots"].split(";")) == 2
    assert row["url"] == f"http://localhost:8000/evenements/{mixed_events.pk}/"


def test_json_export_is_valid_and_published_only(public_client, mixed_events):
    data = json.loads(body(public_client.get("/evenements/export.json")))
    assert {row["title"] for row in data} == {"Publié", "Complet"}
    published = next(row for row in data if row["title"] == "Publié")
    assert published["accessibility"] == ["motor"]
    assert published["latitude"] == pytest.approx(48.11)


def test_ics_feed_is_valid_and_published_only(public_client, mixed_events):
    response = public_client.get("/evenements/flux.ics")
    calendar = icalendar.Calendar.from_ical(body(response))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert sorted(summaries) == ["Complet", "Publié", "Publié"]


def test_a_published_event_with_a_pending_change_exports_its_published_values(
    public_client, edition, organiser
):
    event = make_event(edition, organiser, title="Visite publiée", description="Texte publié",
                       themes=Theme.objects.filter(slug="jardins"))
    published_slot = event.slots.get()
    start = published_slot.start + dt.timedelta(days=1)
    propose_change(event, title="Titre en attente", description="Texte en attente",
                   is_free=False, price="5 €", themes=Theme.objects.filter(slug="musique"),
                   slots=[(start, start + dt.timedelta(hours=3))])
    assert event.change_status == EventStatus.SUBMITTED

    (row,) = csv.DictReader(io.StringIO(
        body(public_client.get("/evenements/export.csv")).lstrip("\ufeff")))
    assert (row["title"], row["description"], row["free"], row["price"], row["themes"]) == (
        "Visite publiée", "Texte publié", "1", "", "jardins")
    assert row["time_slots"] == (f"{published_slot.start.isoformat()}/"
                                 f"{published_slot.end.isoformat()}")
    (item,) = json.loads(body(public_client.get("/evenements/export.json")))
    assert (item["title"], item["free"], item["themes"]) == ("Visite publiée", True, ["jardins"])
    assert item["first_start"] == published_slot.start.isoformat()
    (vevent,) = icalendar.Calendar.from_ical(
        body(public_client.get("/evenements/flux.ics"))).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Visite publiée"
    assert vevent.decoded("DTSTART") == published_slot.start


def test_exports_follow_the_filters(public_client, edition, organiser):
    make_event(edition, organiser, title="Rennes")
    make_event(edition, organiser, title="Caen", venue=venue_in(
        "14118", name="Abbaye", commune="Caen", postcode="14000", lat=49.18, lon=-0.37))
    data = json.loads(body(public_client.get(
        f"/evenements/export.json?region=normandie&edition={edition.pk}")))
    assert [row["title"] for row in data] == ["Caen"]
    calendar = icalendar.Calendar.from_ical(body(public_client.get(
        "/evenements/flux.ics?department=35")))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Rennes"]


@pytest.mark.parametrize("url", [
    "/evenements/export.csv?region=atlantide",
    "/evenements/export.json?date_from=demain",
    "/evenements/flux.ics?free=peut-etre",
    "/evenements/export.csv?edition=abc",
    "/evenements/export.json?edition=999999",
])
def test_invalid_export_parameters_give_a_400_with_a_message(public_client, edition, url):
    response = public_client.get(url)
    assert response.status_code == 400
    assert response.content.decode().strip()


def test_an_intranet_edition_is_not_exportable(public_client, mixed_events):
    intranet_edition = NationalEventPage.objects.get(slug="seminaire")
    response = public_client.get(f"/evenements/export.json?edition={intranet_edition.pk}")
    assert response.status_code == 400


def test_programme_links_to_feeds_with_its_filters(public_client, edition):
    response = public_client.get(f"{edition.url}bretagne/?free=1")
    assert f"/evenements/flux.ics?free=1&amp;edition={edition.pk}&amp;region=bretagne" in (
        response.content.decode())


def test_unpublished_edition_hides_its_events(public_client, edition, organiser):
    make_event(edition, organiser, title="Publié")
    edition.unpublish()
    assert json.loads(body(public_client.get("/evenements/export.json"))) == []
    assert ensure_national_event(None, 2026) == edition  # found again by slug, not recreated


@pytest.mark.parametrize("url", ["/evenements/export.csv", "/evenements/export.json",
                                 "/evenements/flux.ics"])
def test_exports_read_a_constant_number_of_queries_per_chunk(
    public_client, edition, organiser, django_assert_max_num_queries, url
):
    def count_queries(total):
        for _ in range(total):
            make_event(edition, organiser, slots=2, themes=[Theme.objects.first()])
        with django_assert_max_num_queries(20) as captured:
            assert body(public_client.get(url))
        return len(captured.captured_queries)

    assert count_queries(3) == count_queries(30)


def test_long_ics_lines_are_folded_at_75_octets_without_breaking_characters(
    public_client, edition, organiser
):
    description = ("Découverte des façades, des cours et des jardins ; "
                   "visite « à la lanterne », ") * 4
    make_event(edition, organiser, title="Été, « nuit » des châteaux", description=description)
    text = body(public_client.get("/evenements/flux.ics"))
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    vevent = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(vevent["DESCRIPTION"]) == description
    assert str(vevent["SUMMARY"]) == "Été, « nuit » des châteaux"


def test_events_split_over_several_chunks_keep_their_own_slots_and_themes(
    public_client, edition, organiser, monkeypatch
):
    monkeypatch.setattr("events.bulk.CHUNK_SIZE", 2)
    themes = list(Theme.objects.order_by("name"))
    for number in range(5):
        make_event(edition, organiser, title=f"Événement {number}", slots=number % 3 + 1,
                   day=dt.date(2026, 9, 19) + dt.timedelta(days=number // 3),
                   themes=[themes[number]])
    rows = list(csv.DictReader(io.StringIO(
        body(public_client.get("/evenements/export.csv")).lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == [f"Événement {n}" for n in range(5)]
    for number, row in enumerate(rows):
        assert len(row["time_slots"].split(";")) == number % 3 + 1
        assert row["themes"] == themes[number].slug
    calendar = icalendar.Calendar.from_ical(body(public_client.get("/evenements/flux.ics")))
    assert len(calendar.walk("VEVENT")) == sum(n % 3 + 1 for n in range(5))
