"""Updating the directory from an HR export (CSV or XLSX).

1. ``read_table`` reads the file whole before anything is written: a file that is not a
   readable CSV or XLSX, or has no header row, is refused with a message and nothing changes.
2. ``guess_mapping`` proposes which column fills which field, from the headers' names; the
   officer checks it on a preview of the first rows (and may change it).
3. ``apply_import`` imports each row in its own savepoint: a row with an unknown directorate
   or service, or a missing name, is reported with its line number and reasons, and the other
   rows are imported. People are recognised by their HR identifier, else by their e-mail.
4. When the officer confirms it, the people of the directorates in the file who are missing
   from it are archived (never deleted): they leave the directory.
"""

import csv
import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import Person, Service
from portal.models import Directorate
from portal.text import folded

MAX_ROWS = 20_000
PREVIEW_ROWS = 10

# The fields an import fills, with the header names (folded) that name them in HR exports.
FIELDS = {
    "hr_id": (gettext_lazy("HR identifier"), ["matricule", "identifiant", "id", "hr id",
                                                "hr_id", "agent id"]),
    "last_name": (gettext_lazy("last name"), ["nom", "nom d'usage", "nom d’usage",
                                               "last name", "last_name", "surname"]),
    "first_name": (gettext_lazy("first name"), ["prenom", "first name", "first_name",
                                                 "given name"]),
    "email": (gettext_lazy("e-mail"), ["courriel", "email", "e-mail", "mel", "adresse mel",
                                        "adresse electronique"]),
    "directorate": (gettext_lazy("directorate"), ["direction", "directorate", "structure"]),
    "service": (gettext_lazy("service or bureau"), ["service", "bureau", "unite", "pole",
                                                     "service / bureau"]),
    "job_title": (gettext_lazy("job title"), ["fonction", "poste", "intitule du poste",
                                               "job title", "job_title"]),
    "phone": (gettext_lazy("office phone"), ["telephone", "tel", "telephone fixe", "phone"]),
    "mobile": (gettext_lazy("mobile phone"), ["portable", "mobile", "telephone portable"]),
    "office": (gettext_lazy("office"), ["piece", "local", "office", "bureau (piece)"]),
    "site_address": (gettext_lazy("site address"), ["site", "adresse", "adresse du site",
                                                     "site address"]),
    "manager": (gettext_lazy("manager (HR identifier or e-mail)"),
                ["responsable", "manager", "n+1", "superieur hierarchique"]),
}
REQUIRED = ("last_name", "first_name", "directorate")
TEXT_FIELDS = ("first_name", "last_name", "job_title", "phone", "mobile", "office",
               "site_address")


class ImportFileError(Exception):
    """The file cannot be read as a table: nothing is imported."""


