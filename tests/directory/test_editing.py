"""Who edits what: each agent their own photo, phones, subjects and languages; HR and
communication officers everything, in the admin. Profiles follow their account."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from directory.accounts import link_profile
from directory.models import Person
from tests.helpers.accounts import activate_totp

pytestmark = pytest.mark.django_db


def png(width=40, height=40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def helene_account(people, make_user, directorates):
    user = make_user("helene.prigent@example.org", directorates[0].staff_group)
    people["helene"].user = user
    people["helene"].save()
    return user


def test_an_agent_edits_their_own_phones_subjects_and_languages(intranet, people,
                                                                helene_account):
    helene = people["helene"]
    intranet.force_login(helene_account)
    url = f"/annuaire/personnes/{helene.pk}/modifier/"
    assert intranet.get(url).status_code == 200
    response = intranet.post(url, {"phone": "02 99 00 00 01", "mobile": "06 00 00 00 01",
                                   "hide_mobile": "on", "subjects": "Marchés\nChorus",
                                   "languages": "français, breton"})
    assert response.status_code == 302
    helene.refresh_from_db()
    assert (helene.phone, helene.hide_mobile, helene.subject_list, helene.language_list) == (
        "02 99 00 00 01", True, ["Marchés", "Chorus"], ["français", "breton"])
    # What HR owns is not in the form: a forged field changes nothing.
    intranet.post(url, {"phone": "1", "job_title": "Directrice", "last_name": "X"})
    helene.refresh_from_db()
    assert (helene.job_title, helene.last_name) == ("Gestionnaire budgétaire", "Prigent")


def test_my_profile_leads_to_the_own_form(intranet, people, helene_account, staff_normandie):
    intranet.force_login(helene_account)
    response = intranet.get("/annuaire/mon-profil/")
    assert response["Location"] == f"/annuaire/personnes/{people['helene'].pk}/modifier/"
    intranet.force_login(staff_normandie)
    assert "not linked to a profile" in intranet.get("/en/annuaire/mon-profil/"
                                                      ).content.decode()


def test_changing_the_id_to_edit_someone_else_is_a_403(intranet, people, helene_account):
    yann = people["yann"]
    intranet.force_login(helene_account)
    url = f"/annuaire/personnes/{yann.pk}/modifier/"
    assert intranet.get(url).status_code == 403
    assert intranet.post(url, {"phone": "0000"}).status_code == 403
    yann.refresh_from_db()
    assert yann.phone == ""


def test_hr_officers_may_edit_anyone(intranet, people, make_user):
    hr = make_user("rh@example.org", "HR")
    intranet.force_login(hr)
    response = intranet.post(f"/annuaire/personnes/{people['yann'].pk}/modifier/",
                             {"phone": "02 99 11 11 11"})
    assert response.status_code == 302
    assert Person.objects.get(pk=people["yann"].pk).phone == "02 99 11 11 11"


def test_a_photo_is_stored_restricted_and_shown_on_the_intranet_only(
        intranet, public_client, people, helene_account, settings):
    helene = people["helene"]
    intranet.force_login(helene_account)
    photo = SimpleUploadedFile("moi.jpeg", png(), content_type="image/jpeg")
    response = intranet.post(f"/annuaire/personnes/{helene.pk}/modifier/", {"photo": photo})
    assert response.status_code == 302
    helene.refresh_from_db()
    assert helene.photo.name.endswith(".png")  # named after its real format
    assert (settings.PRIVATE_MEDIA_ROOT / helene.photo.name).exists()
    served = intranet.get(f"/annuaire/personnes/{helene.pk}/photo/")
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")
    public_client.force_login(helene_account)
    assert public_client.get(f"/annuaire/personnes/{helene.pk}/photo/").status_code == 404


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"%PDF-1.4 not an image", "photo.jpg", "This file is not an image."),
    (b"GIF89a" + png()[8:], "photo.gif", "This file is not an image."),
])
def test_a_photo_that_is_not_an_image_is_refused(intranet, people, helene_account, content,
                                                 name, message):
    intranet.force_login(helene_account)
    response = intranet.post(f"/en/annuaire/personnes/{people['helene'].pk}/modifier/",
                             {"photo": SimpleUploadedFile(name, content),
                              "phone": "02 99 22 22 22"})
    assert response.status_code == 400
    assert message in response.content.decode()
    # The form keeps what was typed; nothing is saved.
    assert 'value="02 99 22 22 22"' in response.content.decode()
    assert Person.objects.get(pk=people["helene"].pk).phone == "02 99 29 67 00"


def test_a_photo_larger_than_5_mb_is_refused(intranet, people, helene_account):
    intranet.force_login(helene_account)
    big = SimpleUploadedFile("big.png", png() + b"\0" * (5 * 1024 * 1024))
    response = intranet.post(f"/en/annuaire/personnes/{people['helene'].pk}/modifier/",
                             {"photo": big})
    assert response.status_code == 400
    assert "larger than 5 MB" in response.content.decode()


# --- Accounts ---------------------------------------------------------------------------------

def test_a_profile_is_linked_to_the_account_with_its_email_at_sign_in(client, people,
                                                                      make_user, directorates):
    people["yann"].email = "Yann.Morvan@Example.org"
    people["yann"].save()
    user = make_user("yann.morvan@example.org", directorates[0].staff_group)
    assert client.post("/accounts/login/", {"login": user.email,
                                            "password": "a-long-test-password-42"},
                       HTTP_HOST="intranet.localhost:8000").status_code == 302
    assert Person.objects.get(user=user) == people["yann"]


def test_a_first_sign_in_creates_the_profile_from_the_accounts_name(make_user, directorates,
                                                                    people):
    # As ProConnect's claims fill the account: given_name, usual_name, email.
    user = make_user("nouvelle.agente@example.org", directorates[1].staff_group,
                     first_name="Nina", last_name="Quéré")
    profile = link_profile(user)
    assert (profile.full_name, profile.email, profile.directorate) == (
        "Nina Quéré", "nouvelle.agente@example.org", directorates[1])
    assert link_profile(user) == profile  # once


def test_no_profile_is_made_for_an_account_outside_the_staff(make_user, people):
    assert link_profile(make_user("partenaire.x@example.org", "Partenaires",
                                  first_name="P", last_name="Q")) is None


def test_the_hr_group_edits_the_directory_in_the_admin(client, people, make_user, sites):
    hr = make_user("rh.admin@example.org", "HR")
    activate_totp(hr)
    client.force_login(hr)
    response = client.get("/admin/snippets/directory/person/", HTTP_HOST="localhost:8000")
    assert response.status_code == 200
    assert "Prigent" in response.content.decode()
    edit = client.get(f"/admin/snippets/directory/person/edit/{people['helene'].pk}/",
                      HTTP_HOST="localhost:8000")
    assert edit.status_code == 200
    perms = set(Group.objects.get(name="Rédacteurs").permissions.values_list("codename", flat=True))
    assert {"change_person", "change_service"} <= perms and "add_hrimport" not in perms
