"""Importing contacts from CSV and XLSX: upload, column mapping with a preview, then a report
of every row; wrong encodings and malformed files are refused with nothing imported."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from press.models import ContactImport, ContactList, Journalist, Outlet
from tests.helpers.press import make_journalist

pytestmark = pytest.mark.django_db

CSV = """Prénom;Nom;Courriel;Média;Fonction
Yann;Le Goff;yann@presse.example;Ouest-France;Reporter
Katell;Riou;pas-une-adresse;Le Télégramme;Cheffe d'édition
;;;;
Erwan;;erwan@presse.example;France 3;
Gaëlle;Kerhervé;gaelle@presse.example;Le Télégramme;
Gaëlle;Kerhervé;autre@presse.example;Le Télégramme;
Anne;Martin;YANN@presse.example;;
LoÃ¯c;Tanguy;loic@presse.example;Ouest-France;
"""


def upload(client, name, content):
    return client.post(reverse("press_import"), {"file": SimpleUploadedFile(name, content)})


def mapping_data(contact_import, **extra):
    """Accept the mapping the page proposes."""
    return {"source": "Fichier PQR 2026", "legal_basis": "legitimate_interest", **extra}


def test_a_csv_is_previewed_mapped_and_reported_row_by_row(officer_client):
    existing = make_journalist(first_name="Anne", last_name="Autre", email="anne@presse.example")
    regional = ContactList.objects.create(name="PQR")
    response = upload(officer_client, "contacts.csv", CSV.encode("utf-8-sig"))
    contact_import = ContactImport.objects.get()
    assert response.url == reverse("press_import_mapping", args=[contact_import.pk])
    preview = officer_client.get(response.url).content.decode()
    assert "Le Goff" in preview
    # The headers were recognised: Prénom -> first name, Courriel -> e-mail, Média -> outlet.
    assert '<option value="email" selected>' in preview
    assert '<option value="outlet" selected>' in preview
    data = {"column_0": "first_name", "column_1": "last_name", "column_2": "email",
            "column_3": "outlet", "column_4": "role", **mapping_data(contact_import),
            "contact_list": regional.pk}
    response = officer_client.post(reverse("press_import_mapping", args=[contact_import.pk]),
                                   data)
    assert response.url == reverse("press_import_report", args=[contact_import.pk])
    report = officer_client.get(response.url).content.decode()
    imported = Journalist.objects.exclude(pk=existing.pk)
    assert sorted(imported.values_list("last_name", flat=True)) == ["Kerhervé", "Le Goff"]
    assert set(Outlet.objects.values_list("name", flat=True)) == {"Ouest-France",
                                                                  "Le Télégramme"}
    yann = imported.get(last_name="Le Goff")
    assert (yann.source, yann.legal_basis, yann.role) == ("Fichier PQR 2026",
                                                          "legitimate_interest", "Reporter")
    assert list(yann.lists.all()) == [regional]
    contact_import.refresh_from_db()
    reasons = {number: reason for number, reason, _cells in contact_import.report}
    assert set(reasons) == {3, 5, 7, 8, 9}  # the empty row 4 is no contact at all
    assert "n’est pas une adresse e-mail" in reasons[3]
    assert "nom manquant" in reasons[5]
    assert "porte ce nom" in reasons[7]       # same name at the same outlet, earlier row
    assert "a déjà cet e-mail" in reasons[8]     # YANN@ is yann@ in another case
    assert "mauvais encodage" in reasons[9]  # LoÃ¯c
    assert "pas-une-adresse" in report and "LoÃ¯c" in report
    assert contact_import.rows == []  # nothing personal kept once imported


def test_a_file_in_windows_1252_is_refused_with_the_way_out(officer_client):
    response = upload(officer_client, "contacts.csv", CSV.replace("LoÃ¯c", "Loïc")
                      .encode("cp1252"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "n’est pas en UTF-8 (ligne 1)" in text and "CSV UTF-8" in text
    assert not ContactImport.objects.exists() and not Journalist.objects.exists()


def test_a_spreadsheet_renamed_csv_and_a_broken_xlsx_are_refused(officer_client):
    workbook = io.BytesIO()
    Workbook().save(workbook)
    response = upload(officer_client, "contacts.csv", workbook.getvalue())
    assert "Il s’agit d’un classeur, pas d’un fichier CSV" in response.content.decode()
    response = upload(officer_client, "contacts.xlsx", b"PK\x03\x04 not really a workbook")
    assert "n’est pas un classeur Excel" in response.content.decode()
    response = upload(officer_client, "contacts.pdf", b"%PDF-1.4")
    assert "Choisissez un fichier .csv ou .xlsx" in response.content.decode()
    assert not ContactImport.objects.exists()


def test_an_xlsx_file_is_imported(officer_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Prénom", "E-mail", "Langue"])
    sheet.append(["Smith", "Jane", "jane@press.example", "en"])
    sheet.append(["Durand", None, "durand@presse.example", "de"])
    content = io.BytesIO()
    workbook.save(content)
    response = upload(officer_client, "contacts.xlsx", content.getvalue())
    contact_import = ContactImport.objects.get()
    officer_client.post(response.url, {"column_0": "last_name", "column_1": "first_name",
                                       "column_2": "email", "column_3": "language",
                                       **mapping_data(contact_import)})
    assert Journalist.objects.get().language == "en"
    contact_import.refresh_from_db()
    assert contact_import.report[0][:2] == [3, "la langue doit être fr ou en"]


def test_the_mapping_needs_the_last_name_and_one_column_per_field(officer_client):
    upload(officer_client, "contacts.csv", CSV.encode())
    contact_import = ContactImport.objects.get()
    url = reverse("press_import_mapping", args=[contact_import.pk])
    response = officer_client.post(url, {"column_0": "first_name", "column_2": "email",
                                         **mapping_data(contact_import)})
    assert response.status_code == 400
    assert "la colonne qui contient le nom" in response.content.decode()
    response = officer_client.post(url, {"column_0": "last_name", "column_1": "last_name",
                                         **mapping_data(contact_import)})
    assert "que par une seule colonne" in response.content.decode()
    response = officer_client.post(url, {"column_1": "last_name", "legal_basis": "consent",
                                         "source": "x"})
    assert response.status_code == 400
    assert not Journalist.objects.exists()


def test_an_editor_cannot_import(editor_client):
    assert editor_client.get(reverse("press_import")).status_code in (302, 403)
    response = upload(editor_client, "contacts.csv", CSV.encode())
    assert response.status_code in (302, 403)
    assert not ContactImport.objects.exists()
