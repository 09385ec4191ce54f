"""Organisers propose events on the public site, in steps, keep drafts, see statuses, and
edit published events through moderation while the published version stays online."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.timezone import localtime
from PIL import Image
from wagtail.models import Revision

from events.models import Commune, EventStatus, LocalEvent, Theme
from events.moderation import approve, refuse
from tests.helpers.events import make_event, propose_change
from tests.helpers.sites import PUBLIC_HOST

pytestmark = pytest.mark.django_db

VENUE = {
    "venue-name": "Chapelle Saint-Yves", "venue-address": "2 rue Saint-Yves",
    "venue-postcode": "35000", "venue-commune": "Rennes", "venue-commune_code": "35238",
    "attendance_mode": "offline", "online_url": "",
}
SLOTS = {
    "slots-TOTAL_FORMS": "2", "slots-INITIAL_FORMS": "0", "slots-MIN_NUM_FORMS": "0",
    "slots-MAX_NUM_FORMS": "40",
    "slots-0-start": "2026-09-19T10:00", "slots-0-end": "2026-09-19T12:00",
    "slots-1-start": "", "slots-1-end": "",
}
AUDIENCE = {"is_free": "on", "price": "", "booking_required": "on",
            "booking_phone": "02 99 00 00 00", "access_motor": "on", "young_audience": "on"}


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def step_url(event, step):
    return f"/evenements/mes-evenements/{event.pk}/{step}/"


def details(edition, **overrides):
    return {"edition": edition.pk, "title": "Visite de la chapelle",
            "description": "Visite commentée de la chapelle restaurée.",
            "organisation": "Amis de Saint-Yves", "contact_phone": "06 00 00 00 00",
            "themes": [Theme.objects.get(slug="patrimoine-religieux").pk], "image_alt": "",
            **overrides}


@pytest.fixture
def client(public_client, organiser):
    public_client.force_login(organiser)
    return public_client


def test_anonymous_visitor_is_asked_to_sign_in(public_client, edition):
    response = public_client.get("/evenements/proposer/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_organiser_goes_through_the_steps_and_submits(client, edition, organiser):
    response = client.post("/evenements/proposer/", details(
        edition, image=SimpleUploadedFile("chapelle.png", png_bytes(), "image/png"),
        image_alt="La façade de la chapelle"))
    event = LocalEvent.objects.get(organiser=organiser)
    assert response["Location"] == step_url(event, "lieu")
    assert event.status == EventStatus.DRAFT and event.image
    assert client.post(step_url(event, "lieu"), VENUE).status_code == 302
    assert client.post(step_url(event, "dates"), SLOTS).status_code == 302
    assert client.post(step_url(event, "public"), AUDIENCE).status_code == 302
    client.post(step_url(event, "recapitulatif"), {"submit": "1"})
    event.refresh_from_db()
    assert event.status == EventStatus.SUBMITTED
    assert event.region.slug == "bretagne" and event.slots.count() == 1
    assert event.booking_required and event.access_motor
    html = client.get("/evenements/mes-evenements/").content.decode()
    assert 'data-status="submitted"' in html and "Visite de la chapelle" in html


def test_a_fake_image_is_refused_on_its_field_and_the_text_is_kept(client, edition):
    response = client.post("/evenements/proposer/", details(
        edition, image=SimpleUploadedFile("photo.jpg", b"not really a jpeg", "image/jpeg"),
        image_alt="x"))
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    assert 'value="Visite de la chapelle"' in response.content.decode()


def test_an_oversized_image_is_refused(client, edition, settings):
    from events.models import local

    big = png_bytes() + b"\0" * (local.MAX_IMAGE_BYTES + 1)
    response = client.post("/evenements/proposer/", details(
        edition, image=SimpleUploadedFile("big.png", big, "image/png"), image_alt="x"))
    assert "image" in response.context["form"].errors


def test_the_venue_step_shows_one_radio_fieldset_and_no_coordinates(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    html = client.get(step_url(event, "lieu")).content.decode()
    fieldset = html[html.index('id="radio-id_attendance_mode"'):]
    fieldset = fieldset[:fieldset.index("</fieldset>")]
    assert fieldset.count("<legend") == 1
    # Each radio and its label side by side in their own group, as the DSFR draws them.
    assert fieldset.count('<div class="fr-radio-group">') == 3
    assert fieldset.count('type="radio"') == 3
    assert '<div class="fr-radio-group">\n  <div class="fr-radio-group">' not in html
    assert "latitude" not in html and "longitude" not in html
    assert 'data-communes-url="/evenements/communes.json"' in html
    assert 'type="hidden" name="venue-commune_code"' in html
    assert "events/communes.js" in html


@pytest.mark.parametrize("typed", [
    {"venue-commune": "rennes", "venue-postcode": ""},  # no JavaScript: name only
    {"venue-commune": "35000", "venue-postcode": ""},  # the postcode
    {"venue-commune": "Rennes (35000)", "venue-postcode": ""},
])
def test_without_javascript_the_server_finds_the_commune(client, edition, organiser, typed):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "lieu"),
                           {**VENUE, "venue-commune_code": "", **typed})
    assert response.status_code == 302
    event.refresh_from_db()
    venue = event.venue
    assert (venue.commune, venue.commune_code, venue.postcode) == ("Rennes", "35238", "35000")
    assert venue.department.code == "35" and event.region.slug == "bretagne"
    assert venue.latitude is None and venue.longitude is None  # never asked


def test_a_tampered_commune_code_is_only_ignored(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "lieu"), {
        **VENUE, "venue-commune_code": "\x00" + "9" * 300})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.venue.commune_code == "35238"


def test_an_unknown_commune_is_a_field_error_keeping_what_was_typed(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "lieu"), {
        **VENUE, "venue-commune": "Rennnes-sur-Mer", "venue-commune_code": ""})
    assert response.status_code == 200
    errors = response.context["venue_form"].errors
    assert list(errors) == ["commune"]
    assert "Aucune commune « Rennnes-sur-Mer »" in errors["commune"][0]
    html = response.content.decode()
    assert 'value="Chapelle Saint-Yves"' in html and 'value="Rennnes-sur-Mer"' in html
    assert 'aria-describedby="id_venue-commune-messages"' in html
    assert LocalEvent.objects.filter(pk=event.pk, status=EventStatus.DRAFT,
                                     venue=None).exists()


def test_an_ambiguous_commune_asks_for_the_postcode(client, edition, organiser):
    # Two of the reference data: in Seine-Saint-Denis and in La Réunion.
    assert set(Commune.objects.filter(name="Saint-Denis").values_list("code", flat=True)) == {
        "93066", "97411"}
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    ambiguous = {**VENUE, "venue-commune": "saint denis", "venue-commune_code": "",
                 "venue-postcode": ""}
    response = client.post(step_url(event, "lieu"), ambiguous)
    assert response.status_code == 200
    (error,) = response.context["venue_form"].errors["commune"]
    assert "Plusieurs communes s’appellent" in error and "La Réunion 97400" in error
    assert 'value="saint denis"' in response.content.decode()
    # The postcode (typed, or filled in by the list with the INSEE code) settles it.
    assert client.post(step_url(event, "lieu"), {**ambiguous, "venue-postcode": "97400"}
                       ).status_code == 302
    event.refresh_from_db()
    assert event.venue.commune_code == "97411" and event.region.code == "04"


def test_the_commune_list_finds_names_and_postcodes_in_one_query(
    public_client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = public_client.get("/evenements/communes.json?q=saint-ma")
    assert response.status_code == 200
    (found,) = response.json()["communes"]
    assert found["name"] == "Saint-Malo" and found["code"] == "35288"
    assert found["postcode"] == "35400" and found["department"] == "Ille-et-Vilaine (35)"
    assert "35288" in found["description"]
    by_postcode = public_client.get("/evenements/communes.json?q=350").json()["communes"]
    assert [commune["name"] for commune in by_postcode] == ["Rennes"]
    accents = public_client.get("/evenements/communes.json?q=FOUGERES").json()["communes"]
    assert [commune["code"] for commune in accents] == ["35115"]
    for odd in ("", "r", "%00", "x" * 5000, "<script>"):
        response = public_client.get(f"/evenements/communes.json?q={odd}")
        assert response.status_code == 200 and response.json() == {"communes": []}


def test_end_before_start_is_refused_on_the_field(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "dates"), {
        **SLOTS, "slots-0-start": "2026-09-19T12:00", "slots-0-end": "2026-09-19T10:00"})
    assert response.status_code == 200
    assert "end" in response.context["formset"].forms[0].errors
    assert 'value="2026-09-19T12:00"' in response.content.decode()


def test_cannot_submit_without_place_and_dates(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "recapitulatif"), {"submit": "1"})
    assert response["Location"] == step_url(event, "lieu")
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_organiser_sees_only_their_own_events(client, edition, make_user):
    someone_else = make_user("autre@example.org")
    theirs = make_event(edition, someone_else, title="Pas à moi", status=EventStatus.DRAFT)
    assert client.get(step_url(theirs, "evenement")).status_code == 404
    assert client.post(f"/evenements/mes-evenements/{theirs.pk}/disponibilite/",
                       {"status": "full"}).status_code == 404
    assert "Pas à moi" not in client.get("/evenements/mes-evenements/").content.decode()


def test_opening_the_edit_form_of_a_published_event_creates_nothing(client, edition,
                                                                    organiser):
    event = make_event(edition, organiser, title="Titre publié")
    for step in ("evenement", "lieu", "dates", "public", "recapitulatif"):
        assert client.get(step_url(event, step)).status_code == 200
    assert LocalEvent.objects.count() == 1 and not Revision.objects.not_page_revisions().exists()
    event.refresh_from_db()
    assert not event.has_unpublished_changes and event.change_status == ""


def test_editing_a_published_event_waits_for_moderation(client, public_client, edition,
                                                        organiser):
    event = make_event(edition, organiser, title="Titre publié")
    response = client.post(step_url(event, "evenement"), details(edition, title="Titre modifié"))
    assert response.status_code == 302
    # Still one row; the change is the event's latest revision, not yet submitted.
    assert LocalEvent.objects.count() == 1
    event.refresh_from_db()
    assert event.title == "Titre publié" and event.change_status == EventStatus.DRAFT
    assert event.latest_revision.as_object().title == "Titre modifié"
    # The organiser's form and list show the change; the public page the published version.
    assert 'value="Titre modifié"' in client.get(step_url(event, "evenement")).content.decode()
    html = client.get("/evenements/mes-evenements/").content.decode()
    assert 'data-change-status="draft"' in html and "Titre modifié" in html
    assert public_client.get(f"/evenements/{event.pk}/").context["event"].title == "Titre publié"

    client.post(step_url(event, "recapitulatif"), {"submit": "1"})
    event.refresh_from_db()
    assert event.title == "Titre publié" and event.status == EventStatus.APPROVED
    assert event.change_status == EventStatus.SUBMITTED
    html = client.get("/evenements/mes-evenements/").content.decode()
    assert 'data-change-status="submitted"' in html

    approve(event)
    event.refresh_from_db()
    assert event.title == "Titre modifié" and event.status == EventStatus.APPROVED
    assert not event.has_unpublished_changes and event.change_status == ""
    assert event.slots.count() == 1 and event.themes.get().slug == "patrimoine-religieux"
    assert event.live_revision_id == event.latest_revision_id


def test_saving_every_step_of_a_change_keeps_one_pending_revision(client, edition, organiser):
    event = make_event(edition, organiser)
    client.post(step_url(event, "evenement"), details(edition, title="Nouveau titre"))
    client.post(step_url(event, "public"), {**AUDIENCE, "is_free": "", "price": "4 €"})
    assert Revision.objects.not_page_revisions().count() == 1
    event.refresh_from_db()
    pending = event.latest_revision.as_object()
    assert pending.title == "Nouveau titre" and pending.price == "4 €" and not pending.is_free


def test_a_change_of_dates_and_themes_waits_with_the_rest(client, edition, organiser):
    jardins = Theme.objects.get(slug="jardins")
    event = make_event(edition, organiser, slots=2, themes=[jardins])
    published_slots = list(event.slots.values_list("pk", "start", "end"))
    kept = event.slots.first()
    response = client.post(step_url(event, "dates"), {
        **SLOTS, "slots-INITIAL_FORMS": "2", "slots-TOTAL_FORMS": "3",
        "slots-0-id": kept.pk, "slots-0-start": "2026-09-19T09:00",
        "slots-0-end": "2026-09-19T11:00",
        "slots-1-id": event.slots.last().pk, "slots-1-start": "2026-09-19T12:00",
        "slots-1-end": "2026-09-19T13:00", "slots-1-DELETE": "on",
        "slots-2-start": "2026-09-20T15:00", "slots-2-end": "2026-09-20T17:00",
    })
    assert response.status_code == 302
    client.post(step_url(event, "evenement"), details(edition, themes=[]))
    # The published slots and themes are untouched until the officer approves.
    assert list(event.slots.values_list("pk", "start", "end")) == published_slots
    assert list(event.themes.all()) == [jardins]
    html = client.get(step_url(event, "dates")).content.decode()
    assert 'value="2026-09-19T09:00"' in html and 'value="2026-09-20T15:00"' in html
    assert 'value="2026-09-19T12:00"' not in html

    client.post(step_url(event, "recapitulatif"), {"submit": "1"})
    approve(LocalEvent.objects.get(pk=event.pk))
    event.refresh_from_db()
    starts = [localtime(slot.start).strftime("%d %H:%M") for slot in event.slots.all()]
    assert starts == ["19 09:00", "20 15:00"]
    assert event.slots.filter(pk=kept.pk).exists()  # the kept slot is updated, not recreated
    assert not event.themes.exists()
    assert localtime(event.first_start).hour == 9 and localtime(event.last_end).day == 20


def test_a_refused_change_goes_back_to_the_organiser(client, edition, organiser):
    event = make_event(edition, organiser, title="Titre publié")
    propose_change(event, title="Titre refusé")
    refuse(event, "Le titre doit rester celui de l’affiche.")
    event.refresh_from_db()
    assert event.status == EventStatus.APPROVED and event.title == "Titre publié"
    assert event.change_status == EventStatus.REFUSED
    html = client.get("/evenements/mes-evenements/").content.decode()
    assert 'data-change-status="refused"' in html
    assert "Le titre doit rester celui de l’affiche." in html
    # Correcting the change makes it a draft again, still on top of the published event.
    client.post(step_url(event, "evenement"), details(edition, title="Titre corrigé"))
    event.refresh_from_db()
    assert event.change_status == EventStatus.DRAFT and event.title == "Titre publié"
    assert event.latest_revision.as_object().title == "Titre corrigé"


def test_submitting_without_any_change_submits_nothing(client, edition, organiser):
    event = make_event(edition, organiser)
    response = client.post(step_url(event, "recapitulatif"), {"submit": "1"}, follow=True)
    assert response.redirect_chain == [("/evenements/mes-evenements/", 302)]
    assert [message.level_tag for message in response.context["messages"]] == ["info"]
    event.refresh_from_db()
    assert event.change_status == "" and not Revision.objects.not_page_revisions().exists()


def test_a_refused_submission_becomes_a_draft_when_changed(client, edition, organiser):
    event = make_event(edition, organiser, status=EventStatus.REFUSED,
                       refusal_reason="Adresse incomplète")
    client.post(step_url(event, "evenement"), details(edition, title="Adresse complétée"))
    event.refresh_from_db()
    # Never published: the row is the draft itself.
    assert event.status == EventStatus.DRAFT and event.title == "Adresse complétée"
    assert not event.live


def test_organiser_marks_a_published_event_full(client, edition, organiser):
    event = make_event(edition, organiser)
    client.post(f"/evenements/mes-evenements/{event.pk}/disponibilite/", {"status": "full"})
    event.refresh_from_db()
    assert event.status == EventStatus.FULL
    response = client.post(f"/evenements/mes-evenements/{event.pk}/disponibilite/",
                           {"status": "approved-by-me"})
    assert response.status_code == 400


def test_my_events_query_count_does_not_grow_with_pending_changes(
    client, edition, organiser, django_assert_max_num_queries
):
    def count_queries(total):
        for number in range(total):
            propose_change(make_event(edition, organiser), title=f"Changement {number}")
        client.get("/evenements/mes-evenements/")  # warm the per-process caches
        with django_assert_max_num_queries(17) as captured:
            html = client.get("/evenements/mes-evenements/").content.decode()
        assert html.count('data-change-status="submitted"') == LocalEvent.objects.count()
        return len(captured.captured_queries)

    assert count_queries(2) == count_queries(5)


def test_my_events_are_paginated(client, edition, organiser):
    from events.views import MY_EVENTS_PER_PAGE

    for number in range(MY_EVENTS_PER_PAGE + 3):
        make_event(edition, organiser, title=f"Visite n° {number}")
    first = client.get("/evenements/mes-evenements/").content.decode()
    assert first.count('data-status="approved"') == MY_EVENTS_PER_PAGE
    assert 'class="fr-pagination' in first
    last = client.get("/evenements/mes-evenements/?page=2").content.decode()
    assert last.count('data-status="approved"') == 3


@pytest.fixture
def my_events(client, edition, organiser, public_home, make_user):
    """A published, a submitted, a draft and a refused event of 2026, an event of 2025, and
    someone else's event."""
    from events.seeding import ensure_national_event

    earlier = ensure_national_event(public_home, 2025)
    make_event(edition, organiser, title="Visite des jardins du Thabor")
    make_event(edition, organiser, title="Concert à l'église", status=EventStatus.SUBMITTED)
    make_event(edition, organiser, title="Atelier vitrail", status=EventStatus.DRAFT)
    make_event(edition, organiser, title="Balade contée", status=EventStatus.REFUSED)
    make_event(earlier, organiser, title="Visite de l'abbaye 2025")
    make_event(edition, make_user("autre@example.org"), title="Église d'un autre")
    return edition, earlier


