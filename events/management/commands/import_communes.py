"""Load the official list of communes and their postcodes (the venue step's list), from a
CSV file: La Poste's "base officielle des codes postaux", or data.gouv.fr's
"communes-departement-region" (which has the names with their accents)."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.geography import department_code_of, is_valid_commune_code
from events.models import Commune, Department
from events.models.reference import commune_search_name

# The columns read, by the first name found in the file's header (any case).
COLUMNS = {
    "code": ["code_commune_insee"],
    "postcode": ["code_postal"],
    "name": ["nom_commune_complet", "nom_commune", "nom_de_la_commune"],
}


def _column(header: list[str], names: list[str]) -> int:
    lowered = [column.strip().lower() for column in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    raise CommandError(f"The file has no column {' or '.join(names)}.")


class Command(BaseCommand):
    help = "Load the communes and their postcodes from a CSV file (adds and updates rows)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--encoding", default="utf-8-sig",
                            help="of the file (La Poste's is sometimes latin-1)")

    def handle(self, *args, path, encoding, **options):
        try:
            text = path.read_text(encoding=encoding)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        lines = text.splitlines()
        delimiter = ";" if lines and ";" in lines[0] else ","
        rows = csv.reader(lines, delimiter=delimiter)
        header = next(rows, None)
        if header is None:
            raise CommandError(f"{path} is empty.")
        positions = {key: _column(header, names) for key, names in COLUMNS.items()}
        departments = {department.code: department for department in Department.objects.all()}
        communes, skipped = {}, 0
        for row in rows:
            try:
                code, postcode, name = (row[positions[key]].strip()
                                        for key in ("code", "postcode", "name"))
            except IndexError:
                skipped += 1
                continue
            code = code.upper()
            department = departments.get(department_code_of(code))
            # Monaco, the overseas collectivities, broken lines: not in our departments.
            if not (is_valid_commune_code(code) and department and len(postcode) == 5
                    and postcode.isdigit() and name):
                skipped += 1
                continue
            communes[(code, postcode)] = Commune(
                code=code, postcode=postcode, name=name[:150], department=department,
                search_name=commune_search_name(name)[:150])
        with transaction.atomic():
            Commune.objects.bulk_create(
                communes.values(), batch_size=1000, update_conflicts=True,
                unique_fields=["code", "postcode"],
                update_fields=["name", "department", "search_name"])
        self.stdout.write(self.style.SUCCESS(
            f"{len(communes)} communes and postcodes loaded, {skipped} lines skipped."))
