"""Checks on identifiers (ISBN, ISSN), with messages an editor can act on. Uploaded files are
checked by portal.uploads."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[\s\-‐‑–]")


def compact(value: str) -> str:
    """The identifier without spaces or hyphens, upper case (for a final X)."""
    return SEPARATORS.sub("", value or "").upper()


def isbn10_is_valid(digits: str) -> bool:
    if not re.fullmatch(r"\d{9}[\dX]", digits):
        return False
    values = [10 if char == "X" else int(char) for char in digits]
    weights = range(10, 0, -1)
    return sum(weight * value for weight, value in zip(weights, values, strict=True)) % 11 == 0


def isbn13_is_valid(digits: str) -> bool:
    if not re.fullmatch(r"97[89]\d{10}", digits):
        return False
    total = sum(int(char) * (1 if position % 2 == 0 else 3)
                for position, char in enumerate(digits))
    return total % 10 == 0


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
    valid = isbn10_is_valid(digits) if len(digits) == 10 else isbn13_is_valid(digits)
    if not valid:
        raise ValidationError(
            _("This ISBN’s check digit is wrong: please check it for a typing error."),
            code="isbn_checksum",
        )


def issn_check_digit(first_seven: str) -> str:
    remainder = sum(int(char) * weight
                    for char, weight in zip(first_seven, range(8, 1, -1), strict=True)) % 11
    check = (11 - remainder) % 11
    return "X" if check == 10 else str(check)


def normalise_issn(value: str) -> str:
    """The ISSN written the standard way, with a hyphen in the middle: 1234-567X."""
    digits = compact(value)
    return f"{digits[:4]}-{digits[4:]}" if len(digits) == 8 else digits


def validate_issn(value: str) -> None:
    digits = compact(value)
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        raise ValidationError(
            _("An ISSN has 8 characters, for example 1234-5679 (the last one may be X)."),
            code="issn_format",
        )
    if issn_check_digit(digits[:7]) != digits[7]:
        raise ValidationError(
            _("This ISSN’s check digit is wrong: please check it for a typing error."),
            code="issn_checksum",
        )
