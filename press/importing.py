"""Importing journalists from a CSV or XLSX file.

``read_file`` reads every row (CSV in UTF-8, with or without BOM, with its delimiter
sniffed; XLSX through openpyxl) or raises ``ImportFileError`` with a clear message (not
UTF-8, not a spreadsheet, empty). ``run_import`` then checks each row against the mapping
the officer chose: a row is imported whole or reported with its reason (no last name, an
address that is not an e-mail, text in a wrong encoding, a duplicate of a contact or of an
earlier row); nothing is dropped silently. Good rows are written in bulk, in one
transaction.
"""

import csv
import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.text import folded
from press.models import Journalist, Outlet

# The contact fields a column can fill, in the order the mapping offers them.
FIELDS = [
    ("first_name", gettext_lazy("First name")),
    ("last_name", gettext_lazy("Last name")),
    ("email", gettext_lazy("E-mail")),
    ("other_email", gettext_lazy("Other e-mail")),
    ("outlet", gettext_lazy("Outlet")),
    ("role", gettext_lazy("Role")),
    ("phone", gettext_lazy("Phone")),
    ("mobile", gettext_lazy("Mobile phone")),
    ("social_handles", gettext_lazy("Social networks")),
    ("language", gettext_lazy("Language (fr or en)")),
    ("notes", gettext_lazy("Notes")),
]
# Header names recognised for each field (folded: lower case, no accents, no spaces).
GUESSES = {
    "first_name": {"prenom", "firstname", "first", "givenname"},
    "last_name": {"nom", "lastname", "name", "surname", "familyname", "nomdefamille"},
    "email": {"email", "mail", "courriel", "adressemail", "emailaddress", "e-mail"},
    "other_email": {"email2", "autreemail", "otheremail", "courriel2"},
    "outlet": {"media", "outlet", "journal", "redaction", "titre", "organisation"},
    "role": {"fonction", "role", "poste", "title", "jobtitle"},
    "phone": {"telephone", "tel", "phone", "fixe"},
    "mobile": {"mobile", "portable", "cell", "gsm"},
    "social_handles": {"reseauxsociaux", "social", "twitter", "mastodon", "x"},
    "language": {"langue", "language", "lang"},
    "notes": {"notes", "note", "commentaire", "comments"},
}
MAX_ROWS = 50_000
LENGTHS = {"first_name": 100, "last_name": 100, "role": 120, "phone": 40, "mobile": 40,
           "outlet": 200}
# UTF-8 read as Latin-1 or Windows-1252 then saved again as UTF-8: "Ã©" for "é".
MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|\ufffd")


class ImportFileError(Exception):
    pass


def fold(header: str) -> str:
    return re.sub(r"[\s_\-.]", "", folded(header or ""))


def guess_mapping(headers) -> dict[int, str]:
    guesses, taken = {}, set()
    for index, header in enumerate(headers):
        key = fold(header)
        for field, names in GUESSES.items():
            if field not in taken and key in names:
                guesses[index] = field
                taken.add(field)
                break
    return guesses


def read_file(name: str, content: bytes) -> tuple[list[str], list[list[str]]]:
    """The header row and the data rows of a CSV or XLSX file, every cell a string."""
    rows = read_xlsx(content) if name.lower().endswith(".xlsx") else read_csv(content)
    # Blank rows are kept (and skipped on import) so that row numbers are the file's own.
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ImportFileError(_("The file is empty, or its first row (the column names) "
                                "is."))
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows: split it.") % {
            "max": MAX_ROWS})
    headers = [cell.strip() for cell in rows[0]]
    width = len(headers)
    data = [(row + [""] * width)[:width] if len(row) <= width else row for row in rows[1:]]
    return headers, data


