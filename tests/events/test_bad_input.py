"""Inputs that used to answer 500 (security audit, issue 7 finding 8): each is now a 400 that
names the field in words, or an error on the form's field. The sweep over every parameter
of every public list is in tests/portal/test_public_lists.py."""

import pytest
from wagtail.users.models import UserProfile

from events.models import LocalEvent, Theme
from tests.helpers.events import make_event

pytestmark = pytest.mark.django_db

LANDING = "/journees-europeennes-du-patrimoine-2026/"
EXPORTS = ["/evenements/export.csv", "/evenements/export.json", "/evenements/flux.ics"]
HUGE = "9" * 26


@pytest.fixture
def programme(edition, organiser):
    make_event(edition, organiser, title="Visite")
    return edition


@pytest.mark.parametrize("url", [LANDING, LANDING + "bretagne/", *EXPORTS])
@pytest.mark.parametrize("query,field", [
    ("date_to=9999-12-31", "To"),
    ("date_from=0001-01-01", "From"),
    ("date_from=2026-09-19&date_to=9999-12-31", "To"),
])
def test_dates_at_the_ends_of_the_calendar_give_a_400(public_client, programme, url, query,
                                                      field):
    response = public_client.get("/en" + url + "?" + query)
    assert response.status_code == 400
    assert f"{field}: " in response.content.decode()


@pytest.mark.parametrize("url", EXPORTS)
@pytest.mark.parametrize("edition_id", ["²", "٣", HUGE, "-1", "1.0", "%00"])
def test_exports_refuse_an_edition_that_is_not_a_known_number(public_client, programme, url,
                                                              edition_id):
    response = public_client.get(f"/en{url}?edition={edition_id}")
    assert response.status_code == 400
    assert "National event: " in response.content.decode()


@pytest.mark.parametrize("edition_id", ["²", "٣", HUGE, "abc", "999999"])
def test_statistics_refuse_an_edition_that_is_not_a_known_number(
    intranet_client, staff_bretagne, programme, edition_id
):
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get(f"/en/evenements/statistiques/?edition={edition_id}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "National event: unknown value" in html
    assert 'class="fr-alert fr-alert--error' in html


def test_statistics_still_take_a_known_edition(intranet_client, staff_bretagne, programme):
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get(f"/evenements/statistiques/?edition={programme.pk}")
    assert response.status_code == 200
    assert response.context["edition"] == programme


@pytest.fixture
def organiser_client(public_client, organiser):
    public_client.force_login(organiser)
    return public_client


def proposal(national_event, **overrides):
    return {"edition": national_event.pk, "title": "Visite de la chapelle",
            "description": "Visite commentée de la chapelle restaurée.",
            "organisation": "Amis de Saint-Yves", "contact_phone": "06 00 00 00 00",
            "themes": [Theme.objects.get(slug="patrimoine-religieux").pk], "image_alt": "",
            **overrides}


@pytest.mark.parametrize("name,value", [
    ("edition", HUGE), ("themes", [HUGE]), ("edition", "²"), ("themes", ["²"]),
    ("themes", ["1", HUGE]),
])
def test_proposal_form_turns_huge_or_odd_numbers_into_field_errors(organiser_client, edition,
                                                                   name, value):
    response = organiser_client.post("/evenements/proposer/",
                                     proposal(edition, **{name: value}))
    assert response.status_code == 200
    assert name in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Visite de la chapelle"  # kept
    assert not LocalEvent.objects.exists()


# --- The admin's lists -------------------------------------------------------------------------

def in_english(client):
    profile = UserProfile.get_for_user(client.get("/admin/").wsgi_request.user)
    profile.preferred_language = "en"
    profile.save()


@pytest.mark.parametrize("url,message", [
    (f"/admin/snippets/events/localevent/?region={HUGE}", "Region: unknown value"),
    ("/admin/snippets/events/localevent/?first_start=0001-01-01",
     "choose a day between 1900-01-01 and 2999-12-31"),
    (f"/admin/snippets/events/registration/?page={HUGE}", "unknown value"),
    ("/admin/snippets/events/registration/?page=²", "unknown value"),
])
def test_admin_lists_answer_400_with_the_message(admin_client, programme, url, message):
    in_english(admin_client)
    response = admin_client.get(url)
    assert response.status_code == 400
    assert any(message in str(line) for line in response.context["messages"])


def test_admin_lists_still_filter(admin_client, programme, organiser, bretagne):
    make_event(programme, organiser, title="En attente", status="submitted")
    response = admin_client.get("/admin/snippets/events/localevent/?status=submitted"
                                f"&region={bretagne.pk}")
    assert response.status_code == 200
    assert [event.title for event in response.context["object_list"]] == ["En attente"]