def listed_titles(html):
    return [title for title in ("Visite des jardins du Thabor", "Concert à l'église",
                                "Atelier vitrail", "Balade contée", "Visite de l'abbaye 2025",
                                "Église d'un autre")
            if title.replace("'", "&#x27;") in html]


def test_my_events_are_filtered_by_status_national_event_and_words(client, my_events):
    edition, earlier = my_events
    url = "/evenements/mes-evenements/"
    assert len(listed_titles(client.get(url).content.decode())) == 5
    assert listed_titles(client.get(f"{url}?status=submitted").content.decode()) == [
        "Concert à l'église"]
    assert listed_titles(client.get(f"{url}?edition={earlier.pk}").content.decode()) == [
        "Visite de l'abbaye 2025"]
    # Words without accents or capitals; only the organiser's own events.
    html = client.get(f"{url}?q=EGLISE").content.decode()
    assert listed_titles(html) == ["Concert à l'église"]
    assert 'href="/evenements/mes-evenements/"' in html  # clear the filters
    both = client.get(f"{url}?q=visite&status=approved&edition={edition.pk}").content.decode()
    assert listed_titles(both) == ["Visite des jardins du Thabor"]
    # The national events offered are those of the organiser's events.
    options = client.get(url).context["filters"].form.fields["edition"].queryset
    assert list(options) == [edition, earlier]