def read_csv(content: bytes) -> list[list[str]]:
    if content.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("This is a spreadsheet, not a CSV file: save it with the "
                                ".xlsx extension, or export it as CSV UTF-8."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[:error.start].count(b"\n") + 1
        raise ImportFileError(_(
            "The file is not in UTF-8 (line %(line)d): it was probably saved as Windows-1252 "
            "or Latin-1. In your spreadsheet, save it as “CSV UTF-8”, then import it again. "
            "Nothing was imported.") % {"line": line}) from None
    if "\x00" in text:
        raise ImportFileError(_("The file contains NUL characters: it is probably UTF-16. "
                                "Save it as “CSV UTF-8”."))
    sample = text[:10_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as error:
        raise ImportFileError(_("The CSV file is malformed: %(error)s. Nothing was "
                                "imported.") % {"error": error}) from None


def read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(_("This file is not an Excel workbook (.xlsx) that can be "
                                "read. Nothing was imported.")) from None
    try:
        sheet = workbook.worksheets[0]
        return [["" if cell is None else str(cell).strip() for cell in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def check_row(cells, mapping) -> dict:
    """The contact fields of one row, or a ValidationError saying what is wrong."""
    values = {field: cells[index].strip() if index < len(cells) else ""
              for index, field in mapping.items()}
    if not values.get("last_name"):
        raise ValidationError(_("no last name"))
    for field, value in values.items():
        if MOJIBAKE.search(value):
            raise ValidationError(_("“%(value)s” is in a wrong encoding (the file was "
                                    "converted twice)") % {"value": value})
        if field in LENGTHS and len(value) > LENGTHS[field]:
            raise ValidationError(_("%(field)s is too long") % {"field": dict(FIELDS)[field]})
    for field in ("email", "other_email"):
        if values.get(field):
            values[field] = values[field].lower()
            try:
                validate_email(values[field])
            except ValidationError:
                raise ValidationError(_("“%(value)s” is not an e-mail address") % {
                    "value": values[field]}) from None
    language = values.get("language", "").lower()[:2]
    if language and language not in ("fr", "en"):
        raise ValidationError(_("language must be fr or en"))
    values["language"] = language or "fr"
    return values


def run_import(contact_import, mapping: dict[int, str]) -> None:
    """Import the good rows and report the others on ``contact_import``."""
    existing_emails = set()
    for first, second in Journalist.objects.values_list("email", "other_email"):
        existing_emails.update(address for address in (first, second) if address)
    existing_names = set(Journalist.objects.exclude(outlet=None)
                         .values_list("name_key", "outlet__name"))
    existing_names = {(key, outlet.lower()) for key, outlet in existing_names}
    outlets = {name.lower(): pk for pk, name in Outlet.objects.values_list("pk", "name")}
    now = timezone.now()
    good, report = [], []
    for number, cells in enumerate(contact_import.rows, start=2):  # row 1 is the header
        if not any(cell.strip() for cell in cells):
            continue
        try:
            values = check_row(cells, mapping)
        except ValidationError as error:
            report.append([number, error.messages[0], cells])
            continue
        addresses = {values.get("email"), values.get("other_email")} - {"", None}
        name_key = Journalist.key_for(values.get("first_name", ""), values["last_name"])
        outlet_name = values.pop("outlet", "")
        if addresses & existing_emails:
            report.append([number, _("duplicate: a contact already has this e-mail"), cells])
            continue
        if outlet_name and (name_key, outlet_name.lower()) in existing_names:
            report.append([number, _("duplicate: a contact of this outlet has this name"),
                           cells])
            continue
        existing_emails |= addresses
        if outlet_name:
            existing_names.add((name_key, outlet_name.lower()))
        good.append((values, outlet_name))
    with transaction.atomic():
        missing = {name.lower(): name for _values, name in good
                   if name and name.lower() not in outlets}
        Outlet.objects.bulk_create([Outlet(name=name) for name in missing.values()])
        if missing:
            outlets = {name.lower(): pk for pk, name in Outlet.objects.values_list("pk", "name")}
        journalists = []
        for values, outlet_name in good:
            journalist = Journalist(
                **values, outlet_id=outlets.get(outlet_name.lower()) if outlet_name else None,
                source=contact_import.source, legal_basis=contact_import.legal_basis,
                created_at=now, updated_at=now)
            journalist.name_key = Journalist.key_for(journalist.first_name,
                                                     journalist.last_name)
            journalists.append(journalist)
        created = Journalist.objects.bulk_create(journalists, batch_size=1000)
        if contact_import.contact_list_id and created:
            if created[0].pk is None:  # databases that do not return the new ids
                created = list(Journalist.objects.filter(created_at=now, source=contact_import
                                                         .source))
            through = Journalist.lists.through
            through.objects.bulk_create(
                [through(journalist_id=journalist.pk,
                         contactlist_id=contact_import.contact_list_id)
                 for journalist in created], batch_size=1000)
        contact_import.mapping = {str(index): field for index, field in mapping.items()}
        contact_import.imported_count = len(journalists)
        contact_import.report = report
        contact_import.rows = []  # personal data is not kept once imported
        contact_import.done_at = now
        contact_import.save()
