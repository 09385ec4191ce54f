"""The directorate's own events: registration with capacity, waiting list, confirmation
e-mail with a cancellation link, attendee export in the admin."""

import datetime as dt
import re
from io import StringIO

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import DirectorateEventPage, Registration, RegistrationStatus
from portal.outbox.models import OutgoingEmail
from tests.helpers.accounts import activate_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(public_home):
    start = timezone.now() + dt.timedelta(days=30)
    page = DirectorateEventPage(title="Conférence vitraux", slug="conference", start=start,
                                end=start + dt.timedelta(hours=2), location="Hôtel de Blossac",
                                registration_enabled=True, capacity=1, waiting_list=True)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def register(client, name, email, **extra):
    data = {"name": name, "email": email, "organisation": "", "website": ""}
    return client.post("/conference/", {**data, **extra.pop("data", {})}, **extra)


def test_registration_capacity_waiting_list_and_cancellation(
    public_client, conference, django_capture_on_commit_callbacks
):
    # E-mails leave once the registration is committed.
    with django_capture_on_commit_callbacks(execute=True):
        assert register(public_client, "Awa Diallo", "awa@example.org").status_code == 302
        assert register(public_client, "Bruno Petit", "bruno@example.org").status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"awa@example.org": "confirmed", "bruno@example.org": "waiting"}
    confirmation = mail.outbox[0]
    assert confirmation.to == ["awa@example.org"]
    link = re.search(r"http://localhost:8000(/evenements/inscription/annuler/\S+/)",
                     confirmation.body).group(1)

    duplicate = register(public_client, "Awa", "awa@example.org")
    assert duplicate.status_code == 200
    assert "email" in duplicate.context["registration_form"].errors

    assert public_client.get(link).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        public_client.post(link)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"awa@example.org": "cancelled", "bruno@example.org": "confirmed"}
    assert mail.outbox[-1].to == ["bruno@example.org"]


def test_the_honeypot_stops_robots(public_client, conference,
                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(public_client, "Robot", "robot@example.org",
                            data={"website": "https://spam.example"})
    assert response.status_code == 400
    assert "fr-alert--error" in response.content.decode()
    assert not Registration.objects.exists() and not OutgoingEmail.objects.exists()


def test_too_many_registrations_from_one_address_are_refused_keeping_the_input(
    public_client, conference
):
    conference.capacity = None
    conference.save_revision().publish()
    for number in range(10):
        assert register(public_client, f"Collègue {number}",
                        f"collegue{number}@example.org").status_code == 302
    response = register(public_client, "Une de trop", "trop@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'value="Une de trop"' in html and "fr-alert--error" in html
    assert "Veuillez patienter 10 minutes" in html
    assert Registration.objects.count() == 10
    other = register(public_client, "Autre", "autre@example.org", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_a_confirmation_waits_in_the_outbox_while_the_mail_server_is_down(
    public_client, conference, smtp_server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert register(public_client, "Awa Diallo", "awa@example.org").status_code == 302
    registration = Registration.objects.get()
    email = registration.emails.get()
    assert (email.kind, email.status) == ("registration-confirmed", "failed")

    smtp_server_down.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
    call_command("send_outbox", stdout=StringIO())
    [message] = smtp_server_down.received
    assert message["To"] == "awa@example.org"
    assert "/evenements/inscription/annuler/" in message.get_content()


def test_a_forged_cancellation_link_is_a_404(public_client, conference):
    assert public_client.get("/evenements/inscription/annuler/1:forged/").status_code == 404


def test_full_without_waiting_list_refuses(public_client, conference):
    conference.waiting_list = False
    conference.save_revision().publish()
    register(public_client, "Awa Diallo", "awa@example.org")
    response = register(public_client, "Bruno Petit", "bruno@example.org")
    assert response.status_code == 200
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 0


def test_directorate_event_calendar(public_client, conference):
    calendar = icalendar.Calendar.from_ical(public_client.get("/conference/calendrier/").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Conférence vitraux"


def test_officers_export_attendees_from_the_admin(public_client, conference, make_user):
    Registration.objects.create(page=conference, name="Awa Diallo", email="awa@example.org",
                                status=RegistrationStatus.CONFIRMED)
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    response = public_client.get("/admin/snippets/events/registration/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode() if response.streaming else (
        response.content.decode())
    assert "awa@example.org" in content and "Conférence vitraux" in content
