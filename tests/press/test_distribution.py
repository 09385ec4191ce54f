"""Sending a release to journalists, through the outbox, to a real SMTP server on loopback:
personal e-mails with the embargo and a one-click unsubscribe, do-not-contact and
unsubscribed contacts left out, nobody twice, retries when the server is down."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.outbox.models import OutgoingEmail
from press.distribution import unsubscribe_token
from press.models import ContactList, Delivery, Distribution, Journalist
from tests.helpers.press import add_release, in_the_future, make_journalist

pytestmark = pytest.mark.django_db


@pytest.fixture
def journalists():
    yann = make_journalist(first_name="Yann", last_name="Le Goff", email="yann@presse.example")
    katell = make_journalist(first_name="Katell", last_name="Riou", email="katell@presse.example",
                             language="en")
    blocked = make_journalist(last_name="Bloqué", email="bloque@presse.example",
                              do_not_contact=True)
    gone = make_journalist(last_name="Parti", email="parti@presse.example",
                           unsubscribed_at=timezone.now())
    regional = ContactList.objects.create(name="PQR")
    regional.members.add(yann, katell, blocked, gone)
    culture = ContactList.objects.create(name="Culture")
    culture.members.add(yann)  # on two lists: receives it once
    return {"yann": yann, "katell": katell, "lists": [regional, culture]}


def send(client, release, lists, **extra):
    return client.post(reverse("press_send", args=[release.pk]),
                       {"lists": [contact_list.pk for contact_list in lists], **extra})


def test_a_release_reaches_each_reachable_journalist_once_personalised_with_the_embargo(
        officer_client, room, journalists, smtp_server, django_capture_on_commit_callbacks):
    release = add_release(room, "Les lauréats", slug="laureats", embargo=in_the_future(3))
    with django_capture_on_commit_callbacks(execute=True):
        response = send(officer_client, release, journalists["lists"], message="Bonne lecture")
    distribution = Distribution.objects.get()
    assert response.url == reverse("press_send_log", args=[distribution.pk])
    assert (distribution.recipient_count, distribution.excluded_count) == (2, 2)
    assert sorted(smtp_server.recipients()) == ["katell@presse.example", "yann@presse.example"]
    by_address = {message["To"]: message for message in smtp_server.received}
    yann = by_address["yann@presse.example"]
    assert yann["Subject"].strip().startswith("EMBARGO jusqu’au")
    text = yann.get_body(("plain",)).get_content()
    assert "Yann" in text and "Bonne lecture" in text and "EMBARGO" in text
    assert "Texte de Les lauréats" in text and "Claire Morvan" in text
    assert "https://www.example.org/donnees/" in text  # the privacy notice
    assert yann["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"<(.+)>", yann["List-Unsubscribe"]).group(1)
    assert link in text and "Katell" not in text
    assert "Katell" in by_address["katell@presse.example"].get_body(("plain",)).get_content()
    assert {delivery.status for delivery in Delivery.objects.all()} == {"sent"}
    log = officer_client.get(response.url).content.decode()
    assert "yann@presse.example" in log and "Envoyés : 2" in log


def test_unsubscribing_in_one_click_is_honoured_at_once(
        public_client, officer_client, room, journalists, smtp_server,
        django_capture_on_commit_callbacks):
    release = add_release(room)
    with django_capture_on_commit_callbacks(execute=True):
        send(officer_client, release, journalists["lists"])
    message = next(m for m in smtp_server.received if m["To"] == "yann@presse.example")
    link = re.search(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    path = link.split("localhost:8000", 1)[1]
    assert "Se désinscrire" in public_client.get(path).content.decode()  # a GET changes nothing
    assert Journalist.objects.get(email="yann@presse.example").unsubscribed_at is None
    response = public_client.post(path, {"List-Unsubscribe": "One-Click"})  # no CSRF token
    assert response.status_code == 200
    assert Journalist.objects.get(email="yann@presse.example").unsubscribed_at is not None
    smtp_server.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send(officer_client, release, journalists["lists"])
    assert smtp_server.recipients() == ["katell@presse.example"]


def test_a_tampered_unsubscribe_link_is_refused_clearly(public_client, journalists):
    token = unsubscribe_token(journalists["yann"])
    for bad in (token[:-2] + "xx", "nimportequoi", token.replace(":", "")):
        response = public_client.post(reverse("press_unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "n’est pas valide" in response.content.decode()
    assert not Journalist.objects.exclude(unsubscribed_at=None).exclude(
        last_name="Parti").exists()


def test_sending_to_nobody_is_refused_and_nothing_is_stored(officer_client, room, journalists):
    empty = ContactList.objects.create(name="Vide")
    release = add_release(room)
    response = send(officer_client, release, [empty])
    assert response.status_code == 400
    assert "Personne dans ces listes" in response.content.decode()
    response = send(officer_client, release, [])
    assert "Choisissez au moins une liste ou une thématique" in response.content.decode()
    assert not Distribution.objects.exists() and not OutgoingEmail.objects.exists()


def test_a_test_send_goes_to_the_officer_only(officer_client, officer, room, journalists,
                                              smtp_server, django_capture_on_commit_callbacks):
    release = add_release(room)
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("press_send", args=[release.pk]), {"test": "1"})
    [message] = smtp_server.received
    assert message["To"] == officer.email and message["Subject"].startswith("[Test]")
    assert Distribution.objects.get().is_test


def test_a_refusing_server_loses_nothing_and_nobody_gets_it_twice(
        officer_client, room, journalists, smtp_server_down,
        django_capture_on_commit_callbacks):
    release = add_release(room)
    with django_capture_on_commit_callbacks(execute=True):
        send(officer_client, release, journalists["lists"])
    assert {delivery.status for delivery in Delivery.objects.all()} == {"failed"}
    smtp_server_down.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox")
    call_command("send_outbox")  # run again (cron twice): nothing more
    assert sorted(smtp_server_down.recipients()) == ["katell@presse.example",
                                                     "yann@presse.example"]
    assert {delivery.status for delivery in Delivery.objects.all()} == {"sent"}
    # Preparing the distribution again (a retried task) queues nobody twice.
    from press.distribution import prepare_distribution

    assert prepare_distribution.call(Distribution.objects.get().pk) == 0
    assert Delivery.objects.count() == 2


def test_only_press_officers_send(editor_client, room, journalists):
    release = add_release(room)
    assert send(editor_client, release, journalists["lists"]).status_code in (302, 403)
    assert not Distribution.objects.exists()


def test_the_send_log_keeps_a_flat_query_count(officer_client, room,
                                               django_assert_max_num_queries):
    release = add_release(room)
    distribution = Distribution.objects.create(page=release, recipient_count=0)

    def add(count, start):
        for number in range(start, start + count):
            journalist = make_journalist(last_name=f"N{number}", email=f"n{number}@p.example",
                                         outlet=f"Média {number}")
            email = OutgoingEmail.objects.create(to=journalist.email, subject="s", body="b")
            Delivery.objects.create(distribution=distribution, journalist=journalist,
                                    address=journalist.email, email=email)

    add(2, 0)
    url = reverse("press_send_log", args=[distribution.pk])
    officer_client.get(url)
    with django_assert_max_num_queries(80) as few:
        officer_client.get(url)
    add(40, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = officer_client.get(url)
    assert "n41@p.example" in response.content.decode()