# --- Reading ------------------------------------------------------------------------------------

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(_("This file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


class SemicolonSeparated(csv.excel):
    delimiter = ";"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("This CSV file is neither UTF-8 nor Windows-1252 text."))


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise ImportFileError(_("This file is not a text (CSV) file."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = SemicolonSeparated
    try:
        return [[_cell(value) for value in row] for row in csv.reader(io.StringIO(text),
                                                                       dialect)]
    except csv.Error as error:
        raise ImportFileError(_("This CSV file is malformed: %(error)s") % {
            "error": error}) from error


def read_table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of an HR export, or ``ImportFileError``."""
    extension = name.rpartition(".")[2].lower()
    if extension == "xlsx":
        rows = _read_xlsx(data)
    elif extension == "csv":
        rows = _read_csv(data)
    else:
        raise ImportFileError(_("Send a CSV or XLSX file."))
    rows = [row for row in rows if any(row)]
    if not rows or not any(rows[0]):
        raise ImportFileError(_("This file is empty: the first line must name the columns."))
    if len(rows) > MAX_ROWS + 1:
        raise ImportFileError(_("This file has more than %(max)s rows.") % {"max": MAX_ROWS})
    header = rows[0]
    if len(set(filter(None, header))) != len(list(filter(None, header))):
        raise ImportFileError(_("Two columns of this file have the same name."))
    width = len(header)
    return header, [(row + [""] * width)[:width] for row in rows[1:]]


def guess_mapping(header: list[str]) -> dict[str, int]:
    """Field name → column index, from the columns' names."""
    mapping = {}
    for index, title in enumerate(header):
        name = folded(title).strip()
        for field, (_label, names) in FIELDS.items():
            if field not in mapping and name in names:
                mapping[field] = index
                break
    return mapping


def mapping_errors(mapping: dict[str, int]) -> list[str]:
    missing = [str(FIELDS[field][0]) for field in REQUIRED if field not in mapping]
    errors = []
    if missing:
        errors.append(_("Choose the column of: %(fields)s.") % {"fields": ", ".join(missing)})
    if "hr_id" not in mapping and "email" not in mapping:
        errors.append(_("Choose the column of the HR identifier or of the e-mail: it is how "
                        "people are recognised."))
    columns = list(mapping.values())
    if len(columns) != len(set(columns)):
        errors.append(_("A column can fill one field only."))
    return errors


def mapped_rows(rows, mapping) -> list[dict[str, str]]:
    return [{field: row[index] for field, index in mapping.items()} for row in rows]


# --- Importing ----------------------------------------------------------------------------------

class Lookups:
    """Directorates and services, read once for the whole file."""

    def __init__(self):
        self.directorates = {}
        for directorate in Directorate.objects.all():
            for key in (directorate.short_name, directorate.name, directorate.slug):
                self.directorates[folded(key)] = directorate
        self.services = {}
        for service in Service.objects.all():
            for key in (service.name, service.acronym, service.slug):
                if key:
                    self.services[(service.directorate_id, folded(key))] = service

    def directorate(self, value: str):
        return self.directorates.get(folded(value))

    def service(self, directorate, value: str):
        return self.services.get((directorate.pk, folded(value)))


def _find_person(values: dict):
    if values.get("hr_id"):
        person = Person.objects.filter(hr_id=values["hr_id"]).first()
        if person is not None:
            return person
    if values.get("email"):
        return Person.objects.filter(email__iexact=values["email"]).first()
    return None


def _row_person(values: dict, lookups: Lookups):
    """The person this row creates or updates, not saved; or ValidationError."""
    errors = []
    for field in REQUIRED:
        if not values.get(field):
            errors.append(_("%(field)s is empty") % {"field": FIELDS[field][0]})
    if not values.get("hr_id") and not values.get("email"):
        errors.append(_("neither HR identifier nor e-mail"))
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(_("“%(value)s” is not an e-mail address") % {"value": values["email"]})
    directorate = service = None
    if values.get("directorate"):
        directorate = lookups.directorate(values["directorate"])
        if directorate is None:
            errors.append(_("unknown directorate “%(value)s”") % {"value": values["directorate"]})
    if directorate is not None and values.get("service"):
        service = lookups.service(directorate, values["service"])
        if service is None:
            errors.append(_("unknown service “%(value)s” in %(directorate)s") % {
                "value": values["service"], "directorate": directorate.short_name})
    for field in TEXT_FIELDS:
        limit = Person._meta.get_field(field).max_length
        if limit and len(values.get(field, "")) > limit:
            errors.append(_("%(field)s is longer than %(limit)s characters") % {
                "field": FIELDS[field][0], "limit": limit})
    if errors:
        raise ValidationError(errors)
    person = _find_person(values) or Person()
    created = person.pk is None
    for field in TEXT_FIELDS:
        if field in values:
            setattr(person, field, values[field])
    if "hr_id" in values:
        person.hr_id = values["hr_id"]
    if values.get("email"):
        person.email = values["email"].lower()
    person.directorate = directorate
    if "service" in values:
        person.service = service
    person.archived_at = None
    return person, created


def apply_import(hr_import, rows: list[dict[str, str]], *, archive_missing: bool) -> dict:
    """Import the mapped rows; each bad row is reported (line numbers count the header as
    line 1) and the others are imported. Returns the report, also stored on ``hr_import``."""
    lookups = Lookups()
    report = {"created": 0, "updated": 0, "errors": [], "archived": []}
    seen: list[int] = []
    directorates: set[int] = set()
    managers: list[tuple[int, str, int]] = []
    with transaction.atomic():
        for line, values in enumerate(rows, start=2):
            try:
                with transaction.atomic():
                    person, created = _row_person(values, lookups)
                    person.full_clean(exclude=["user", "photo", "manager", "service"])
                    person.save()
            except ValidationError as error:
                report["errors"].append({"line": line, "name": " ".join(
                    filter(None, [values.get("first_name"), values.get("last_name")])),
                    "messages": [str(message) for message in error.messages]})
                continue
            report["created" if created else "updated"] += 1
            seen.append(person.pk)
            directorates.add(person.directorate_id)
            if values.get("manager"):
                managers.append((person.pk, values["manager"], line))
        for person_pk, reference, line in managers:
            manager = _find_person({"hr_id": reference, "email": reference if "@" in reference
                                    else ""})
            if manager is None or manager.pk == person_pk:
                report["errors"].append({"line": line, "name": "", "messages": [
                    _("unknown manager “%(value)s” (the rest of the row is imported)")
                    % {"value": reference}]})
                continue
            Person.objects.filter(pk=person_pk).update(manager=manager)
        if archive_missing and directorates:
            missing = (Person.objects.current().filter(directorate__in=directorates)
                       .exclude(pk__in=seen).order_by("last_name", "first_name"))
            for person in missing:
                report["archived"].append(person.full_name)
                person.archive()
        hr_import.status = hr_import.Status.DONE
        hr_import.report = report
        hr_import.save(update_fields=["status", "report", "mapping"])
    return report


def people_missing(rows: list[dict[str, str]]):
    """Current people of the file's directorates whom the file does not name: those the
    import archives once confirmed (for the preview)."""
    lookups = Lookups()
    directorates = {lookups.directorate(values.get("directorate", "")) for values in rows}
    directorates.discard(None)
    hr_ids = {values["hr_id"] for values in rows if values.get("hr_id")}
    emails = {values["email"].lower() for values in rows if values.get("email")}
    people = Person.objects.current().filter(directorate__in=directorates)
    return [person for person in people.order_by("last_name", "first_name")
            if not ((person.hr_id and person.hr_id in hr_ids)
                    or (person.email and person.email.lower() in emails))]
