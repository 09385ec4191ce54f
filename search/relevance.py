"""A small relevance test set: demo-like pages and known-item queries, each naming the page
it must find in the top three. Each query says what it tries: the exact title, the words
without accents, a plural or a singular, an elided article or none, a word of the summary,
a synonym of the demo's, a typo. ``tests/search/test_relevance.py`` keeps the database
mode's share from falling; ``bench/search_relevance_bench.py`` prints the share per mode."""

import dataclasses
from html import unescape

from django.utils.html import strip_tags

# (title, summary) of the pages, under the public home page. The later ones share words with
# the earlier ones, so that the right page must win, not merely be found.
PAGES = [
    ("L'abbaye de Beauport", "Une abbaye du XIIIe siècle au bord de la mer, à Paimpol."),
    ("Journées européennes du patrimoine 2026", "Le programme des visites en Bretagne."),
    ("Les fouilles archéologiques de Carnac",
     "Les alignements de menhirs étudiés par les archéologues."),
    ("Restauration des vitraux de la cathédrale de Quimper",
     "Un chantier de trois ans pour les verrières du chœur."),
    ("Subventions aux monuments historiques",
     "Comment demander une aide pour un édifice protégé."),
    ("Le phare d'Eckmühl", "Un phare de granit ouvert aux visiteurs à Penmarc'h."),
    ("Archives départementales : mode d'emploi",
     "Consulter les registres paroissiaux et l'état civil."),
    ("Musées de France en Bretagne", "Les collections labellisées de la région."),
    ("Jardins remarquables", "Le label et la liste des parcs et jardins distingués."),
    ("Château de Josselin", "Une forteresse des Rohan sur l'Oust."),
    ("Appel à projets éducation artistique et culturelle",
     "Financer des résidences d'artistes dans les écoles."),
    ("Rapport d'activité 2025", "Les chiffres clés de la direction régionale."),
    # Pages sharing words with the ones above.
    ("Visites de l'abbaye de Landévennec", "Les abbayes bénédictines du Finistère."),
    ("Le musée de la Compagnie des Indes", "Un musée à Port-Louis."),
    ("Phares et balises : exposition", "Une exposition sur les phares de Bretagne."),
    ("Patrimoine et jardins de Rennes", "Le patrimoine des parcs de la ville."),
    ("Les châteaux de la Loire en Bretagne ?", "Une idée reçue sur les châteaux."),
    ("Monuments historiques ouverts au public", "La liste des monuments à visiter."),
    ("Cathédrales de Bretagne", "Saint-Corentin, Saint-Pierre et les autres."),
    ("Rapport d'activité 2024", "Les chiffres de l'année précédente."),
]


@dataclasses.dataclass(frozen=True)
class KnownItem:
    kind: str
    query: str
    expected: str  # the title of the page to find in the top three


KNOWN_ITEMS = [
    KnownItem("exact title", "Château de Josselin", "Château de Josselin"),
    KnownItem("exact title", "Rapport d'activité 2025", "Rapport d'activité 2025"),
    KnownItem("exact title", "Jardins remarquables", "Jardins remarquables"),
    KnownItem("without accents", "journees europeennes du patrimoine",
              "Journées européennes du patrimoine 2026"),
    KnownItem("without accents", "musees de france", "Musées de France en Bretagne"),
    KnownItem("without accents", "phare eckmuhl", "Le phare d'Eckmühl"),
    KnownItem("singular", "jardin remarquable", "Jardins remarquables"),
    KnownItem("singular", "subvention monument historique",
              "Subventions aux monuments historiques"),
    KnownItem("plural", "fouilles archeologiques carnac", "Les fouilles archéologiques de Carnac"),
    KnownItem("irregular plural", "vitrail cathédrale Quimper",
              "Restauration des vitraux de la cathédrale de Quimper"),
    KnownItem("elided article", "l'abbaye de Beauport", "L'abbaye de Beauport"),
    KnownItem("no article", "abbaye beauport", "L'abbaye de Beauport"),
    KnownItem("elided article", "l'état civil", "Archives départementales : mode d'emploi"),
    KnownItem("summary word", "menhirs", "Les fouilles archéologiques de Carnac"),
    KnownItem("summary word", "registres paroissiaux",
              "Archives départementales : mode d'emploi"),
    KnownItem("summary word", "forteresse Rohan", "Château de Josselin"),
    KnownItem("summary word", "résidences d'artistes",
              "Appel à projets éducation artistique et culturelle"),
    KnownItem("synonym", "JEP", "Journées européennes du patrimoine 2026"),
    KnownItem("synonym", "subventions MH", "Subventions aux monuments historiques"),
    KnownItem("typo", "abaye de beauport", "L'abbaye de Beauport"),
]
TOP = 3


def add_pages(home):
    """The test set's pages, published under this home page."""
    from pages.models import StandardPage

    pages = []
    for number, (title, summary) in enumerate(PAGES, 1):
        page = StandardPage(title=title, slug=f"pertinence-{number}", summary=summary)
        home.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def plain(title: str) -> str:
    return unescape(strip_tags(str(title)))


def measure(search) -> tuple[float, list[KnownItem]]:
    """``search(query)`` gives the hits of a query, best first: the share of known items
    found in the top three, and the items missed."""
    missed = [item for item in KNOWN_ITEMS
              if item.expected not in [plain(hit.title) for hit in search(item.query)[:TOP]]]
    return 1 - len(missed) / len(KNOWN_ITEMS), missed
