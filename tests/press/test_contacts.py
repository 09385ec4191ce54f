"""Press contacts: only press officers see them, duplicates are caught on entry and merged
keeping history, consent is recorded, exports are gated and recorded."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from modelsearch.index import class_is_indexed
from wagtail.models import ModelLogEntry

from portal.outbox.models import OutgoingEmail
from portal.outbox.sending import queue_email
from portal.roles import EDITORS, MODERATORS
from press.models import (
    ContactList,
    Delivery,
    Distribution,
    ExportRecord,
    Journalist,
    LegalBasis,
    Outlet,
)
from press.models.contacts import PRESS_OFFICERS
from tests.helpers.press import add_release, make_journalist

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_press_journalist:list")
ADD_URL = reverse("wagtailsnippets_press_journalist:add")


def journalist_form(**changes):
    data = {"first_name": "Katell", "last_name": "Riou", "outlet": "", "role": "",
            "email": "katell.riou@presse.example", "other_email": "", "phone": "",
            "mobile": "", "social_handles": "", "language": "fr", "notes": "",
            "source": "Salon", "legal_basis": "legitimate_interest", "consent_at": ""}
    data.update(changes)
    return data


def test_the_press_officers_group_comes_from_a_migration_with_the_press_permissions():
    group = Group.objects.get(name=PRESS_OFFICERS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_journalist", "add_journalist", "export_journalist", "send_distribution",
            "access_admin"} <= codenames
    for other in (EDITORS, MODERATORS):
        others = set(Group.objects.get(name=other).permissions.filter(
            content_type__app_label="press").values_list("codename", flat=True))
        assert others == set()


def test_a_press_officer_lists_journalists_and_an_editor_is_refused(officer_client,
                                                                    editor_client):
    make_journalist()
    response = officer_client.get(LIST_URL)
    assert response.status_code == 200
    assert "Le Goff" in response.content.decode()
    for url in (LIST_URL, reverse("wagtailsnippets_press_outlet:list"),
                reverse("wagtailsnippets_press_contactlist:list"), reverse("press_import"),
                reverse("wagtailsnippets_press_pressenquiry:list")):
        assert editor_client.get(url).status_code in (302, 403), url
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Press relations" not in menu and "Relations presse" not in menu


def test_contacts_are_never_in_the_search_index():
    assert not class_is_indexed(Journalist)
    assert not class_is_indexed(Outlet)


def test_press_emails_are_hidden_from_other_editors_in_the_outbox(officer_client, editor_client):
    queue_email(to="yann.legoff@presse.example", subject="Communiqué", body="…",
                kind="press-release")
    queue_email(to="visiteur@example.org", subject="Question", body="…", kind="question")
    outbox = reverse("outbox:index")
    assert "yann.legoff" not in editor_client.get(outbox).content.decode()
    assert "visiteur@example.org" in editor_client.get(outbox).content.decode()
    press_email = OutgoingEmail.objects.get(kind="press-release")
    assert editor_client.get(reverse("outbox:inspect", args=[press_email.pk])).status_code == 404
    assert "yann.legoff" in officer_client.get(outbox).content.decode()


def test_a_duplicate_email_is_refused_on_entry_with_a_link_to_the_contact(officer_client):
    existing = make_journalist(email="katell.riou@presse.example")
    response = officer_client.post(ADD_URL, journalist_form(email="Katell.Riou@presse.example"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "possède déjà cette adresse e-mail" in text
    assert reverse("wagtailsnippets_press_journalist:edit", args=[existing.pk]) in text
    assert Journalist.objects.count() == 1


def test_same_name_at_the_same_outlet_needs_the_different_person_box(officer_client):
    outlet = Outlet.objects.create(name="Ouest-France")
    make_journalist(first_name="Katell", last_name="Riou", email="k@presse.example",
                    outlet=outlet)
    data = journalist_form(first_name="KATELL", last_name="riou", outlet=outlet.pk,
                           email="autre@presse.example")
    response = officer_client.post(ADD_URL, data)
    assert "porte déjà ce nom" in response.content.decode()
    assert Journalist.objects.count() == 1
    officer_client.post(ADD_URL, {**data, "different_person": "on"})
    assert Journalist.objects.count() == 2


def test_consent_needs_its_date_and_the_legal_basis_is_required(officer_client):
    response = officer_client.post(ADD_URL, journalist_form(legal_basis="consent"))
    assert "Indiquez la date à laquelle le consentement a été donné" in response.content.decode()
    response = officer_client.post(ADD_URL, journalist_form(legal_basis=""))
    assert response.status_code == 200 and not Journalist.objects.exists()
    officer_client.post(ADD_URL, journalist_form(legal_basis="consent",
                                                 consent_at="2026-03-01 10:00"))
    assert Journalist.objects.get().legal_basis == LegalBasis.CONSENT


def test_merging_keeps_the_duplicates_data_lists_sends_and_history(officer_client, room,
                                                                   officer):
    keeper = make_journalist(email="yann@presse.example", phone="")
    duplicate = make_journalist(email="y.legoff@ouest-france.example", phone="06 12 34 56 78",
                                do_not_contact=True, outlet="Ouest-France")
    regional = ContactList.objects.create(name="PQR")
    regional.members.add(duplicate)
    release = add_release(room)
    distribution = Distribution.objects.create(page=release, recipient_count=1)
    Delivery.objects.create(distribution=distribution, journalist=duplicate,
                            address=duplicate.email)
    response = officer_client.get(reverse("press_merge", args=[keeper.pk]))
    assert "y.legoff@ouest-france.example" not in response.content.decode()  # not a duplicate
    officer_client.post(reverse("press_merge", args=[keeper.pk]), {"duplicate": duplicate.pk})
    keeper.refresh_from_db()
    assert not Journalist.objects.filter(pk=duplicate.pk).exists()
    assert keeper.other_email == "y.legoff@ouest-france.example"
    assert keeper.phone == "06 12 34 56 78" and keeper.outlet.name == "Ouest-France"
    assert keeper.do_not_contact  # the cautious choice wins
    assert list(keeper.lists.all()) == [regional]
    assert Delivery.objects.get().journalist == keeper
    entry = ModelLogEntry.objects.get(action="press.merge")
    assert entry.object_id == str(keeper.pk) and entry.user == officer
    assert entry.data["merged"]["email"] == "y.legoff@ouest-france.example"


def test_the_merge_view_offers_the_detected_duplicates(officer_client):
    outlet = Outlet.objects.create(name="Le Télégramme")
    keeper = make_journalist(outlet=outlet, email="a@presse.example")
    same_name = make_journalist(outlet=outlet, email="b@presse.example")
    make_journalist(last_name="Autre", email="c@presse.example", outlet=outlet)
    text = officer_client.get(reverse("press_merge", args=[keeper.pk])).content.decode()
    assert f'value="{same_name.pk}"' in text
    assert "c@presse.example" not in text


def test_exporting_needs_the_permission_and_is_recorded(officer_client, editor_client, officer):
    make_journalist()
    response = officer_client.get(LIST_URL + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "yann.legoff@presse.example" in body
    record = ExportRecord.objects.get()
    assert (record.user, record.file_format, record.what) == (officer, "csv", "journalists")
    assert editor_client.get(LIST_URL + "?export=xlsx").status_code in (302, 403)
    assert ExportRecord.objects.count() == 1


def test_the_journalist_list_has_filters_and_a_flat_query_count(
        officer_client, django_assert_max_num_queries):
    for number in range(3):
        make_journalist(last_name=f"Nom{number}", email=f"j{number}@presse.example")
    officer_client.get(LIST_URL)
    with django_assert_max_num_queries(60) as few:
        officer_client.get(LIST_URL + "?do_not_contact=false")
    for number in range(3, 30):
        journalist = make_journalist(last_name=f"Nom{number}", email=f"j{number}@presse.example",
                                     outlet=f"Média {number}")
        journalist.beats.create(name=f"Sujet {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = officer_client.get(LIST_URL + "?do_not_contact=false")
    assert "Nom10" in response.content.decode()
    assert officer_client.get(LIST_URL + "?legal_basis=nonsense").status_code == 400
