"""Checks on identifiers (ISBN, ISSN), with messages an editor can act on. Uploaded files are
checked by portal.uploads.

Check digits are python-stdnum's; the format and prefix rules come first here so that the
message says what is wrong.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn

SEPARATORS = re.compile(r"[\s\-‐‑–]")


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
