"""Regional officers moderate in the Wagtail admin: their own region only; approve, refuse
with a reason e-mailed to the organiser, approve in bulk. Intranet statistics."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import EventStatus
from events.moderation import working_copy
from portal.outbox.models import OutgoingEmail
from tests.helpers.events import make_event, venue_in

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/events/localevent/"


def caen():
    return venue_in("14118", name="Abbaye aux Hommes", commune="Caen", postcode="14000",
                    lat=49.18, lon=-0.37)


@pytest.fixture
def submissions(edition, organiser):
    rennes = make_event(edition, organiser, title="Soumis à Rennes", status=EventStatus.SUBMITTED)
    caen_event = make_event(edition, organiser, venue=caen(), title="Soumis à Caen",
                            status=EventStatus.SUBMITTED)
    return rennes, caen_event


def test_officer_lists_and_opens_only_their_region(public_client, officer_bretagne,
                                                   submissions):
    rennes, caen_event = submissions
    public_client.force_login(officer_bretagne)
    response = public_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Soumis à Rennes" in html and "Soumis à Caen" not in html
    assert f"/admin/events/{rennes.pk}/approve/" in html
    assert public_client.get(f"{LIST}edit/{rennes.pk}/").status_code == 200
    for view in ("edit", "inspect", "delete"):
        assert public_client.get(f"{LIST}{view}/{caen_event.pk}/").status_code in (403, 302)
    assert public_client.post(f"/admin/events/{caen_event.pk}/approve/").status_code in (403,
                                                                                       302)
    caen_event.refresh_from_db()
    assert caen_event.status == EventStatus.SUBMITTED


def test_list_filters_by_status(public_client, officer_bretagne, submissions, edition,
                                organiser):
    make_event(edition, organiser, title="Déjà publié")
    public_client.force_login(officer_bretagne)
    html = public_client.get(LIST + "?status=submitted").content.decode()
    assert "Soumis à Rennes" in html and "Déjà publié" not in html


def test_officer_approves(public_client, officer_bretagne, submissions,
                          django_capture_on_commit_callbacks):
    rennes, _caen = submissions
    public_client.force_login(officer_bretagne)
    assert public_client.get(f"/admin/events/{rennes.pk}/approve/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = public_client.post(f"/admin/events/{rennes.pk}/approve/")
    assert response.status_code == 302
    rennes.refresh_from_db()
    assert rennes.status == EventStatus.APPROVED
    assert mail.outbox[-1].to == ["organisatrice@example.org"]


def test_refusal_needs_a_reason_which_is_emailed(public_client, officer_bretagne, submissions,
                                                django_capture_on_commit_callbacks):
    rennes, _caen = submissions
    public_client.force_login(officer_bretagne)
    response = public_client.post(f"/admin/events/{rennes.pk}/refuse/", {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        public_client.post(f"/admin/events/{rennes.pk}/refuse/",
                           {"reason": "Il manque l’adresse exacte du point de rendez-vous."})
    rennes.refresh_from_db()
    assert rennes.status == EventStatus.REFUSED
    message = mail.outbox[-1]
    assert message.to == ["organisatrice@example.org"]
    assert "Il manque l’adresse exacte du point de rendez-vous." in message.body
    assert "http://localhost:8000/evenements/mes-evenements/" in message.body


def test_a_mail_server_failure_does_not_stop_an_approval_and_the_email_is_retried(
    public_client, officer_bretagne, submissions, smtp_server_down,
    django_capture_on_commit_callbacks
):
    rennes, _caen = submissions
    public_client.force_login(officer_bretagne)
    with django_capture_on_commit_callbacks(execute=True):
        response = public_client.post(f"/admin/events/{rennes.pk}/approve/")
    assert response.status_code == 302
    rennes.refresh_from_db()
    assert rennes.status == EventStatus.APPROVED
    # The organiser's e-mail is kept, with what went wrong, until the server is back.
    email = OutgoingEmail.objects.about(rennes).get()
    assert (email.kind, email.to, email.status) == ("event-approved",
                                                    "organisatrice@example.org", "failed")
    assert "ConnectionRefusedError" in email.last_error

    smtp_server_down.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox", stdout=StringIO())
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)
    [message] = smtp_server_down.received
    assert message["To"] == "organisatrice@example.org"
    assert message["Subject"].strip() == "Votre événement « Soumis à Rennes » est publié"


@pytest.fixture
def organiser_client(public_client, organiser):
    public_client.force_login(organiser)
    return public_client


def submit(client, event, capture):
    with capture(execute=True):
        return client.post(f"/evenements/mes-evenements/{event.pk}/recapitulatif/",
                           {"submit": "1"})


def test_the_regions_officers_are_emailed_when_an_organiser_submits(
    organiser_client, edition, organiser, officer_bretagne, officer_normandie, make_user,
    directorates, django_capture_on_commit_callbacks
):
    make_user("agent.bretagne@example.org", directorates[0].staff_group)  # not an officer
    draft = make_event(edition, organiser, title="Nouvelle visite", status=EventStatus.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(f"/evenements/mes-evenements/{draft.pk}/evenement/",
                              {"save_draft": "1"})
    assert mail.outbox == []  # a draft saved is nobody's business yet
    assert submit(organiser_client, draft, django_capture_on_commit_callbacks
                  ).status_code == 302
    [message] = mail.outbox
    assert message.to == ["officier.bretagne@example.org"]
    assert message.subject == "Event to moderate: Nouvelle visite"
    assert message.body.startswith("Bonjour,")  # the directorate’s language
    assert (f"http://intranet.localhost:8000/admin/snippets/events/localevent/edit/{draft.pk}/"
            in message.body)
    assert OutgoingEmail.objects.about(draft).get().kind == "event-pending"


def test_officers_are_emailed_when_a_published_event_changes(
    organiser_client, edition, organiser, officer_bretagne, django_capture_on_commit_callbacks
):
    event = make_event(edition, organiser, title="Titre publié")
    copy = working_copy(event)
    copy.title = "Titre modifié"
    copy.save()
    submit(organiser_client, event, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["officier.bretagne@example.org"]
    assert message.subject == "Changes to moderate: Titre modifié"
    assert "The published version stays online" in message.body
    assert f"/admin/snippets/events/localevent/edit/{copy.pk}/" in message.body
    assert OutgoingEmail.objects.about(event).get().kind == "event-pending"


def test_a_region_without_officers_falls_back_to_those_who_moderate_every_region(
    organiser_client, edition, organiser, officer_bretagne, make_user,
    django_capture_on_commit_callbacks
):
    national = make_user("national@example.org")
    national.user_permissions.add(Permission.objects.get(codename="moderate_all_regions"))
    make_user("inactive@example.org", is_active=False).user_permissions.add(
        Permission.objects.get(codename="moderate_all_regions"))
    draft = make_event(edition, organiser, venue=caen(), title="À Caen",
                       status=EventStatus.DRAFT)
    submit(organiser_client, draft, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["national@example.org"]]


def test_bulk_approve_only_touches_the_officers_region(public_client, officer_bretagne,
                                                       submissions, edition, organiser):
    rennes, caen_event = submissions
    second = make_event(edition, organiser, title="Autre à Rennes",
                        status=EventStatus.SUBMITTED)
    public_client.force_login(officer_bretagne)
    url = (f"/admin/bulk/events/localevent/approve/?next={LIST}"
           f"&id={rennes.pk}&id={second.pk}&id={caen_event.pk}")
    assert public_client.get(url).status_code == 200
    response = public_client.post(url)
    assert response.status_code == 302
    for event, status in ((rennes, "approved"), (second, "approved"),
                          (caen_event, "submitted")):
        event.refresh_from_db()
        assert event.status == status


def test_statistics_on_the_intranet_with_pending_submissions_of_own_region(
    intranet_client, public_client, staff_bretagne, submissions, edition, organiser
):
    make_event(edition, organiser, title="Publié 1", first_participation=True)
    make_event(edition, organiser, title="Publié 2")
    make_event(edition, organiser, venue=caen(), title="Publié Caen")
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get("/evenements/statistiques/")
    assert response.status_code == 200
    rows = {row["region__name"]: row for row in response.context["by_region"]}
    assert rows["Bretagne"]["events"] == 2 and rows["Bretagne"]["venues"] == 1
    assert rows["Bretagne"]["first_time_venues"] == 1
    assert rows["Normandie"]["events"] == 1
    assert [event.title for event in response.context["pending"]] == ["Soumis à Rennes"]
    # Staff who do not moderate see the queue without links into the admin.
    assert "/admin/snippets/events/localevent/edit/" not in response.content.decode()
    assert public_client.get("/evenements/statistiques/").status_code == 404


def test_officers_reach_each_pending_submission_from_the_statistics(
    intranet_client, officer_bretagne, submissions
):
    rennes, _caen = submissions
    intranet_client.force_login(officer_bretagne)
    html = intranet_client.get("/evenements/statistiques/").content.decode()
    assert f"/admin/snippets/events/localevent/edit/{rennes.pk}/" in html
