"""French territory reference data: regions, departments, communes with their INSEE codes,
and the rules a venue's commune and coordinates must follow."""

import json
from functools import cache
from pathlib import Path

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference.json"

# (south, north, west, east) in degrees. Metropolitan France includes Corsica.
METROPOLITAN_BOX = (41.3, 51.2, -5.3, 9.7)
OVERSEAS_BOXES = {
    "971": (15.8, 16.6, -61.9, -60.9),  # Guadeloupe
    "972": (14.3, 14.95, -61.3, -60.75),  # Martinique
    "973": (2.0, 5.9, -54.7, -51.5),  # Guyane
    "974": (-21.45, -20.8, 55.15, 55.9),  # La Réunion
    "976": (-13.1, -12.55, 44.95, 45.35),  # Mayotte
}


@cache
def reference_data() -> dict:
    """The shipped regions, departments, themes and sample communes (read once)."""
    with REFERENCE_FILE.open(encoding="utf-8") as stream:
        return json.load(stream)


def department_code_of(commune_code: str) -> str:
    """The department a commune INSEE code belongs to: 3 digits overseas (97x), else 2
    (2A and 2B for Corsica)."""
    commune_code = commune_code.strip().upper()
    return commune_code[:3] if commune_code.startswith("97") else commune_code[:2]


def is_valid_commune_code(commune_code: str) -> bool:
    code = commune_code.strip().upper()
    if len(code) != 5:
        return False
    if code[:2] in ("2A", "2B"):
        return code[2:].isdigit()
    return code.isdigit() and code[:2] != "20"


def commune_matches_department(commune_code: str, department_code: str) -> bool:
    return department_code_of(commune_code) == department_code.strip().upper()


def _inside(box, latitude: float, longitude: float) -> bool:
    south, north, west, east = box
    return south <= latitude <= north and west <= longitude <= east


def territory_box(department_code: str):
    return OVERSEAS_BOXES.get(department_code, METROPOLITAN_BOX)


def is_in_france(latitude: float, longitude: float) -> bool:
    boxes = [METROPOLITAN_BOX, *OVERSEAS_BOXES.values()]
    return any(_inside(box, latitude, longitude) for box in boxes)


def is_in_department_territory(latitude: float, longitude: float, department_code: str) -> bool:
    """Coarse check: the point lies in the department's territory (mainland or its island)."""
    return _inside(territory_box(department_code), latitude, longitude)
