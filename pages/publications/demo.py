"""Demo publications: a list of about ten, three collections, one with paper copies."""

from datetime import date

from django.utils import timezone

from pages.base.demo import add_child, as_tried_once, paragraph, translate
from pages.demo.files import demo_document, demo_image, minimal_pdf
from pages.models import (
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
from pages.publications.views import notify_officer

COLLECTIONS = [
    ("Patrimoines de Bretagne", "patrimoines-de-bretagne",
     "Monographies sur les monuments et les paysages protégés de la région."),
    ("Culture & territoires", "culture-et-territoires",
     "Le magazine semestriel de la DRAC, diffusé aux élus et aux acteurs culturels."),
    ("Guides pratiques", "guides-pratiques",
     "Les démarches expliquées pas à pas aux porteurs de projets."),
]

# slug, title, type, format, date, collection slug, pages, ISBN, ISSN, paper copies, summary,
# colours of the cover
PUBLICATIONS = [
    ("rapport-activite-2024", "Rapport d’activité 2024", "report", "both", date(2025, 6, 12),
     "", 64, "978-2-11-145128-5", "", 0,
     "Les chiffres et les temps forts d’une année d’action culturelle en région.",
     ("#000091", "#6a6af4")),
    ("culture-et-territoires-12", "Culture & territoires n° 12", "magazine", "both",
     date(2025, 4, 2), "culture-et-territoires", 32, "", "2116-4827", 150,
     "Dossier : les tiers-lieux culturels en milieu rural.", ("#b34000", "#ff9575")),
    ("culture-et-territoires-11", "Culture & territoires n° 11", "magazine", "both",
     date(2024, 10, 15), "culture-et-territoires", 32, "", "2116-4827", 0,
     "Dossier : l’éducation artistique et culturelle, de la crèche au lycée.",
     ("#b34000", "#fcc63a")),
    ("les-enclos-paroissiaux", "Les enclos paroissiaux", "brochure", "both", date(2024, 5, 20),
     "patrimoines-de-bretagne", 48, "2-07-036822-X", "", 40,
     "Calvaires, ossuaires et arcs de triomphe : un patrimoine unique au monde.",
     ("#18753c", "#88fdaa")),
    ("les-phares-de-bretagne", "Les phares de Bretagne", "brochure", "paper", date(2023, 7, 1),
     "patrimoines-de-bretagne", 56, "978-2-11-162307-1", "", 0,
     "Histoire et restauration des phares protégés au titre des monuments historiques.",
     ("#18753c", "#3a3a3a")),
    ("guide-aides-creation-2025", "Guide des aides à la création 2025", "guide", "digital",
     date(2025, 1, 14), "guides-pratiques", 28, "", "", 0,
     "Spectacle vivant, arts visuels, musique : toutes les aides de la DRAC en un guide.",
     ("#3558a2", "#b6cffb")),
    ("restaurer-un-monument-historique", "Restaurer un monument historique", "guide", "both",
     date(2024, 2, 8), "guides-pratiques", 40, "978-2-11-139845-0", "", 0,
     "Autorisations, financements, maîtrise d’œuvre : les étapes d’un chantier.",
     ("#3558a2", "#e8edff")),
    ("archeologie-preventive-mode-emploi", "Archéologie préventive : mode d’emploi", "guide",
     "digital", date(2023, 11, 30), "guides-pratiques", 20, "", "", 0,
     "Ce que les aménageurs doivent savoir avant de déposer un permis de construire.",
     ("#7d4e5b", "#f7bfc3")),
    ("jep-2025-affiche", "Journées européennes du patrimoine 2025 : l’affiche", "poster",
     "paper", date(2025, 8, 25), "", 1, "", "", 0,
     "L’affiche régionale des Journées européennes du patrimoine, à afficher dans vos lieux.",
     ("#ce0500", "#ffe9e9")),
    ("eac-en-region-2024", "L’éducation artistique et culturelle en région", "report",
     "digital", date(2024, 12, 3), "", 44, "978-2-11-151034-0", "", 0,
     "Bilan des parcours d’éducation artistique et culturelle dans les écoles de la région.",
     ("#716043", "#fef6e3")),
]


def load_collections():
    collections = {}
    for name, slug, description in COLLECTIONS:
        collections[slug], _created = PublicationCollection.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    return collections


def add_publication(index, collections, row):
    (slug, title, kind, paper_or_digital, published, collection, pages, isbn, issn, copies,
     summary, (background, accent)) = row
    cover = demo_image(f"Couverture – {title}", f"couverture-{slug}.jpg", 400, 566,
                       background, accent, title)
    pdf = None
    if paper_or_digital != "paper" or kind == "poster":
        pdf = demo_document(title, f"{slug}.pdf", minimal_pdf(title, [
            summary, f"Direction régionale des affaires culturelles – {published:%Y}",
        ]))
    return add_child(
        index, PublicationPage, slug, title=title, summary=summary, publication_type=kind,
        publication_format=paper_or_digital, publication_date=published,
        collection=collections.get(collection), page_count=pages, isbn=isbn,
        issn=issn, cover_image=cover, listing_image=cover, pdf=pdf,
        paper_copies_available=copies,
        contact_email="diffusion.bretagne@relais.localhost" if copies else "",
        body=[paragraph(f"<p>{summary} Publication de la direction régionale des affaires "
                        f"culturelles.</p>")],
    )


def load_paper_requests(publication):
    if PaperCopyRequest.objects.filter(publication=publication).exists():
        return
    notified = PaperCopyRequest.objects.create(
        publication=publication, publication_title=publication.title, name="Gwenaëlle Le Bihan",
        organisation="Médiathèque de Landerneau", email="g.lebihan@example.org",
        postal_address="Médiathèque municipale\n12 rue de la Tour d’Auvergne\n29800 Landerneau",
        quantity=5, message="Pour notre fonds local et la salle de lecture, merci !",
        status=PaperCopyRequest.Status.IN_PROGRESS,
    )
    not_yet = PaperCopyRequest.objects.create(
        publication=publication, publication_title=publication.title, name="Yves Caradec",
        organisation="Mairie de Plouguerneau", email="y.caradec@example.org",
        postal_address="Mairie\n1 place de l’Europe\n29880 Plouguerneau", quantity=2,
    )
    for paper_request in (notified, not_yet):
        notify_officer(paper_request)
    as_tried_once(notified.emails.all(), timezone.now())
    as_tried_once(not_yet.emails.all(), timezone.now(),
                  error="SMTPServerDisconnected: Connection unexpectedly closed")


def load_download_counts(publications):
    if DownloadCount.objects.exists():
        return
    for rank, publication in enumerate(publications):
        if publication.pdf is None:
            continue
        for months_ago, count in enumerate((42, 35, 18)):
            month = date(2025, 9 - months_ago, 1)
            DownloadCount.objects.create(publication=publication, document=publication.pdf,
                                         month=month, count=max(count - 4 * rank, 1))


def load(public_home, intranet_home, stdout):
    collections = load_collections()
    index = add_child(
        public_home, PublicationIndexPage, "publications", title="Publications",
        show_in_menus=True,
        summary="Rapports, guides, brochures et magazines de la DRAC, à télécharger ou à "
                "commander en version papier.",
    )
    publications = [add_publication(index, collections, row) for row in PUBLICATIONS]
    load_paper_requests(publications[1])
    load_download_counts(publications)

    translate(index, "en", title="Publications", slug="publications",
              summary="Reports, guides, brochures and magazines of the directorate, to "
                      "download or to order on paper.")
    translate(publications[0], "en", title="Annual report 2024", slug="annual-report-2024",
              summary="The figures and highlights of a year of cultural action in the region.",
              body=[paragraph("<p>The directorate’s annual report, in French.</p>")])
    translate(publications[3], "en", title="Parish closes", slug="parish-closes",
              summary="Calvaries, ossuaries and triumphal arches: a heritage unique in the "
                      "world.",
              body=[paragraph("<p>A brochure in French about the parish closes of "
                              "Brittany.</p>")])
    stdout.write(f"Publications ready: {len(publications)} in « {index.title} ».")
