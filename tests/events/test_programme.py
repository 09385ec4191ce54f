"""The public programme: filters, counts in dropdowns, empty results, map, detail page with
JSON-LD and ICS, printable programme; query counts that do not grow with the list."""

import datetime as dt
import json
import re

import icalendar
import pytest

from events.models import EventStatus, Theme
from tests.helpers.events import make_event, venue_in

pytestmark = pytest.mark.django_db

LANDING = "/journees-europeennes-du-patrimoine-2026/"
BRETAGNE = LANDING + "bretagne/"


def brest():
    return venue_in("29019", name="Phare du Minou", commune="Brest", postcode="29200",
                    lat=48.39, lon=-4.49)


def caen():
    return venue_in("14118", name="Abbaye aux Hommes", commune="Caen", postcode="14000",
                    lat=49.18, lon=-0.37)


def test_regional_programme_lists_its_region_only_and_published_only(
    public_client, edition, organiser
):
    make_event(edition, organiser, venue=brest(), title="Phare ouvert")
    make_event(edition, organiser, venue=caen(), title="Abbaye ouverte")
    for status in (EventStatus.DRAFT, EventStatus.SUBMITTED, EventStatus.REFUSED):
        make_event(edition, organiser, venue=brest(), title=f"Caché {status}", status=status)
    html = public_client.get(BRETAGNE).content.decode()
    assert "Phare ouvert" in html
    assert "Abbaye ouverte" not in html
    assert "Caché" not in html


def test_filters_narrow_the_list(public_client, edition, organiser):
    jardins = Theme.objects.get(slug="jardins")
    make_event(edition, organiser, venue=brest(), title="Gratuit accessible",
               access_motor=True, young_audience=True, themes=[jardins])
    make_event(edition, organiser, venue=brest(), title="Payant", is_free=False, price="5 €",
               booking_required=True, booking_phone="02 00 00 00 00")
    make_event(edition, organiser, venue=brest(), title="Dimanche", day=dt.date(2026, 9, 20),
               attendance_mode="mixed", online_url="https://example.org/live")

    def titles(query):
        response = public_client.get(BRETAGNE + "?" + query)
        assert response.status_code == 200
        return {event.title for event in response.context["events"]}

    assert titles("free=1") == {"Gratuit accessible", "Dimanche"}
    assert titles("access=motor") == {"Gratuit accessible"}
    assert titles("young=1") == {"Gratuit accessible"}
    assert titles("theme=jardins") == {"Gratuit accessible"}
    assert titles("booking=required") == {"Payant"}
    assert titles("online=1") == {"Dimanche"}
    assert titles("date_from=2026-09-20&date_to=2026-09-20") == {"Dimanche"}
    assert titles("commune=brest&department=29") == {"Gratuit accessible", "Payant", "Dimanche"}
    assert titles("commune=29019") == {"Gratuit accessible", "Payant", "Dimanche"}
    assert titles("q=payant") == {"Payant"}
    assert titles("department=35") == set()


@pytest.mark.parametrize("query", [
    "region=atlantide", "department=99", "theme=cuisine", "date_from=19/09/2026",
    "free=maybe", "access=smell", "date_from=2026-09-20&date_to=2026-09-19",
])
def test_invalid_filters_give_a_400_with_the_form_and_a_message(public_client, edition, query):
    response = public_client.get(LANDING + "?" + query)
    assert response.status_code == 400
    assert 'class="fr-alert fr-alert--error' in response.content.decode()
    assert response.context["filter_errors"]


def test_filters_that_give_nothing_say_so(public_client, edition, organiser):
    make_event(edition, organiser, venue=brest(), title="Phare ouvert")
    response = public_client.get(LANDING + "?free=1&access=psychic")
    html = response.content.decode()
    assert response.context["page_obj"].paginator.count == 0
    assert 'class="fr-callout"' in html
    regions = {option.value: option for option in response.context["options"]["regions"]}
    assert regions["bretagne"].count == 0 and regions["corse"].count == 0
    # an empty region is offered disabled, with its emptiness written next to it
    assert re.search(r'<option value="corse" disabled>Corse —', html)


