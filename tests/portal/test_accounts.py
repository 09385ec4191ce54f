import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group, Permission

from portal.models import Directorate
from tests.helpers.accounts import PASSWORD, activate_totp, current_totp_code

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD, next=""):
    data = {"login": email, "password": password}
    if next:
        data["next"] = next
    return client.post("/accounts/login/", data)


def test_roles_are_created_by_migrations_with_their_permissions(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Rédacteurs", "Modérateurs", "Partenaires"} <= names
    editors = Group.objects.get(name="Rédacteurs")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.permissions.filter(codename="access_intranet").exists()
    assert not Group.objects.get(name="Partenaires").permissions.exists()
    for codename in ("change_question", "change_papercopyrequest", "add_newscategory",
                     "add_publicationcollection"):
        assert editors.permissions.filter(codename=codename).exists()
    assert not editors.permissions.filter(codename="delete_contacttopic").exists()


def test_a_new_directorate_gets_its_staff_group_with_intranet_access(db):
    directorate = Directorate(name="Direction régionale des affaires culturelles d’Occitanie",
                              short_name="DRAC Occitanie")
    directorate.save()
    group = directorate.staff_group
    assert group.name == "Agents – DRAC Occitanie"
    assert group.permissions.filter(codename="access_intranet").exists()
    directorate.short_name = "DRAC Occitanie (Toulouse)"
    directorate.save()
    group.refresh_from_db()
    assert group.name == "Agents – DRAC Occitanie (Toulouse)"
    assert Group.objects.filter(name__startswith="Agents – DRAC Occitanie").count() == 1


def test_user_signs_in_with_email_and_password(public_client, partner, sites):
    response = login(public_client, "partenaire@example.org")
    assert response.status_code == 302
    assert public_client.get("/").wsgi_request.user == partner


def test_wrong_password_shows_allauth_message_and_keeps_the_email(public_client, partner, sites):
    response = login(public_client, "partenaire@example.org", "not-the-password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "fr-alert--error" in html
    assert 'value="partenaire@example.org"' in html
    assert not response.wsgi_request.user.is_authenticated


def test_failed_logins_are_rate_limited(public_client, partner, sites):
    for _attempt in range(5):
        html = login(public_client, "partenaire@example.org", "wrong").content.decode()
        assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    html = login(public_client, "partenaire@example.org", "wrong").content.decode()
    assert "Trop de tentatives de connexion échouées." in html
    # Even the right password is refused while the limit holds.
    response = login(public_client, "partenaire@example.org")
    assert "Trop de tentatives de connexion échouées." in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_admin_login_page_goes_through_allauth(public_client, sites):
    response = public_client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    # and a POST to the old admin login form cannot sign anyone in
    posted = public_client.post("/admin/login/", {"username": "x", "password": "y"})
    assert posted.status_code in (302, 405)
    assert not posted.wsgi_request.user.is_authenticated


def test_anonymous_admin_visitor_is_sent_to_allauth_login(public_client, sites):
    response = public_client.get("/admin/")
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/accounts/login/"


def test_editor_without_totp_is_made_to_set_it_up_before_the_admin(public_client, editor, sites):
    public_client.force_login(editor)
    response = public_client.get("/admin/pages/")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == "/accounts/2fa/totp/activate/"
    assert location.query == "next=%2Fadmin%2Fpages%2F"


def test_editor_with_totp_reaches_the_admin(public_client, editor, sites):
    activate_totp(editor)
    public_client.force_login(editor)
    assert public_client.get("/admin/").status_code == 200


def test_login_of_an_editor_with_totp_asks_for_the_code(public_client, editor, sites):
    secret = activate_totp(editor)
    response = login(public_client, "editrice@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not public_client.get("/").wsgi_request.user.is_authenticated
    wrong = public_client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    right = public_client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert right.status_code == 302
    assert public_client.get("/admin/").status_code == 200


def test_partner_cannot_reach_the_admin(public_client, partner, sites):
    public_client.force_login(partner)
    response = public_client.get("/admin/")
    assert response.status_code == 403
    assert not Permission.objects.filter(group__user=partner, codename="access_admin").exists()


def test_staff_signs_in_on_the_intranet_and_comes_back_where_they_were(
    intranet_client, staff_bretagne, intranet_home
):
    response = intranet_client.post(
        "/accounts/login/?next=/", {"login": staff_bretagne.email, "password": PASSWORD,
                                     "next": "/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert intranet_client.get("/").status_code == 200


def test_sign_up_with_accented_values_then_sign_in(public_client, sites, mailoutbox):
    password = "Été-au-château-de-Fougères"
    response = public_client.post("/accounts/signup/", {
        "email": "camille@médiathèque-rennes.fr", "password1": password, "password2": password,
    })
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["camille@médiathèque-rennes.fr"]
    public_client.logout()
    login(public_client, "camille@médiathèque-rennes.fr", password)
    # The address must be confirmed first: allauth says so rather than signing in.
    confirm_link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[-1].body)
    assert confirm_link
    public_client.post(urlparse(confirm_link.group(0)).path)
    assert public_client.get("/").wsgi_request.user.email == "camille@médiathèque-rennes.fr"


def test_sign_up_with_a_bad_address_says_so_and_keeps_the_input(public_client, sites):
    response = public_client.post("/accounts/signup/", {
        "email": "élodie bréhat@exemple", "password1": "x", "password2": "y",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "fr-input-group--error" in html
    assert 'value="élodie bréhat@exemple"' in html


def test_editor_sets_up_totp_right_after_signing_in_then_reaches_the_admin(
    public_client, editor, sites
):
    response = login(public_client, "editrice@example.org", next="/admin/")
    first = public_client.get(response["Location"])
    assert first.status_code == 302
    activate_url = first["Location"]
    assert urlparse(activate_url).path == "/accounts/2fa/totp/activate/"
    page = public_client.get(activate_url)
    # No second password prompt just after signing in: the QR code page comes at once.
    assert page.status_code == 200
    secret = page.context["form"].secret
    done = public_client.post(activate_url, {"code": current_totp_code(secret)})
    assert done.status_code == 302
    assert public_client.get("/admin/").status_code == 200


def test_removing_an_authenticator_still_asks_for_the_password(public_client, editor, sites):
    activate_totp(editor)
    public_client.force_login(editor)
    response = public_client.get("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/accounts/reauthenticate/"


def test_after_setting_up_totp_the_editor_goes_on_to_the_admin_without_the_password(
    public_client, editor, sites
):
    login(public_client, "editrice@example.org")
    sent = public_client.get("/admin/pages/")
    activate_url = sent["Location"]
    page = public_client.get(activate_url)
    # The form keeps where the editor was going.
    assert '<input type="hidden" name="next" value="/admin/pages/">' in page.content.decode()
    secret = page.context["form"].secret
    done = public_client.post("/accounts/2fa/totp/activate/",
                              {"code": current_totp_code(secret), "next": "/admin/pages/"})
    assert done.status_code == 302
    # Straight back to the admin: no recovery-codes page, no password asked again.
    assert done["Location"] == "/admin/pages/"
    assert public_client.get(done["Location"]).status_code == 200
    assert editor.authenticator_set.filter(type="recovery_codes").exists()


def test_after_setting_up_totp_without_next_an_editor_lands_in_the_admin(
    public_client, editor, sites
):
    login(public_client, "editrice@example.org")
    page = public_client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    done = public_client.post("/accounts/2fa/totp/activate/",
                              {"code": current_totp_code(secret), "next": "https://evil.example/"})
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
