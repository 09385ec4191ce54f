"""The HR import: mapping preview, a report per row, archiving after confirmation, and bad
files refused without changing anything."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from openpyxl import Workbook

from directory.models import HRImport, Person
from tests.helpers.accounts import activate_totp

pytestmark = pytest.mark.django_db

HEADER = "Matricule;Nom;Prénom;Courriel;Direction;Service;Fonction;Téléphone;Responsable"
CSV_ROWS = [
    "A100;Prigent;Hélène;helene.prigent@example.org;DRAC Bretagne;"
    "Bureau du budget et de la logistique;Cheffe du bureau;02 99 00 00 10;",
    "A101;Guillou;Erwan;erwan.guillou@example.org;DRAC Bretagne;"
    "Bureau des ressources humaines;Gestionnaire RH;;A100",
    "A102;Inconnu;Paul;paul@example.org;DRAC Atlantide;;Agent;;",
    "A103;Lemoine;Sarah;sarah.lemoine@example.org;DRAC Normandie;;Archiviste;;",
]


def csv_file(rows=CSV_ROWS, header=HEADER, name="export.csv"):
    return SimpleUploadedFile(name, "\n".join([header, *rows]).encode("utf-8"))


@pytest.fixture
def hr_client(make_user, sites):
    hr = make_user("rh@example.org", "HR")
    activate_totp(hr)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(hr)
    return client


def upload(client, file):
    return client.post("/admin/directory/import/", {"file": file})


def test_the_preview_maps_the_columns_by_their_names(hr_client, people):
    response = upload(hr_client, csv_file())
    assert response.status_code == 302
    record = HRImport.objects.get()
    assert record.mapping == {"hr_id": 0, "last_name": 1, "first_name": 2, "email": 3,
                              "directorate": 4, "service": 5, "job_title": 6, "phone": 7,
                              "manager": 8}
    preview = hr_client.get(response["Location"])
    page = preview.content.decode()
    assert "Cheffe du bureau" in page and "DRAC Atlantide" in page
    # Those of DRAC Bretagne and Normandie whom the file does not name.
    assert "Yann Morvan" in page and "Zoé Lecœur" in page
    assert Person.objects.filter(hr_id="A101").count() == 0  # nothing imported yet


def test_an_import_with_one_bad_row_reports_it_and_imports_the_rest(hr_client, people):
    helene = people["helene"]
    helene.hr_id = "A100"
    helene.save()
    record_url = upload(hr_client, csv_file())["Location"]
    record = HRImport.objects.get()
    mapping = {f"column_{field}": str(index) for field, index in record.mapping.items()}
    response = hr_client.post(record_url, {**mapping, "action": "confirm"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == HRImport.Status.DONE
    assert (record.report["created"], record.report["updated"]) == (2, 1)
    assert record.report["errors"] == [{"line": 4, "name": "Paul Inconnu",
                                        "messages": ["direction « DRAC Atlantide » inconnue"]}]
    assert record.report["archived"] == []
    helene.refresh_from_db()
    assert (helene.job_title, helene.phone) == ("Cheffe du bureau", "02 99 00 00 10")
    erwan = Person.objects.get(hr_id="A101")
    assert erwan.manager == helene and erwan.service.name == "Bureau des ressources humaines"
    assert not Person.objects.filter(last_name="Inconnu").exists()
    assert Person.objects.get(pk=people["yann"].pk).archived_at is None
    report = hr_client.get(f"/admin/directory/import/{record.pk}/report/").content.decode()
    assert "DRAC Atlantide" in report


def test_people_missing_from_the_export_are_archived_once_confirmed(hr_client, people,
                                                                    secretariat):
    people["helene"].email = "helene.prigent@example.org"
    people["helene"].save()
    record_url = upload(hr_client, csv_file())["Location"]
    record = HRImport.objects.get()
    mapping = {f"column_{field}": str(index) for field, index in record.mapping.items()}
    hr_client.post(record_url, {**mapping, "action": "confirm", "archive_missing": "on"})
    archived = set(Person.objects.exclude(archived_at=None).values_list("last_name", flat=True))
    # Bretagne and Normandie people absent from the file; Hélène matched by her e-mail.
    assert archived == {"Morvan", "Lecœur", "Le Bihan"}
    assert Person.objects.filter(pk=people["yann"].pk).exists()  # archived, not deleted


def test_an_xlsx_export_with_other_column_names_and_a_mapping_chosen_by_hand(hr_client,
                                                                             people):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Agent", "Family", "Given", "Mail", "Entity", "Role"])
    sheet.append([12345, "Tanguy", "Loïc", "loic.tanguy@example.org", "drac-normandie",
                  "Conservateur"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(hr_client, SimpleUploadedFile("export.xlsx", buffer.getvalue()))
    record = HRImport.objects.get()
    assert record.mapping == {}
    preview = hr_client.post(response["Location"], {"action": "confirm"})
    assert preview.status_code == 400  # required columns not chosen: nothing imported
    assert Person.objects.filter(last_name="Tanguy").count() == 0
    mapping = {"column_hr_id": "0", "column_last_name": "1", "column_first_name": "2",
               "column_email": "3", "column_directorate": "4", "column_job_title": "5"}
    hr_client.post(response["Location"], {**mapping, "action": "confirm"})
    loic = Person.objects.get(last_name="Tanguy")
    assert (loic.hr_id, loic.directorate.short_name, loic.job_title) == (
        "12345", "DRAC Normandie", "Conservateur")


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"PK\x03\x04 broken", "export.xlsx", "pas un classeur XLSX lisible"),
    (b"%PDF-1.4", "export.pdf", "Envoyez un fichier CSV ou XLSX"),
    (b"", "export.csv", "Le fichier soumis est vide"),  # Django's own message, in French
    (b"\n\n", "export.csv", "la première ligne doit contenir le nom des colonnes"),
    (b"Nom;Nom\nA;B", "export.csv", "Deux colonnes de ce fichier portent le même nom"),
    (b"Nom;Pr\xe9nom\nA;B\x00", "export.csv", "pas un fichier texte (CSV)"),
])
def test_a_malformed_file_is_refused_with_a_message(hr_client, people, content, name,
                                                    message):
    response = upload(hr_client, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert HRImport.objects.count() == 0


def test_the_import_is_for_hr_officers_only(client, make_user, sites):
    editor = make_user("com@example.org", "Rédacteurs")
    activate_totp(editor)
    client.force_login(editor)
    response = client.get("/admin/directory/import/", HTTP_HOST=settings.PUBLIC_HOST)
    # Wagtail's answer to a refusal in the admin: back to the dashboard, with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.post("/admin/directory/import/", {"file": csv_file()},
                       HTTP_HOST=settings.PUBLIC_HOST).status_code == 302
    assert HRImport.objects.count() == 0


def test_each_bad_row_says_what_is_wrong_and_the_good_ones_are_imported(people, secretariat,
                                                                        make_user):
    from directory.hr_import import apply_import

    record = HRImport.objects.create(original_name="export.csv", file="directory/x.csv")
    rows = [
        {"hr_id": "B1", "last_name": "", "first_name": "Jo", "directorate": "DRAC Bretagne"},
        {"hr_id": "B2", "last_name": "Roux", "first_name": "Léo",
         "directorate": "drac-bretagne", "service": "Bureau inexistant"},
        {"hr_id": "", "email": "pas-une-adresse", "last_name": "Nom", "first_name": "Ana",
         "directorate": "DRAC Normandie"},
        {"hr_id": "B4", "last_name": "X" * 150, "first_name": "Long",
         "directorate": "DRAC Normandie"},
        {"hr_id": "B5", "last_name": "Riou", "first_name": "Gwen", "directorate": "drac bretagne",
         "service": "BUREAU DE LA MODERNISATION", "manager": "inconnu@example.org"},
    ]
    with translation.override("en"):
        report = apply_import(record, rows, archive_missing=False)
    by_line = {error["line"]: error["messages"] for error in report["errors"]}
    assert by_line[2] == ["last name is empty"]
    assert by_line[3] == ["unknown service “Bureau inexistant” in DRAC Bretagne"]
    assert by_line[4] == ["“pas-une-adresse” is not an e-mail address"]
    assert by_line[5] == ["last name is longer than 100 characters"]
    assert by_line[6] == ["unknown manager “inconnu@example.org” (the rest of the row is "
                          "imported)"]
    gwen = Person.objects.get(hr_id="B5")
    assert gwen.service == secretariat["modern"] and gwen.manager is None
    assert report["created"] == 1
