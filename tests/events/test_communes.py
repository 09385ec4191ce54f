"""The communes organisers pick from: the reference data's sample, loaded by a migration, and
the official list that ``import_communes`` loads."""

import pytest
from django.core.management import CommandError, call_command

from events import communes
from events.models import Commune

pytestmark = pytest.mark.django_db


def test_the_migration_loads_the_communes_of_the_reference_data():
    rennes = Commune.objects.get(code="35238")
    assert (rennes.name, rennes.postcode, rennes.department.code) == ("Rennes", "35000", "35")
    assert rennes.search_name == "rennes"
    assert Commune.objects.get(code="2A004").department.code == "2A"


def test_la_postes_file_is_imported_and_a_second_import_updates(tmp_path):
    laposte = tmp_path / "laposte.csv"
    laposte.write_text(
        "Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5\n"
        "35238;RENNES;35000;RENNES;\n"
        "35238;RENNES;35200;RENNES;\n"
        "35240;LE RHEU;35650;LE RHEU;\n"
        "99999;MONACO;98000;MONACO;\n"
        "cassé\n", encoding="latin-1")
    call_command("import_communes", str(laposte), "--encoding", "latin-1")
    assert set(Commune.objects.filter(code="35238").values_list("postcode", flat=True)) == {
        "35000", "35200"}
    assert [c.code for c in communes.suggestions("le rh")] == ["35240"]
    assert not Commune.objects.filter(postcode="98000").exists()

    # data.gouv.fr's file has the names with their accents: they replace the capitals.
    datagouv = tmp_path / "communes-departement-region.csv"
    datagouv.write_text(
        "code_commune_INSEE,nom_commune_postal,code_postal,libelle_acheminement,ligne_5,"
        "latitude,longitude,code_commune,article,nom_commune,nom_commune_complet\n"
        "35240,LE RHEU,35650,LE RHEU,,48.1,-1.79,240,Le,Rheu,Le Rheu\n", encoding="utf-8")
    call_command("import_communes", str(datagouv))
    assert Commune.objects.get(code="35240").name == "Le Rheu"
    assert Commune.objects.filter(code="35240").count() == 1


def test_a_file_without_the_columns_is_refused(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="code_commune_insee"):
        call_command("import_communes", str(wrong))
