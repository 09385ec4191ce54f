"""Regional officers moderate in the Wagtail admin: their own region only; approve, refuse
with a reason e-mailed to the organiser, approve in bulk. Intranet statistics."""

import datetime as dt
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import EventStatus, LocalEvent
from portal.outbox.models import OutgoingEmail
from tests.helpers.events import make_event, propose_change, venue_in

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
    assert message.subject == "Événement à modérer : Nouvelle visite"  # in French
    assert message.body.startswith("Bonjour,")  # the directorate’s language
    assert (f"http://intranet.localhost:8000/admin/snippets/events/localevent/edit/{draft.pk}/"
            in message.body)
    assert OutgoingEmail.objects.about(draft).get().kind == "event-pending"


def test_officers_are_emailed_when_a_published_event_changes(
    organiser_client, edition, organiser, officer_bretagne, django_capture_on_commit_callbacks
):
    event = make_event(edition, organiser, title="Titre publié")
    propose_change(event, submit=False, title="Titre modifié")
    assert mail.outbox == []  # a change saved but not submitted waits with its organiser
    submit(organiser_client, event, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["officier.bretagne@example.org"]
    assert message.subject == "Modifications à modérer : Titre modifié"
    assert "La version publiée reste en ligne" in message.body
    assert f"/admin/snippets/events/localevent/edit/{event.pk}/" in message.body
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


def compared_fields(response) -> list[str]:
    return [diff.field.name if diff.is_field else diff.field.related_name
            for diff in response.context["comparison"]]


@pytest.fixture
def changed(edition, organiser):
    """A published Rennes event whose organiser submitted a new title, price and time slot."""
    event = make_event(edition, organiser, title="Visite de la chapelle", slots=1)
    start = timezone.make_aware(dt.datetime(2026, 9, 20, 15))
    return propose_change(event, title="Visite nocturne de la chapelle", is_free=False,
                          price="5 €", slots=[(start, start + dt.timedelta(hours=2))])


def test_officer_sees_changes_awaiting_approval_with_a_field_by_field_comparison(
    public_client, officer_bretagne, changed, django_capture_on_commit_callbacks
):
    public_client.force_login(officer_bretagne)
    html = public_client.get(LIST + "?change_status=submitted").content.decode()
    assert "Visite de la chapelle" in html
    assert f"/admin/events/{changed.pk}/approve/" in html
    assert f"{LIST}history/{changed.pk}/revisions/compare/live...latest/" in html

    response = public_client.get(f"/admin/events/{changed.pk}/approve/")
    assert response.status_code == 200
    assert compared_fields(response) == ["title", "slots", "is_free", "price"]
    html = response.content.decode()
    assert '<span class="deletion">Visite</span>' not in html  # words, not whole values
    assert '<span class="addition">nocturne </span>' in html
    assert '<span class="deletion">Oui</span><span class="addition">Non</span>' in html
    assert "20/09/2026 15:00" in html  # the slot in local time, not UTC

    with django_capture_on_commit_callbacks(execute=True):
        assert public_client.post(f"/admin/events/{changed.pk}/approve/").status_code == 302
    changed.refresh_from_db()
    assert changed.title == "Visite nocturne de la chapelle" and changed.price == "5 €"
    assert changed.change_status == "" and not changed.has_unpublished_changes
    published = LocalEvent.objects.get(pk=changed.pk)
    assert [timezone.localtime(slot.start).hour for slot in published.slots.all()] == [15]
    assert mail.outbox[-1].to == ["organisatrice@example.org"]


def test_wagtail_compare_view_shows_every_changed_field_to_the_region_only(
    public_client, officer_bretagne, officer_normandie, changed
):
    url = f"{LIST}history/{changed.pk}/revisions/compare/live...latest/"
    public_client.force_login(officer_bretagne)
    response = public_client.get(url)
    assert response.status_code == 200
    assert compared_fields(response) == ["title", "slots", "is_free", "price"]
    assert public_client.get(f"{LIST}history/{changed.pk}/").status_code == 200
    public_client.force_login(officer_normandie)
    for view in (url, f"{LIST}history/{changed.pk}/", f"{LIST}unpublish/{changed.pk}/",
                 f"{LIST}usage/{changed.pk}/"):
        assert public_client.get(view).status_code in (403, 302), view


def test_refusing_a_change_keeps_the_published_version_online(
    public_client, officer_bretagne, changed, django_capture_on_commit_callbacks
):
    public_client.force_login(officer_bretagne)
    refuse_page = public_client.get(f"/admin/events/{changed.pk}/refuse/")
    assert refuse_page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        public_client.post(f"/admin/events/{changed.pk}/refuse/",
                           {"reason": "Les visites nocturnes ne sont pas autorisées."})
    changed.refresh_from_db()
    assert changed.status == EventStatus.APPROVED and changed.title == "Visite de la chapelle"
    assert changed.change_status == EventStatus.REFUSED and changed.has_unpublished_changes
    assert "Les visites nocturnes ne sont pas autorisées." in mail.outbox[-1].body
    detail = public_client.get(f"/evenements/{changed.pk}/")
    assert detail.context["event"].title == "Visite de la chapelle"
    # Nothing awaits any more: neither approve nor refuse.
    assert public_client.post(f"/admin/events/{changed.pk}/approve/").status_code == 302
    changed.refresh_from_db()
    assert changed.title == "Visite de la chapelle"


def test_statistics_and_bulk_approval_include_submitted_changes(
    public_client, intranet_client, officer_bretagne, changed, submissions
):
    intranet_client.force_login(officer_bretagne)
    pending = intranet_client.get("/evenements/statistiques/").context["pending"]
    assert {event.title for event in pending} == {"Soumis à Rennes", "Visite de la chapelle"}
    public_client.force_login(officer_bretagne)
    url = f"/admin/bulk/events/localevent/approve/?next={LIST}&id={changed.pk}"
    assert public_client.post(url).status_code == 302
    changed.refresh_from_db()
    assert changed.title == "Visite nocturne de la chapelle" and changed.change_status == ""


def test_publishing_from_the_admin_edit_form_approves_and_unpublishing_gives_a_draft(
    public_client, officer_bretagne, changed, django_capture_on_commit_callbacks
):
    public_client.force_login(officer_bretagne)
    edit_url = f"{LIST}edit/{changed.pk}/"
    form = public_client.get(edit_url)
    assert form.status_code == 200
    # The officer's form starts from the pending change, not from the published version.
    assert form.context["form"].initial["title"] == "Visite nocturne de la chapelle"
    data = {"title": "Visite nocturne (corrigée)", "description": changed.description,
            "organisation": "", "is_free": "", "price": "5 €", "booking_url": "",
            "booking_phone": "", "booking_email": "", "image_alt": "",
            "action-publish": "action-publish"}
    with django_capture_on_commit_callbacks(execute=True):
        response = public_client.post(edit_url, data)
    assert response.status_code == 302
    changed.refresh_from_db()
    assert changed.title == "Visite nocturne (corrigée)" and changed.change_status == ""
    assert changed.status == EventStatus.APPROVED and changed.live
    assert mail.outbox[-1].to == ["organisatrice@example.org"]

    public_client.post(f"{LIST}unpublish/{changed.pk}/")
    changed.refresh_from_db()
    assert not changed.live and changed.status == EventStatus.DRAFT
    assert public_client.get(f"/evenements/{changed.pk}/").status_code == 404


def test_events_and_pages_use_the_same_word_for_approving(public_client, officer_bretagne,
                                                          submissions, make_user, sites):
    from django.utils import translation
    from wagtail.models import GroupApprovalTask

    from events.wagtail_hooks import ApproveBulkAction

    root = make_user("root@example.org", superuser=True)
    task = GroupApprovalTask.objects.get()
    with translation.override("fr"):
        page_word = next(str(label) for name, label, _ in task.get_actions(sites[0].root_page,
                                                                          root)
                         if name == "approve")
        assert page_word == "Approuver"
        assert str(ApproveBulkAction.display_name) == page_word
    public_client.force_login(officer_bretagne)
    html = public_client.get(LIST).content.decode()
    # The moderation button of the listing (and its menu of bulk actions) says it too.
    assert f"/admin/events/{submissions[0].pk}/approve/" in html
    assert html.count(page_word) >= 2
