"""Demo publications: a list of about ten, three collections, one with paper copies."""

import datetime

from django.utils import timezone

from pages.base.demo import add_child, as_tried_once, paragraph, translate
from pages.demo.files import demo_document, demo_image, minimal_pdf, report_pdf
from pages.demo.texts import report_sections
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

def ago(days) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def publication_rows() -> list[tuple]:
    """slug, title, type, format, date, collection slug, pages, ISBN, ISSN, paper copies,
    summary, colours of the cover; dated from today."""
    return [
        ("rapport-activite", f"Rapport d’activité {ago(130).year - 1}", "report", "both",
         ago(130),
         "", 64, "978-2-11-145128-5", "", 0,
         "Les chiffres et les temps forts d’une année d’action culturelle en région.",
         ("#000091", "#6a6af4")),
        ("culture-et-territoires-12", "Culture & territoires n° 12", "magazine", "both",
         ago(201), "culture-et-territoires", 32, "", "2116-4827", 150,
         "Dossier : les tiers-lieux culturels en milieu rural.", ("#b34000", "#ff9575")),
        ("culture-et-territoires-11", "Culture & territoires n° 11", "magazine", "both",
         ago(370), "culture-et-territoires", 32, "", "2116-4827", 0,
         "Dossier : l’éducation artistique et culturelle, de la crèche au lycée.",
         ("#b34000", "#fcc63a")),
        ("les-enclos-paroissiaux", "Les enclos paroissiaux", "brochure", "both", ago(518),
         "patrimoines-de-bretagne", 48, "2-07-036822-X", "", 40,
         "Calvaires, ossuaires et arcs de triomphe : un patrimoine unique au monde.",
         ("#18753c", "#88fdaa")),
        ("les-phares-de-bretagne", "Les phares de Bretagne", "brochure", "paper", ago(842),
         "patrimoines-de-bretagne", 56, "978-2-11-162307-1", "", 0,
         "Histoire et restauration des phares protégés au titre des monuments historiques.",
         ("#18753c", "#3a3a3a")),
        ("guide-aides-creation", f"Guide des aides à la création {ago(279).year}", "guide",
         "digital", ago(279), "guides-pratiques", 28, "", "", 0,
         "Spectacle vivant, arts visuels, musique : toutes les aides de la DRAC en un guide.",
         ("#3558a2", "#b6cffb")),
        ("restaurer-un-monument-historique", "Restaurer un monument historique", "guide", "both",
         ago(620), "guides-pratiques", 40, "978-2-11-139845-0", "", 0,
         "Autorisations, financements, maîtrise d’œuvre : les étapes d’un chantier.",
         ("#3558a2", "#e8edff")),
        ("archeologie-preventive-mode-emploi", "Archéologie préventive : mode d’emploi", "guide",
         "digital", ago(690), "guides-pratiques", 20, "", "", 0,
         "Ce que les aménageurs doivent savoir avant de déposer un permis de construire.",
         ("#7d4e5b", "#f7bfc3")),
        ("jep-affiche", f"Journées européennes du patrimoine {ago(56).year} : l’affiche", "poster",
         "paper", ago(56), "", 1, "", "", 0,
         "L’affiche régionale des Journées européennes du patrimoine, à afficher dans vos lieux.",
         ("#ce0500", "#ffe9e9")),
        ("eac-en-region", "L’éducation artistique et culturelle en région", "report",
         "digital", ago(321), "", 44, "978-2-11-151034-0", "", 0,
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
    # Shared on social networks at 1200×630, like every page (the cover is a portrait).
    sharing = demo_image(f"Visuel de partage – {title}", f"partage-{slug}.jpg", 1200, 630,
                         background, accent, title)
    if not sharing.description:
        sharing.description = (f"Le titre « {title} » sur un fond coloré, au-dessus du dessin "
                               "stylisé d’un bâtiment sous un soleil jaune")
        sharing.save(update_fields=["description"])
    pdf = None
    if kind == "poster":
        pdf = demo_document(title, f"{slug}.pdf", minimal_pdf(title, [
            summary, f"Direction régionale des affaires culturelles – {published:%Y}",
        ]))
    elif paper_or_digital != "paper":
        pdf = demo_document(title, f"{slug}.pdf",
                            report_pdf(title, report_sections(title, summary, published.year)))
    return add_child(
        index, PublicationPage, slug, title=title, summary=summary, publication_type=kind,
        publication_format=paper_or_digital, publication_date=published,
        collection=collections.get(collection), page_count=pages, isbn=isbn,
        issn=issn, cover_image=cover, listing_image=cover, social_image=sharing, pdf=pdf,
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


def months_before(day, months) -> datetime.date:
    """The first day of the month ``months`` before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def load_download_counts(publications):
    """Downloads of each month of the last twelve (months already counted keep their
    count: loading the demo again later adds the months since)."""
    today = timezone.localdate()
    for rank, publication in enumerate(publications):
        if publication.pdf is None:
            continue
        for months_ago, count in enumerate((42, 35, 18, 22, 30, 12, 9, 15, 26, 31, 19, 11)):
            DownloadCount.objects.get_or_create(
                publication=publication, document=publication.pdf,
                month=months_before(today, months_ago),
                defaults={"count": max(count - 4 * rank, 1)})


def load(public_home, intranet_home, stdout):
    collections = load_collections()
    index = add_child(
        public_home, PublicationIndexPage, "publications", title="Publications",
        show_in_menus=True,
        summary="Rapports, guides, brochures et magazines de la DRAC, à télécharger ou à "
                "commander en version papier.",
    )
    publications = [add_publication(index, collections, row) for row in publication_rows()]
    load_paper_requests(publications[1])
    load_download_counts(publications)

    translate(index, "en", title="Publications", slug="publications",
              summary="Reports, guides, brochures and magazines of the directorate, to "
                      "download or to order on paper.")
    translate(publications[0], "en", title=publications[0].title.replace(
                  "Rapport d’activité", "Annual report"), slug="annual-report",
              summary="The figures and highlights of a year of cultural action in the region.",
              body=[paragraph("<p>The directorate’s annual report, in French.</p>")])
    translate(publications[3], "en", title="Parish closes", slug="parish-closes",
              summary="Calvaries, ossuaries and triumphal arches: a heritage unique in the "
                      "world.",
              body=[paragraph("<p>A brochure in French about the parish closes of "
                              "Brittany.</p>")])
    stdout.write(f"Publications ready: {len(publications)} in « {index.title} ».")
