"""Checks on identifiers and uploaded files, with messages an editor can act on.

Check digits are python-stdnum's; the format and prefix rules come first here so that the
message says what is wrong.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn

SEPARATORS = re.compile(r"[\s\-‐‑–]")

# The first bytes of files whose extension says what they are. Formats without a fixed
# signature (csv, txt, svg) are not checked.
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa"),
    "ogg": (b"OggS",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    # Office Open XML and OpenDocument files are zip archives.
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
}


def compact(value: str) -> str:
    """The identifier without spaces or hyphens, upper case (for a final X)."""
    return SEPARATORS.sub("", value or "").upper()


def normalise_isbn(value: str) -> str:
    return compact(value)


def validate_isbn(value: str) -> None:
    digits = compact(value)
    if not re.fullmatch(r"\d{9}[\dX]|\d{13}", digits):
        raise ValidationError(
            _("An ISBN has 10 or 13 digits (the last digit of an ISBN-10 may be X); "
              "hyphens and spaces are allowed."),
            code="isbn_format",
        )
    if len(digits) == 13 and not digits.startswith(("978", "979")):
        raise ValidationError(_("An ISBN-13 starts with 978 or 979."), code="isbn_prefix")
    if not isbn.is_valid(digits):
        raise ValidationError(
            _("This ISBN’s check digit is wrong: please check it for a typing error."),
            code="isbn_checksum",
        )


def normalise_issn(value: str) -> str:
    """The ISSN written the standard way, with a hyphen in the middle: 1234-567X."""
    digits = compact(value)
    return issn.format(digits) if len(digits) == 8 else digits


def validate_issn(value: str) -> None:
    digits = compact(value)
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        raise ValidationError(
            _("An ISSN has 8 characters, for example 1234-5679 (the last one may be X)."),
            code="issn_format",
        )
    if not issn.is_valid(digits):
        raise ValidationError(
            _("This ISSN’s check digit is wrong: please check it for a typing error."),
            code="issn_checksum",
        )


def file_extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def read_head(file, length: int = 16) -> bytes:
    """The first bytes of an uploaded or stored file, leaving it ready to be read again."""
    file.seek(0)
    head = file.read(length)
    file.seek(0)
    return head


def file_matches_its_extension(file, name: str) -> bool:
    signatures = FILE_SIGNATURES.get(file_extension(name))
    if signatures is None:
        return True
    return read_head(file).startswith(signatures)


def validate_file_matches_extension(file, name: str) -> None:
    if not file_matches_its_extension(file, name):
        raise ValidationError(
            _("This file is not a real %(format)s file, whatever its name says: "
              "export it again from the original application."),
            params={"format": file_extension(name).upper()},
            code="file_signature",
        )


def is_pdf(file) -> bool:
    return read_head(file).startswith(FILE_SIGNATURES["pdf"])
