"""The demo library on the intranet: notes de service, forms and procedures of the network's
secretariat and of the directorates, some with earlier versions."""

import datetime as dt

from pages.base.demo import add_child
from pages.demo.files import demo_document, minimal_pdf
from pages.library.models import LibraryIndexPage, ReferenceDocument
from portal.models import Directorate, User

# title, kind, reference, date, owning service, review date, directorates, versions
DOCUMENTS = [
    ("Note de service relative au télétravail", "note", "NS-2026-004", dt.date(2026, 1, 12),
     "Bureau des ressources humaines", dt.date(2027, 1, 12), [], 3),
    ("Procédure d’engagement des dépenses", "procedure", "PR-2025-011", dt.date(2025, 9, 3),
     "Bureau du budget et de la logistique", dt.date(2026, 3, 1), [], 2),
    ("Formulaire d’ordre de mission", "form", "FO-2026-002", dt.date(2026, 2, 2),
     "Bureau du budget et de la logistique", dt.date(2027, 2, 2), [], 1),
    ("Guide de la dématérialisation des courriers", "procedure", "PR-2026-003",
     dt.date(2026, 3, 18), "Bureau de la modernisation", dt.date(2027, 3, 18), [], 2),
    ("Rapport d’activité 2025 du secrétariat du réseau", "report", "RA-2025",
     dt.date(2026, 4, 2), "Secrétariat du réseau", None, [], 1),
    ("Modèle de courrier aux collectivités", "template", "MO-2024-007", dt.date(2024, 5, 6),
     "Bureau de la modernisation", dt.date(2025, 5, 6), [], 1),
    ("Note d’organisation des astreintes – Bretagne", "note", "NS-BRE-2026-01",
     dt.date(2026, 1, 30), "Secrétariat général", dt.date(2027, 1, 30), ["DRAC Bretagne"], 2),
    ("Procédure d’accueil des nouveaux agents – Normandie", "procedure", "PR-NOR-2025-04",
     dt.date(2025, 11, 14), "Secrétariat général", dt.date(2026, 11, 14), ["DRAC Normandie"],
     1),
]


def load(public_home, intranet_home, stdout):
    library = add_child(
        intranet_home, LibraryIndexPage, "bibliotheque", title="Bibliothèque documentaire",
        summary="Notes de service, formulaires et procédures : toujours la version en vigueur.")
    owner = User.objects.filter(email="editrice@relais.localhost").first()
    for title, kind, reference, date, service, review, scope, versions in DOCUMENTS:
        if ReferenceDocument.objects.filter(reference=reference).exists():
            continue
        files = [demo_document(f"{title} (v{number})", f"{reference.lower()}-v{number}.pdf",
                               minimal_pdf(title, [f"Référence {reference}",
                                                   f"Version {number}"]))
                 for number in range(1, versions + 1)]
        item = ReferenceDocument(title=title, kind=kind, reference=reference, date=date,
                                 owner_service=service, review_date=review, owner=owner,
                                 document=files[0], summary=f"Document du {service.lower()}.")
        item.save()
        item.directorates.set(Directorate.objects.filter(short_name__in=scope))
        for newer in files[1:]:
            item.document = newer
            item.save()
    stdout.write(f"Library ready: {library.url_path}")
