"""Finding a commune in the reference data (``events.Commune``) from what an organiser types:
part of its name or its postcode (the autocomplete of the venue step), or the name, postcode
and INSEE code the form sends (resolved again on the server, so the form works without
JavaScript)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from events.models import Commune
from events.models.reference import commune_search_name

SUGGESTIONS = 10
MIN_LENGTH = 2

# "Rennes (35000)", as the autocomplete shows a commune: the name and the postcode.
_LABELLED = re.compile(r"^(?P<name>.+?)\s*\((?P<postcode>\d{5})\)$")


def suggestions(text: str, limit: int = SUGGESTIONS) -> list[Commune]:
    """Communes whose name starts with the words typed (accents, capitals and hyphens
    ignored), or whose postcode starts with the digits typed; one query."""
    text = text.strip()
    communes = Commune.objects.select_related("department")
    if text.isdigit():
        matching = communes.filter(postcode__startswith=text[:5]).order_by("postcode", "name")
    else:
        wanted = commune_search_name(text)
        if len(wanted) < MIN_LENGTH:
            return []
        matching = communes.filter(search_name__startswith=wanted).order_by(
            "search_name", "postcode")
    return list(matching[:limit])


def describe(department, commune_code: str) -> str:
    """What the venue step shows under the commune once it is known."""
    return _("Department: %(department)s. INSEE code: %(code)s.") % {
        "department": department, "code": commune_code}


def resolve(typed: str, postcode: str = "", code: str = "") -> Commune:
    """The one commune meant by what the form sends: the commune field as typed (a name, a
    postcode or "Name (postcode)"), the postcode field and the INSEE code the autocomplete
    filled in. Raises ``ValidationError`` (for the commune field) when none or several fit."""
    typed, postcode, code = typed.strip(), postcode.strip(), code.strip().upper()
    labelled = _LABELLED.match(typed)
    if labelled:
        typed, postcode = labelled["name"], labelled["postcode"]
    communes = Commune.objects.select_related("department")
    if typed.isdigit():
        candidates = communes.filter(postcode=typed)
    else:
        candidates = communes.filter(search_name=commune_search_name(typed))
    candidates = list(candidates[:100])
    if code:
        candidates = [commune for commune in candidates if commune.code == code] or candidates
    if postcode and len({commune.code for commune in candidates}) > 1:
        candidates = [c for c in candidates if c.postcode == postcode] or candidates
    codes = {commune.code for commune in candidates}
    if not codes:
        raise ValidationError(
            _("No commune called “%(typed)s” in our list: check the spelling, or type the "
              "first letters or the postcode and pick the commune from the list."),
            code="unknown_commune", params={"typed": typed})
    if len(codes) > 1 and typed.isdigit():
        raise ValidationError(
            _("Several communes have the postcode %(typed)s (%(choices)s): type the name of "
              "the commune, or pick it from the list."),
            code="ambiguous_commune",
            params={"typed": typed, "choices": ", ".join(sorted(
                {commune.name for commune in candidates}))})
    if len(codes) > 1:
        raise ValidationError(
            _("Several communes are called “%(typed)s” (%(choices)s): give the postcode, or "
              "pick the commune from the list."),
            code="ambiguous_commune",
            params={"typed": typed, "choices": ", ".join(sorted(
                f"{commune.department.name} {commune.postcode}" for commune in candidates))})
    # A commune with several postcodes: the one given, else the first.
    return next((c for c in candidates if c.postcode == postcode), candidates[0])
