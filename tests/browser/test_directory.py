"""Staff find a colleague and their service, edit their own profile, download the current
version of a note; an editor sees its earlier versions; HR imports an export with a bad row.
(Labels are matched in English or French: the French catalogue follows the English texts.)"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from directory.models import Person
from tests.browser.test_workflow import sign_in_with_code
from tests.helpers.accounts import PASSWORD, activate_totp
from tests.helpers.directory import make_person, make_service
from tests.helpers.library import make_reference, pdf_document

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, email):
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def words(*choices):
    return re.compile("^(" + "|".join(re.escape(choice) for choice in choices) + ")$")


@pytest.fixture
def organisation(directorates, staff_bretagne):
    bretagne = directorates[0]
    general = make_service(bretagne, "Secrétariat général", acronym="SG", kind="service")
    budget = make_service(bretagne, "Bureau du budget et de la logistique", parent=general,
                          missions="Budget, achats et logistique.")
    colleague = make_person(bretagne, "Rozenn", "Cadiou", service=budget,
                            job_title="Technicienne des bâtiments",
                            subjects="Électricité des bâtiments\nSécurité incendie")
    own = make_person(bretagne, "Maël", "Guéguen", service=general, user=staff_bretagne,
                      phone="02 99 00 00 00")
    return {"budget": budget, "colleague": colleague, "own": own}


def test_an_agent_finds_a_colleague_opens_their_service_and_edits_their_phone(
        page, urls, sites, organisation, staff_bretagne):
    page.goto(urls["intranet"] + "/annuaire/")
    sign_in(page, staff_bretagne.email)
    # The header now has the site search too: take the directory's own search form.
    search = page.get_by_role("search", name=words("Find a colleague", "Trouver un collègue"))
    search.get_by_label(re.compile("^(Name, service or subject|Nom, service ou sujet)")
                        ).fill("electricite")
    search.get_by_role("button", name=words("Search", "Rechercher")).click()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Rozenn Cadiou")).to_be_visible()
    expect(main.get_by_role("link", name="Maël Guéguen")).to_have_count(0)

    main.get_by_role("link", name="Rozenn Cadiou").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rozenn Cadiou")
    page.get_by_role("main").get_by_role(
        "link", name="Bureau du budget et de la logistique").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bureau du budget et de la logistique")
    expect(page.get_by_text("Budget, achats et logistique.")).to_be_visible()

    page.get_by_role("link", name=re.compile("(Organisation of|Organisation de la) DRAC "
                                             "Bretagne")).click()
    chart = page.get_by_role("navigation", name=re.compile("(Organisation chart|Organigramme)"))
    top = chart.get_by_role("listitem").filter(has_text="Secrétariat général (SG)").first
    expect(top.get_by_role("list").get_by_role(
        "link", name="Bureau du budget et de la logistique")).to_be_visible()

    page.goto(urls["intranet"] + "/annuaire/mon-profil/")
    page.get_by_label(re.compile("^(Office phone|Téléphone fixe)")).fill("02 99 12 34 56")
    page.get_by_role("button", name=words("Save", "Enregistrer")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maël Guéguen")
    expect(page.get_by_role("link", name="02 99 12 34 56")).to_be_visible()
    assert Person.objects.get(pk=organisation["own"].pk).phone == "02 99 12 34 56"


def test_an_agent_downloads_the_current_note_and_an_editor_sees_its_versions(
        new_page, urls, sites, directorates, staff_bretagne, editor):
    from pages.library.models import LibraryIndexPage

    intranet_home = sites[1].root_page.specific
    library = LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
    intranet_home.add_child(instance=library)
    library.save_revision().publish()
    note = make_reference("Note sur le télétravail", reference="NS-2026-004")
    note.document = pdf_document("Note sur le télétravail v2")
    note.save()

    agent = new_page()
    agent.goto(urls["intranet"] + "/bibliotheque/")
    sign_in(agent, staff_bretagne.email)
    with agent.expect_download() as download_info:
        agent.get_by_role("link", name="Note sur le télétravail").click()
    download = download_info.value
    assert download.suggested_filename == "note-sur-le-télétravail-v2.pdf"
    assert b"v2" in Path(download.path()).read_bytes()

    secret = activate_totp(editor)
    admin = new_page()
    sign_in_with_code(admin, f"{urls['intranet']}/admin/snippets/pages/referencedocument/"
                             f"edit/{note.pk}/", editor, secret)
    expect(admin.get_by_role("link", name="note-sur-le-télétravail.pdf")).to_be_visible()


def test_hr_imports_an_export_with_one_bad_row(page, urls, sites, directorates, make_user,
                                               tmp_path):
    make_service(directorates[0], "Bureau des ressources humaines")
    hr = make_user("rh@example.org", "HR")
    secret = activate_totp(hr)
    export = tmp_path / "export.csv"
    export.write_text(
        "Matricule;Nom;Prénom;Courriel;Direction;Service\n"
        "A1;Hamon;Katell;katell.hamon@example.org;DRAC Bretagne;Bureau des ressources humaines\n"
        "A2;Inconnu;Paul;paul@example.org;DRAC Atlantide;\n"
        "A3;Salaün;Loïc;loic.salaun@example.org;DRAC Normandie;\n", encoding="utf-8")
    sign_in_with_code(page, f"{urls['public']}/admin/directory/import/", hr, secret)
    page.locator("input[type=file]").set_input_files(str(export))
    page.get_by_role("button", name=words("Preview the import", "Prévisualiser l’import")
                     ).click()
    expect(page.get_by_role("cell", name="Hamon", exact=True)).to_be_visible()
    page.get_by_role("button", name=words("Confirm the import", "Confirmer l’import")).click()
    expect(page.get_by_role("cell", name="direction « DRAC Atlantide » inconnue")
           ).to_be_visible()
    assert sorted(Person.objects.values_list("last_name", flat=True)) == ["Hamon", "Salaün"]