def test_my_events_say_when_nothing_matches_and_when_there_is_nothing(client, my_events,
                                                                     make_user):
    html = client.get("/evenements/mes-evenements/?q=introuvable").content.decode()
    assert "data-empty-state" in html and listed_titles(html) == []
    assert 'name="q" value="introuvable"' in html  # the form keeps what was typed
    newcomer = Client(HTTP_HOST=PUBLIC_HOST)
    newcomer.force_login(make_user("nouvelle@example.org"))
    first = newcomer.get("/evenements/mes-evenements/").content.decode()
    assert "data-empty-state" in first and 'name="status"' not in first
    assert 'href="/evenements/proposer/"' in first


@pytest.mark.parametrize("query", ["status=approved-by-me", "edition=99999999999999999999999",
                                   "edition=²", "q=%00", "status=draft&status=refused"])
def test_a_bad_filter_of_my_events_is_a_400_naming_it(client, my_events, query):
    response = client.get(f"/evenements/mes-evenements/?{query}")
    assert response.status_code == 400
    assert response.context["filter_errors"]
    assert 'name="q"' in response.content.decode()  # the page and its form, not an error page


def test_an_edition_of_someone_else_is_not_a_filter_of_my_events(client, my_events, make_user,
                                                                 public_home):
    from events.seeding import ensure_national_event

    other = ensure_national_event(public_home, 2024)
    make_event(other, make_user("autre2@example.org"), title="Ailleurs")
    assert client.get(f"/evenements/mes-evenements/?edition={other.pk}").status_code == 400


def test_my_events_filtered_and_paginated_cost_the_same_queries(
    client, edition, organiser, django_assert_max_num_queries
):
    from events.views import MY_EVENTS_PER_PAGE

    def count_queries(total):
        for number in range(total):
            make_event(edition, organiser, title=f"Visite n° {number}")
        url = f"/evenements/mes-evenements/?q=visite&status=approved&edition={edition.pk}"
        client.get(url)  # warm the per-process caches
        with django_assert_max_num_queries(18) as captured:
            html = client.get(url + "&page=2").content.decode()
        assert html.count('data-status="approved"') == (LocalEvent.objects.count()
                                                        - MY_EVENTS_PER_PAGE)
        assert f"edition={edition.pk}" in html[html.index('class="fr-pagination'):]  # kept
        return len(captured.captured_queries)

    assert count_queries(MY_EVENTS_PER_PAGE + 2) == count_queries(10)
