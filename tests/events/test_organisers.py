"""Organisers propose events on the public site, in steps, keep drafts, see statuses, and
edit published events through moderation while the published version stays online."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.timezone import localtime
from PIL import Image
from wagtail.models import Revision

from events.models import Department, EventStatus, LocalEvent, Theme
from events.moderation import approve, refuse
from tests.helpers.events import make_event, propose_change

pytestmark = pytest.mark.django_db

VENUE = {
    "venue-name": "Chapelle Saint-Yves", "venue-address": "2 rue Saint-Yves",
    "venue-postcode": "35000", "venue-commune": "Rennes", "venue-commune_code": "35238",
    "venue-latitude": "48.1113", "venue-longitude": "-1.6800",
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
    department = Department.objects.get(code="35").pk
    assert client.post(step_url(event, "lieu"), {**VENUE, "venue-department": department}
                       ).status_code == 302
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


def test_bad_venue_keeps_what_was_typed_and_the_draft(client, edition, organiser):
    client.post("/evenements/proposer/", details(edition))
    event = LocalEvent.objects.get(organiser=organiser)
    response = client.post(step_url(event, "lieu"), {
        **VENUE, "venue-commune_code": "29232", "venue-latitude": "51.5",
        "venue-longitude": "-0.12", "venue-department": Department.objects.get(code="35").pk})
    assert response.status_code == 200
    errors = response.context["venue_form"].errors
    assert "commune_code" in errors and "latitude" in errors
    html = response.content.decode()
    assert 'value="Chapelle Saint-Yves"' in html and 'value="29232"' in html
    assert 'aria-describedby="id_venue-commune_code-messages"' in html
    assert LocalEvent.objects.filter(pk=event.pk, status=EventStatus.DRAFT).exists()


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
        with django_assert_max_num_queries(16) as captured:
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