def test_dropdown_counts_follow_the_other_filters(public_client, edition, organiser):
    make_event(edition, organiser, venue=brest())
    make_event(edition, organiser, venue=caen())
    response = public_client.get(LANDING + "?region=bretagne")
    regions = {option.value: option for option in response.context["options"]["regions"]}
    assert regions["bretagne"].count == 1 and regions["normandie"].count == 1
    assert regions["bretagne"].selected
    departments = [option.value for option in response.context["options"]["departments"]]
    assert departments == ["22", "29", "35", "56"]


def test_landing_map_links_every_region_with_its_count(public_client, edition, organiser):
    make_event(edition, organiser, venue=brest())
    make_event(edition, organiser, venue=brest())
    html = public_client.get("/en" + LANDING).content.decode()
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert svg.count("<a ") == 18
    # Each tile's name starts with what it shows (WCAG 2.5.3, label in name).
    assert f'<a href="{BRETAGNE}" aria-label="BRE 2 – Bretagne: 2 events"' in svg
    assert 'aria-label="COR 0 – Corse: 0 events"' in svg
    # The tiles come in the order of the list below the map: keyboard order follows it.
    tiles = re.findall(r'aria-label="[A-Z]{3} \d+ – ([^"]+)"', svg)
    listed = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", html.split("</svg>")[1])
    assert tiles == listed[:18]


def test_list_query_count_does_not_grow_with_events(
    public_client, edition, organiser, django_assert_max_num_queries
):
    def count_queries(total):
        for _ in range(total):
            make_event(edition, organiser, venue=brest(), slots=2,
                       themes=[Theme.objects.first()])
        public_client.get(BRETAGNE)  # warm the per-process caches (site, locales)
        with django_assert_max_num_queries(37) as captured:
            response = public_client.get(BRETAGNE + "?free=1&date_from=2026-09-19")
        assert response.status_code == 200
        return len(captured.captured_queries)

    with_5 = count_queries(5)
    with_50 = count_queries(45)
    assert with_50 == with_5


