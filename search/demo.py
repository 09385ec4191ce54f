"""Demo: the synonyms editors would start with, and the index built from the demo content."""

from search import indexing
from search.models import SearchEntry, Synonym

SYNONYMS = [
    "JEP, Journées européennes du patrimoine",
    "MH, monument historique",
    "DRAC, direction régionale des affaires culturelles",
]


def load(stdout):
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    indexing.rebuild()
    stdout.write(f"Search index: {SearchEntry.objects.count()} entries.")
