"""Press enquiries (form, inbox, reminders), subscription with double opt-in, and the RGPD
tools (export, erasure keeping statistics, contacts to review)."""

import io
import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from portal.outbox.models import OutgoingEmail
from press.models import (
    ContactList,
    Delivery,
    Distribution,
    EnquiryReply,
    ExportRecord,
    Journalist,
    PressEnquiry,
    Subscription,
)
from tests.helpers.press import add_release, make_journalist

pytestmark = pytest.mark.django_db


def enquiry_data(**changes):
    deadline = (timezone.localtime() + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
    return {"name": "Yann Le Goff", "outlet": "Ouest-France", "email": "yann@presse.example",
            "phone": "", "subject": "Vitraux de la cathédrale",
            "message": "Pouvez-vous me donner le calendrier du chantier ?",
            "deadline": deadline, "website": "", **changes}


def test_an_enquiry_is_stored_linked_to_its_contact_and_acknowledged(public_client, room,
                                                                     officer_client):
    yann = make_journalist(email="yann@presse.example")
    response = public_client.post(room.url + "demande/", enquiry_data())
    assert response.status_code == 302
    assert "Votre demande a été envoyée" in public_client.get(response.url).content.decode()
    enquiry = PressEnquiry.objects.get()
    assert enquiry.journalist == yann
    assert sorted(email.to for email in OutgoingEmail.objects.about(enquiry)) == [
        room.press_email, "yann@presse.example"]
    inbox = officer_client.get(reverse("wagtailsnippets_press_pressenquiry:list")).content
    assert "Vitraux de la cathédrale" in inbox.decode()


def test_a_bad_enquiry_keeps_what_was_typed_and_stores_nothing(public_client, room):
    response = public_client.post(room.url + "demande/", enquiry_data(
        email="pas-une-adresse", deadline="2020-01-01T10:00"))
    text = response.content.decode()
    assert response.status_code == 200 and "Vitraux de la cathédrale" in text
    assert "déjà passé" in text
    assert public_client.post(room.url + "demande/", enquiry_data(website="spam")
                              ).status_code == 400
    assert not PressEnquiry.objects.exists()


def test_a_reminder_goes_once_when_the_deadline_approaches_without_reply(public_client, room,
                                                                         officer):
    public_client.post(room.url + "demande/", enquiry_data())
    answered = PressEnquiry.objects.create(
        name="A", outlet="B", email="a@b.example", subject="Déjà répondu", message="…",
        deadline=timezone.now() + timedelta(hours=2))
    EnquiryReply.objects.create(enquiry=answered, by="Claire", note="Répondu par téléphone")
    enquiry = PressEnquiry.objects.get(subject="Vitraux de la cathédrale")
    enquiry.spokesperson = officer
    enquiry.save()
    call_command("press_reminders", stdout=io.StringIO())
    call_command("press_reminders", stdout=io.StringIO())
    reminders = OutgoingEmail.objects.filter(kind="press-enquiry-reminder")
    assert [email.to for email in reminders] == [officer.email]
    assert "Vitraux" in reminders.get().subject


def test_subscribing_needs_the_confirmation_link(public_client, room):
    response = public_client.post(room.url + "abonnement/", {
        "first_name": "Jane", "last_name": "Smith", "outlet_name": "The Art Newspaper",
        "email": "jane@press.example", "website": ""})
    assert "Consultez votre messagerie" in response.content.decode()
    assert not Journalist.objects.exists()  # nothing before the confirmation
    email = OutgoingEmail.objects.get(kind="press-subscription")
    link = re.search(r"http://\S+", email.body).group(0).split("localhost:8000", 1)[1]
    public_client.get(link)  # a link checker opening it confirms nothing
    assert not Journalist.objects.exists()
    public_client.post(link)
    journalist = Journalist.objects.get()
    assert (journalist.email, journalist.legal_basis) == ("jane@press.example", "consent")
    assert journalist.consent_at is not None
    assert journalist.lists.get().name == "Abonnés de la salle de presse"
    assert Subscription.objects.get().confirmed_at is not None
    bad = public_client.post(link[:-3] + "abc/")
    assert bad.status_code == 400


def test_a_contacts_data_exports_as_json_and_is_recorded(officer_client, officer, room):
    yann = make_journalist(notes="Préfère le téléphone", outlet="Ouest-France")
    ContactList.objects.create(name="PQR").members.add(yann)
    response = officer_client.get(reverse("press_contact_export", args=[yann.pk]))
    data = json.loads(response.content)
    assert data["email"] == "yann.legoff@presse.example" and data["lists"] == ["PQR"]
    assert data["notes"] == "Préfère le téléphone" and data["outlet"] == "Ouest-France"
    assert ExportRecord.objects.get().user == officer


def test_erasing_a_contact_keeps_the_send_statistics_without_personal_data(officer_client,
                                                                           room):
    yann = make_journalist()
    release = add_release(room)
    distribution = Distribution.objects.create(page=release, recipient_count=1)
    email = OutgoingEmail.objects.create(to=yann.email, subject="Communiqué",
                                         body="Bonjour Yann", status="sent")
    Delivery.objects.create(distribution=distribution, journalist=yann, address=yann.email,
                            email=email)
    PressEnquiry.objects.create(name="Yann Le Goff", outlet="OF", email=yann.email,
                                subject="Question", message="…", deadline=timezone.now(),
                                journalist=yann)
    officer_client.post(reverse("press_contact_erase", args=[yann.pk]))
    assert not Journalist.objects.exists()
    delivery = Delivery.objects.get()
    assert (delivery.journalist, delivery.address, delivery.status) == (None, "", "sent")
    email.refresh_from_db()
    assert "yann" not in (email.to + email.body).lower()
    assert not PressEnquiry.objects.filter(email=yann.email).exists()
    assert PressEnquiry.objects.get().name != "Yann Le Goff"


@override_settings(PRESS_REVIEW_MONTHS=6)
def test_contacts_not_updated_for_months_are_flagged_for_review(officer_client):
    stale = make_journalist(last_name="Ancien", email="ancien@presse.example")
    make_journalist(last_name="Récent", email="recent@presse.example")
    Journalist.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - timedelta(days=200))
    assert list(Journalist.objects.to_review()) == [stale]
    text = officer_client.get(reverse("wagtailsnippets_press_journalist:list")
                              + "?to_review=1").content.decode()
    assert "Ancien" in text and "Récent" not in text


def test_the_sender_of_an_enquiry_is_offered_as_a_new_contact(officer_client, public_client,
                                                              room):
    public_client.post(room.url + "demande/", enquiry_data(email="nouveau@presse.example"))
    enquiry = PressEnquiry.objects.get()
    assert enquiry.journalist is None
    listing = officer_client.get(reverse("wagtailsnippets_press_pressenquiry:list"))
    offer = reverse("press_enquiry_contact", args=[enquiry.pk])
    assert offer in listing.content.decode()
    form = officer_client.get(officer_client.get(offer).url).content.decode()
    assert 'value="nouveau@presse.example"' in form and 'value="Le Goff"' in form