def test_event_json_ld_cannot_close_its_script_element(public_client, edition, organiser):
    title = "Nuit </script><script>alert(1)</script> & <!-- bal"
    event = make_event(edition, organiser, title=title)
    html = public_client.get(f"/evenements/{event.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S).group(1))
    assert data["name"] == title


def test_event_breadcrumb_leads_through_the_national_event_and_its_regional_programme(
    public_client, edition, organiser
):
    event = make_event(edition, organiser, title="Visite du Parlement")
    html = public_client.get(f"/evenements/{event.pk}/").content.decode()
    crumbs = html.split('id="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", LANDING, BRETAGNE]
    assert "Visite du Parlement" in crumbs


def test_event_detail_has_json_ld_and_an_ics(public_client, edition, organiser):
    event = make_event(edition, organiser, venue=brest(), title="Phare, ouvert; la nuit",
                       slots=2, status=EventStatus.FULL)
    html = public_client.get(f"/evenements/{event.pk}/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["location"]["address"]["addressLocality"] == "Brest"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert len(data["subEvent"]) == 2
    response = public_client.get(f"/evenements/{event.pk}/calendrier.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 2
    assert str(vevents[0]["SUMMARY"]) == "Phare, ouvert; la nuit"
    assert vevents[0]["DTSTART"].dt == event.first_start


@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.SUBMITTED,
                                    EventStatus.REFUSED])
def test_unpublished_event_has_no_public_page_nor_ics(public_client, edition, organiser, status):
    event = make_event(edition, organiser, status=status)
    assert public_client.get(f"/evenements/{event.pk}/").status_code == 404
    assert public_client.get(f"/evenements/{event.pk}/calendrier.ics").status_code == 404


def test_organiser_previews_their_own_unpublished_event(public_client, edition, organiser):
    event = make_event(edition, organiser, status=EventStatus.SUBMITTED)
    public_client.force_login(organiser)
    response = public_client.get(f"/evenements/{event.pk}/")
    assert response.status_code == 200 and response.context["is_preview"]


def test_printable_programme_groups_by_department_and_commune(public_client, edition, organiser):
    make_event(edition, organiser, venue=brest(), title="Phare")
    make_event(edition, organiser, venue=venue_in("35238", name="Parlement"), title="Parlement")
    html = public_client.get(BRETAGNE + "imprimer/").content.decode()
    assert "events/print.css" in html
    finistere, ille = html.index("Finistère (29)"), html.index("Ille-et-Vilaine (35)")
    assert finistere < html.index("<h3>Brest</h3>") < ille < html.index("<h3>Rennes</h3>")


def test_printable_programme_names_its_edition_and_hides_the_follow_bar(public_client, edition,
                                                                        sites):
    from portal.models import SocialAccounts

    social = SocialAccounts.for_site(sites[0])
    social.mastodon = "https://social.example.org/@drac"
    social.save()
    html = public_client.get(BRETAGNE + "imprimer/").content.decode()
    lead = html.split('id="edition-title">', 1)[1].split("</p>", 1)[0]
    assert edition.title in lead and str(edition.end_date.year) in lead
    # The print style sheet hides the footer: the follow-us bar must be inside it.
    footer = html.split("<footer", 1)[1].split("</footer>", 1)[0]
    assert "fr-follow" in footer


@pytest.mark.parametrize("max_ids", [5000, 1])
def test_search_gives_the_same_list_and_counts_with_or_without_an_id_list(
    public_client, edition, organiser, monkeypatch, max_ids
):
    """A text search is run once and its ids reused, unless they are too many: both ways
    give the same events and dropdown counts."""
    monkeypatch.setattr("events.programme.MAX_SEARCH_IDS", max_ids)
    make_event(edition, organiser, venue=brest(), title="Phare la nuit", is_free=False,
               price="5 €")
    make_event(edition, organiser, venue=brest(), title="Phare le jour")
    make_event(edition, organiser, venue=caen(), title="Abbaye du phare")
    make_event(edition, organiser, venue=caen(), title="Abbaye fermée")
    response = public_client.get(LANDING + "?q=phare&free=1&region=bretagne")
    assert {event.title for event in response.context["events"]} == {"Phare le jour"}
    assert response.context["page_obj"].paginator.count == 1
    regions = {option.value: option.count for option in response.context["options"]["regions"]}
    assert regions["bretagne"] == 1 and regions["normandie"] == 1
    departments = {option.value: option.count
                   for option in response.context["options"]["departments"]}
    assert departments["29"] == 1 and departments["35"] == 0



def test_text_search_ignores_case_and_accents_and_finds_the_venue(
    public_client, edition, organiser
):
    make_event(edition, organiser, venue=brest(), title="Visite de l’Église Saint-Sauveur")
    make_event(edition, organiser, venue=venue_in("35238", name="Manoir de la Prévalaye"),
               title="Jardins ouverts")

    def titles(query):
        response = public_client.get(BRETAGNE + "?q=" + query)
        assert response.status_code == 200
        return {event.title for event in response.context["events"]}

    assert titles("église") == titles("EGLISE") == {"Visite de l’Église Saint-Sauveur"}
    assert titles("prevalaye") == {"Jardins ouverts"}  # the venue's name
    assert titles("chateau") == set()


def test_renaming_a_venue_updates_the_search(public_client, edition, organiser):
    venue = venue_in("35238", name="Ancienne criée")
    make_event(edition, organiser, venue=venue, title="Portes ouvertes")
    venue.name = "Halle aux poissons"
    venue.save()
    response = public_client.get(BRETAGNE + "?q=halle")
    assert {event.title for event in response.context["events"]} == {"Portes ouvertes"}


def test_regional_programme_gives_its_contact_s_name_e_mail_and_phone(public_client, edition):
    from events.models import RegionalProgrammePage

    page = RegionalProgrammePage.objects.get(slug="bretagne")
    page.contact_name = "Service communication, DRAC Bretagne"
    page.contact_email = "communication.bretagne@example.org"
    page.contact_phone = "02 99 29 67 53"
    page.save_revision().publish()
    html = public_client.get(BRETAGNE).content.decode()
    contact = html.split("Regional contact", 1)[-1] if "Regional contact" in html else (
        html.split("Contact régional", 1)[1])
    assert "Service communication, DRAC Bretagne" in contact
    assert '<a href="mailto:communication.bretagne@example.org">' in contact
    assert "02 99 29 67 53" in contact
