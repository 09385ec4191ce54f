"""A press officer imports a CSV of journalists and sends a release to the list; a journalist
unsubscribes through the link of the e-mail the loopback SMTP server received."""

import re

import pytest
from playwright.sync_api import expect

from press.models import ContactList, Journalist
from press.models.contacts import PRESS_OFFICERS
from tests.browser.test_workflow import sign_in_with_code
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.press import add_release, make_room

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSV = ("Prénom;Nom;Courriel;Média\n"
       "Yann;Le Goff;yann@presse.example;Ouest-France\n"
       "Katell;Riou;pas-une-adresse;Le Télégramme\n"
       "Erwan;Kerhervé;erwan@presse.example;France 3\n")


def test_officer_imports_sends_and_a_journalist_unsubscribes(new_page, urls, sites, tmp_path,
                                                             smtp_server):
    officer = create_user("attachee.presse@example.org", PRESS_OFFICERS)
    secret = activate_totp(officer)
    room = make_room(sites[0].root_page)
    release = add_release(room, "Les JEP en Bretagne", slug="jep-bretagne")
    ContactList.objects.create(name="Presse régionale")
    csv_file = tmp_path / "journalistes.csv"
    csv_file.write_text(CSV, encoding="utf-8")

    admin = new_page()
    sign_in_with_code(admin, f"{urls['public']}/admin/press/import/", officer, secret)
    admin.get_by_label("Fichier CSV ou Excel").set_input_files(str(csv_file))
    admin.get_by_role("button", name="Lire le fichier").click()
    expect(admin.get_by_role("table")).to_contain_text("Le Goff")  # the preview
    admin.get_by_label("Source").fill("Annuaire PQR")
    admin.get_by_label("Les ajouter à la liste").select_option(label="Presse régionale")
    admin.get_by_role("button", name="Importer").click()
    expect(admin.get_by_text("2 contacts importés.")).to_be_visible()
    expect(admin.get_by_role("table")).to_contain_text("pas-une-adresse")
    assert sorted(Journalist.objects.values_list("last_name", flat=True)) == [
        "Kerhervé", "Le Goff"]

    admin.goto(f"{urls['public']}/admin/press/send/{release.pk}/")
    admin.get_by_label("Presse régionale").check()
    admin.get_by_role("button", name="Envoyer", exact=True).click()
    expect(admin.get_by_text("Envoyés : 2")).to_be_visible()
    assert sorted(smtp_server.recipients()) == ["erwan@presse.example", "yann@presse.example"]

    message = next(m for m in smtp_server.received if m["To"] == "yann@presse.example")
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"http://\S+/desabonnement/\S+/", text).group(0)
    journalist = new_page()
    journalist.goto(urls["public"] + "/" + link.split("/", 3)[3])
    journalist.get_by_role("button", name="Se désinscrire").click()
    expect(journalist.get_by_role("status")).to_contain_text("Vous êtes désinscrit")
    assert Journalist.objects.get(email="yann@presse.example").unsubscribed_at is not None
    assert Journalist.objects.get(email="erwan@presse.example").unsubscribed_at is None
