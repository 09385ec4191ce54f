"""What the events app adds to the home pages: the next national event and the
directorate's upcoming events on the public home, internal events and the statistics link
on the intranet home; remaining places on an event with registration. Query counts stay
flat whatever the number of articles, publications and events."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from events.models import DirectorateEventPage, NationalEventPage
from tests.helpers.pages import add_news, add_publications

pytestmark = pytest.mark.django_db


def add_directorate_events(parent, count, *, days=10, slug="evenement", **fields):
    events = []
    for number in range(count):
        start = timezone.now() + dt.timedelta(days=days + number)
        page = DirectorateEventPage(title=f"Rencontre {number}", slug=f"{slug}-{number}",
                                    start=start, end=start + dt.timedelta(hours=2), **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        events.append(page)
    return events


def add_national_event(parent, title, start, slug):
    page = NationalEventPage(title=title, slug=slug, edition_year=start.year, start_date=start,
                             end_date=start + dt.timedelta(days=1))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(html, section_id):
    return html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]


def test_public_home_shows_the_next_national_event_and_upcoming_events(public_client,
                                                                       public_home):
    today = timezone.localdate()
    add_national_event(public_home, "Édition passée", today - dt.timedelta(days=30), "passee")
    add_national_event(public_home, "Édition suivante", today + dt.timedelta(days=200),
                       "suivante")
    add_national_event(public_home, "Nuit des musées", today + dt.timedelta(days=60), "nuit")
    add_directorate_events(public_home, 1, days=-5, slug="passe")
    add_directorate_events(public_home, 4)
    agenda = section(public_client.get("/").content.decode(), "agenda")
    titles = re.findall(r'__title"><a href="[^"]+">([^<]+)</a>', agenda)
    assert titles == ["Nuit des musées", "Rencontre 0", "Rencontre 1", "Rencontre 2"]
    start = today + dt.timedelta(days=60)
    assert f'datetime="{start:%Y-%m-%d}"' in agenda


def test_intranet_home_shows_internal_events_and_the_statistics_link(
    intranet_client, intranet_home, staff_bretagne
):
    add_directorate_events(intranet_home, 2, slug="seminaire")
    intranet_client.force_login(staff_bretagne)
    agenda = section(intranet_client.get("/").content.decode(), "agenda")
    assert "Rencontre 0" in agenda and "Rencontre 1" in agenda
    assert 'href="/evenements/statistiques/"' in agenda


def test_an_event_with_registration_shows_the_remaining_places(public_client, public_home):
    (event,) = add_directorate_events(public_home, 1, registration_enabled=True, capacity=40)
    event.registrations.create(name="Awa Diallo", email="awa@example.org", status="confirmed")
    html = public_client.get(event.url).content.decode()
    assert re.search(r'id="seats-left">\s*39 (places left|places restantes)', html)


@pytest.mark.parametrize("count", [2, 12])
def test_public_home_queries_do_not_grow_with_its_content(
    public_client, public_home, count, django_assert_max_num_queries
):
    add_news(public_home, count)
    add_publications(public_home, count)
    add_directorate_events(public_home, count)
    add_national_event(public_home, "Nuit des musées",
                       timezone.localdate() + dt.timedelta(days=60), "nuit")
    public_client.get("/")  # warm the site-root cache, as any running server has
    with django_assert_max_num_queries(29):
        html = public_client.get("/").content.decode()
    shown = min(count, 3)
    assert len(re.findall(r'class="fr-card__title"', html)) == shown * 3 + 1


@pytest.mark.parametrize("count", [2, 12])
def test_intranet_home_queries_do_not_grow_with_its_content(
    intranet_client, intranet_home, staff_bretagne, count, django_assert_max_num_queries
):
    add_news(intranet_home, count)
    add_directorate_events(intranet_home, count)
    intranet_client.force_login(staff_bretagne)
    intranet_client.get("/")
    with django_assert_max_num_queries(33):
        html = intranet_client.get("/").content.decode()
    assert "Rencontre 1" in html and f"Article {count - 1}" in html
