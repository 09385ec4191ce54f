"""Demo multimedia folder: the European Heritage Days, with a gallery, a video, sound and
documents. The video's embed code is stored here, as Wagtail stores it when an editor saves,
so that nothing is fetched from the video's site."""

from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from pages.base.demo import add_child, heading, paragraph, translate
from pages.demo.files import demo_document, demo_image, report_pdf, silent_mp3
from pages.demo.texts import report_sections
from pages.models import MultimediaFolderPage

VIDEO_URL = "https://www.youtube.com/watch?v=jep2025drac"
VIDEO_TITLE = "Les coulisses des Journées européennes du patrimoine"

# title, file name, colours, caption, credit, alternative text
GALLERY = [
    ("JEP – Parlement de Bretagne", "jep-parlement.jpg", ("#2f4077", "#c9a227"),
     "Visite guidée du Parlement de Bretagne, à Rennes.", "DRAC Bretagne / A. Le Floch",
     "Un groupe de visiteurs écoute une guide dans la grande salle dorée du Parlement."),
    ("JEP – Chantier de fouilles", "jep-fouilles.jpg", ("#6b4f2a", "#d9b382"),
     "Portes ouvertes sur un chantier de fouilles préventives.", "Inrap / M. Guillou",
     "Des enfants observent une archéologue qui dégage une poterie dans une tranchée."),
    ("JEP – Phare de l’île Vierge", "jep-phare.jpg", ("#1d5fa6", "#f2f2f2"),
     "Montée exceptionnelle au sommet du phare de l’île Vierge.", "DRAC Bretagne",
     "Le phare de l’île Vierge, haute tour de granit, sous un ciel bleu."),
    ("JEP – Atelier de vitrail", "jep-vitrail.jpg", ("#7a1f5c", "#4fb1d9"),
     "Démonstration dans un atelier de maître verrier.", "DRAC Bretagne / J. Riou",
     "Un maître verrier assemble des pièces de verre coloré au plomb sur un établi."),
    ("JEP – Enclos paroissial", "jep-enclos.jpg", ("#3f5a36", "#b8b8a0"),
     "Le calvaire de l’enclos paroissial de Guimiliau.", "DRAC Bretagne",
     "Calvaire de granit sculpté de dizaines de personnages, devant une église."),
    ("JEP – Archives départementales", "jep-archives.jpg", ("#4a3b2f", "#e0c9a6"),
     "Les magasins des archives ouverts au public.", "Archives départementales",
     "Des rayonnages de registres anciens dans un magasin d’archives."),
]

TRANSCRIPT = (
    "[Musique douce]\n"
    "Voix off : Chaque année, le troisième week-end de septembre, des milliers de lieux "
    "ouvrent leurs portes.\n"
    "Une restauratrice : On montre ce qu’on ne voit jamais : l’envers des décors, les "
    "échafaudages, les gestes.\n"
    "Voix off : Rendez-vous le troisième week-end de septembre pour les Journées "
    "européennes du patrimoine."
)

AUDIO_TRANSCRIPT = (
    "Présentatrice : Bonjour, vous écoutez le podcast de la DRAC. Aujourd’hui, nous "
    "découvrons les coulisses de la préparation des Journées européennes du patrimoine "
    "avec la conservatrice régionale des monuments historiques.\n"
    "Conservatrice : Nous préparons les Journées dès le printemps, avec les propriétaires "
    "des monuments, les associations et les communes."
)


def store_video_embed():
    """What Wagtail would have stored when the editor saved the video block."""
    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL, "type": "video", "title": VIDEO_TITLE, "provider_name": "YouTube",
            "width": 560, "height": 315, "thumbnail_url": "",
            "html": '<iframe width="560" height="315" '
                    'src="https://www.youtube-nocookie.com/embed/jep2025drac" '
                    f'title="{VIDEO_TITLE}" allowfullscreen></iframe>',
        },
    )


def last_edition_year() -> int:
    """The year of the last Journées européennes du patrimoine (third weekend of September)
    already held."""
    today = timezone.localdate()
    return today.year if today.month >= 10 else today.year - 1


def folder_body(year):
    images = [demo_image(title, filename, 1200, 800, background, accent)
              for title, filename, (background, accent), *_rest in GALLERY]
    gallery = [
        {"image": {"image": image, "decorative": False, "alt_text": alt},
         "caption": caption, "credit": credit}
        for image, (_title, _file, _colours, caption, credit, alt) in zip(images, GALLERY,
                                                                         strict=True)
    ]
    programme = demo_document(
        f"Programme régional des Journées européennes du patrimoine {year}",
        f"programme-jep-{year}.pdf",
        report_pdf(f"Journées européennes du patrimoine {year} – programme régional",
                   report_sections(f"Programme régional des Journées européennes du "
                                   f"patrimoine {year}", "Plus de 900 lieux ouverts.", year)),
    )
    sites = demo_document(
        "Liste des lieux ouverts (tableur)", f"lieux-ouverts-jep-{year}.csv",
        "commune;lieu;horaires\nRennes;Parlement de Bretagne;10h-18h\n"
        "Plouguerneau;Phare de l’île Vierge;9h-17h\n".encode(),
    )
    podcast = demo_document("Podcast – Les coulisses des Journées", f"podcast-jep-{year}.mp3",
                            silent_mp3(6))
    return [
        paragraph(f"<p>En septembre {year}, plus de 900 lieux ont ouvert leurs portes en "
                  "région. Retrouvez ici les images, la vidéo, le podcast et les documents de "
                  f"l’édition {year}.</p>"),
        ("gallery", {"title": "En images", "images": gallery}),
        heading("Vidéo"),
        ("video", {"title": VIDEO_TITLE, "video": VIDEO_URL, "transcript": TRANSCRIPT}),
        heading("Podcast"),
        ("audio", {"title": "Les coulisses des Journées, avec la conservation régionale",
                   "audio": podcast, "transcript": AUDIO_TRANSCRIPT}),
        heading("Documents"),
        ("document", {"document": programme, "title": ""}),
        ("document", {"document": sites, "title": ""}),
        ("callout", {"title": "Vous organisez une visite ?",
                     "text": RichText("<p>Inscrivez votre lieu sur la plateforme nationale "
                                      "avant le 15 juillet.</p>"),
                     "link": None, "link_label": ""}),
    ]


def load(public_home, intranet_home, stdout):
    store_video_embed()
    heritage = public_home.get_children().filter(slug="patrimoine-et-architecture").first()
    parent = heritage.specific if heritage else public_home
    year = last_edition_year()
    slug = "dossier-journees-europeennes-du-patrimoine"
    existing = parent.get_children().filter(slug=slug).first()
    folder = existing.specific if existing else add_child(
        parent, MultimediaFolderPage, slug,
        title=f"Dossier : les Journées européennes du patrimoine {year}",
        summary=f"Photos, vidéo, podcast et programme de l’édition {year} en région.",
        body=folder_body(year),
    )
    translate(folder, "en", title="Folder: European Heritage Days",
              slug="folder-european-heritage-days",
              summary="Photos, video, podcast and programme of the last edition in the region.")
    stdout.write(f"Multimedia folder ready: « {folder.title} ».")
