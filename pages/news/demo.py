"""Demo news: the public "Actualités" over two years, and the intranet's "Actualités du réseau"
with one article restricted to a directorate's staff."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from pages.base.demo import heading, paragraph, restrict_to, translate
from pages.demo.images import demo_image, illustration_alt
from pages.models import NewsArticlePage, NewsCategory, NewsIndexPage
from portal.models import Directorate, IntranetSettings

# slug: (French name, English name, English slug)
CATEGORIES = {
    "patrimoine": ("Patrimoine", "Heritage", "heritage"),
    "musees": ("Musées", "Museums", "museums"),
    "creation": ("Création", "Creation", "creation"),
    "education-artistique": ("Éducation artistique", "Arts education", "arts-education"),
    "architecture": ("Architecture", "Architecture", "architecture"),
    "vie-du-reseau": ("Vie du réseau", "Network life", "network-life"),
    "ressources-humaines": ("Ressources humaines", "Human resources", "human-resources"),
    "outils-numeriques": ("Outils numériques", "Digital tools", "digital-tools"),
}

PUBLIC_ARTICLES = [
    # slug, days ago, title, summary, categories, tags, palette, paragraphs
    ("journees-europeennes-du-patrimoine-800-lieux", 12,
     "Journées européennes du patrimoine : plus de 800 lieux ouverts en région",
     "Monuments, ateliers d’artisans, sites archéologiques : le programme régional des "
     "Journées européennes du patrimoine est en ligne.",
     ["patrimoine"], ["Journées du patrimoine", "Monuments historiques"], "blue",
     ["Pour cette nouvelle édition, plus de 800 lieux accueillent le public le troisième "
      "week-end de septembre, dont 70 qui ouvrent leurs portes pour la première fois.",
      "Les propriétaires privés de monuments historiques sont nombreux à participer : "
      "châteaux, manoirs et chapelles se visitent souvent gratuitement.",
      "Le programme complet, filtrable par département et par commune, est disponible sur "
      "le site national de l’événement."]),
    ("nuit-des-musees-programme", 40,
     "Nuit européenne des musées : un programme pour tous les publics",
     "Visites à la lampe, concerts et ateliers : 95 musées de la région restent ouverts "
     "jusqu’à minuit.",
     ["musees"], ["Nuit des musées", "Jeune public"], "purple",
     ["Samedi soir, 95 musées de la région ouvrent gratuitement leurs portes jusqu’à minuit.",
      "Le dispositif « La classe, l’œuvre ! » permet à des élèves de présenter au public les "
      "œuvres qu’ils ont étudiées pendant l’année."]),
    ("residences-artistes-territoires-ruraux", 75,
     "Appel à projets : résidences d’artistes en territoire rural",
     "La DRAC soutient des résidences de création et de transmission dans les communes de "
     "moins de 3 500 habitants. Dépôt des dossiers avant le 15 mars.",
     ["creation", "education-artistique"], ["Appel à projets", "Résidences"], "green",
     ["Les résidences associent une équipe artistique, une commune ou une intercommunalité "
      "et les habitants autour d’un projet de création partagée.",
      "Toutes les disciplines sont concernées : spectacle vivant, arts visuels, écriture, "
      "musique, design et métiers d’art."]),
    ("cent-pour-cent-eac-colleges", 110,
     "Le « 100 % éducation artistique et culturelle » progresse dans les collèges",
     "Quatre collégiens sur cinq ont bénéficié d’au moins une action d’éducation artistique "
     "et culturelle l’an dernier.",
     ["education-artistique"], ["EAC", "Collèges"], "yellow",
     ["Chaque élève doit pouvoir rencontrer des œuvres et des artistes, pratiquer et "
      "acquérir des connaissances tout au long de sa scolarité.",
      "Les conventions signées avec les départements et les intercommunalités ont permis "
      "d’étendre les parcours aux territoires les plus éloignés des équipements culturels."]),
    ("restauration-cathedrale-premiere-tranche", 150,
     "Restauration de la cathédrale : fin de la première tranche de travaux",
     "Après dix-huit mois de chantier, la façade occidentale a retrouvé ses sculptures et "
     "ses vitraux restaurés.",
     ["patrimoine", "architecture"], ["Monuments historiques", "Chantiers"], "grey",
     ["La première tranche, financée par l’État à hauteur de 2,4 millions d’euros, a porté "
      "sur la façade occidentale et les deux tours.",
      "Les tailleurs de pierre et les maîtres verriers ont travaillé sous la direction de "
      "l’architecte en chef des monuments historiques."]),
    ("decouverte-habitat-gaulois", 200,
     "Archéologie préventive : un habitat gaulois mis au jour avant un lotissement",
     "Le diagnostic prescrit par le service régional de l’archéologie a révélé un enclos "
     "de l’âge du fer d’une rare conservation.",
     ["patrimoine"], ["Archéologie"], "yellow",
     ["Les fouilles ont mis au jour les fondations de quatre bâtiments, des silos et un "
      "abondant mobilier céramique.",
      "Le mobilier sera étudié puis déposé au centre de conservation et d’étude régional."]),
    ("rendez-vous-aux-jardins", 250,
     "Rendez-vous aux jardins : 120 parcs et jardins à découvrir",
     "Jardins historiques, potagers et parcs contemporains ouvrent le premier week-end de "
     "juin.",
     ["patrimoine"], ["Rendez-vous aux jardins", "Jardins"], "green",
     ["Plus de 120 parcs et jardins publics et privés participent cette année, dont 18 "
      "labellisés « Jardin remarquable ».",
      "Des visites commentées par les jardiniers et des ateliers pour les enfants sont "
      "proposés dans toute la région."]),
    ("label-architecture-contemporaine-remarquable", 300,
     "Six édifices reçoivent le label « Architecture contemporaine remarquable »",
     "Une salle des fêtes, deux lycées et un ensemble de logements sociaux figurent parmi "
     "les édifices distingués par la commission régionale.",
     ["architecture"], ["Labels", "Architecture du XXe siècle"], "blue",
     ["Le label signale au public les réalisations de moins de cent ans dont l’intérêt "
      "architectural ou technique justifie qu’elles soient connues et préservées.",
      "Les propriétaires seront accompagnés par l’unité départementale de l’architecture et "
      "du patrimoine pour tout projet de travaux."]),
    ("fete-de-la-musique-organisateurs", 380,
     "Fête de la musique : les conseils aux organisateurs",
     "Déclaration, sécurité, droits d’auteur : les démarches à faire avant le 21 juin.",
     ["creation"], ["Fête de la musique", "Musique"], "red",
     ["Les organisateurs de concerts en plein air doivent déclarer leur manifestation en "
      "mairie au moins un mois à l’avance.",
      "Les concerts gratuits de la Fête de la musique bénéficient d’un forfait de droits "
      "négocié avec les sociétés d’auteurs."]),
    ("recolement-collections-musees", 450,
     "Musées de France : le récolement décennal des collections",
     "Les musées de la région engagent la troisième campagne de récolement de leurs "
     "collections.",
     ["musees"], ["Collections"], "purple",
     ["Le récolement consiste à vérifier, sur pièce et sur place, la présence de chaque bien "
      "inscrit à l’inventaire.",
      "La conservation régionale des musées accompagne les équipes et organise des journées "
      "de formation."]),
    ("compagnies-choregraphiques-commission", 560,
     "Aides aux compagnies chorégraphiques : résultats de la commission",
     "Vingt-deux équipes artistiques sont soutenues pour leurs projets de création.",
     ["creation"], ["Danse", "Aides"], "red",
     ["La commission consultative a examiné 41 demandes d’aide au projet et au "
      "conventionnement.",
      "Les équipes retenues présenteront leurs créations dans les scènes labellisées de la "
      "région au cours de la saison."]),
    ("pass-culture-part-collective", 680,
     "pass Culture : la part collective ouverte aux classes de sixième",
     "Les professeurs peuvent désormais financer des sorties et des ateliers pour leurs "
     "classes dès la sixième.",
     ["education-artistique"], ["pass Culture", "Collèges"], "yellow",
     ["La part collective du pass Culture permet aux enseignants de réserver des activités "
      "proposées par des lieux et des artistes référencés.",
      "Les structures culturelles peuvent publier leurs offres sur la plateforme Adage."]),
]

ENGLISH_ARTICLES = {
    "journees-europeennes-du-patrimoine-800-lieux": (
        "european-heritage-days-800-sites",
        "European Heritage Days: over 800 sites open across the region",
        "Monuments, craft workshops, archaeological sites: the regional programme of the "
        "European Heritage Days is online.",
        ["Over 800 sites welcome visitors on the third weekend of September, 70 of them for "
         "the first time."],
    ),
    "nuit-des-musees-programme": (
        "european-night-of-museums",
        "European Night of Museums: something for everyone",
        "Torch-lit tours, concerts and workshops: 95 museums of the region stay open until "
        "midnight.",
        ["On Saturday evening, 95 museums of the region open free of charge until midnight."],
    ),
}

INTRANET_ARTICLES = [
    ("seminaire-charges-communication", 8,
     "Séminaire des chargés de communication : inscriptions ouvertes",
     "Le séminaire annuel du réseau se tiendra à Rennes les 12 et 13 mars.",
     ["vie-du-reseau"], ["Séminaire", "Communication"], "blue",
     ["Au programme : la refonte des sites des directions, l’accessibilité numérique et la "
      "stratégie sur les réseaux sociaux.",
      "Les inscriptions se font auprès du secrétariat du réseau avant le 15 février."]),
    ("outil-visioconference-etat", 30,
     "Visioconférence : le nouvel outil de l’État déployé dans le réseau",
     "Toutes les directions basculent sur la solution de visioconférence interministérielle.",
     ["outils-numeriques"], ["Visioconférence"], "grey",
     ["La connexion se fait avec votre compte ProConnect, sans installation.",
      "Des sessions de prise en main d’une heure sont proposées chaque mardi."]),
    ("campagne-mobilite", 55,
     "Campagne de mobilité : le calendrier",
     "Les postes vacants seront publiés sur la place de l’emploi public à partir du 1er avril.",
     ["ressources-humaines"], ["Mobilité"], "green",
     ["Les agents intéressés sont invités à en parler dès maintenant à leur responsable.",
      "Les entretiens auront lieu en mai pour des prises de poste au 1er septembre."]),
]

RESTRICTED_ARTICLE = (
    "demenagement-service-archeologie", 3,
    "Déménagement du service régional de l’archéologie",
    "Le service s’installe dans ses nouveaux locaux du 14 au 18 octobre : il sera joignable "
    "par courriel uniquement.",
    ["vie-du-reseau"], ["Déménagement"], "yellow",
    ["Les cartons seront livrés dans les bureaux le 7 octobre.",
     "Les réserves archéologiques restent accessibles sur rendez-vous pendant le "
     "déménagement."],
)


def load_categories() -> dict[str, NewsCategory]:
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    categories = {}
    for slug, (name, english_name, english_slug) in CATEGORIES.items():
        category = NewsCategory.objects.filter(locale=french, slug=slug).first()
        if category is None:
            category = NewsCategory.objects.create(locale=french, slug=slug, name=name)
        translated = category.get_translation_or_none(english)
        if translated is None:
            translated = category.copy_for_translation(english)
            translated.name, translated.slug = english_name, english_slug
            translated.save()
        categories[slug] = category
        categories[f"en:{slug}"] = translated
    return categories


def add_index(parent, slug, title, summary, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    index_page = NewsIndexPage(slug=slug, title=title, summary=summary, locale=parent.locale,
                               **fields)
    parent.add_child(instance=index_page)
    index_page.save_revision().publish()
    return index_page


def add_article(index_page, categories, article, seed, collection=None):
    slug, days_ago, title, summary, category_slugs, tags, palette, paragraphs = article
    existing = index_page.get_children().filter(slug=slug).first()
    if existing:
        # Loaded again on a later day: the article stays as many days old.
        NewsArticlePage.objects.filter(pk=existing.pk).update(
            date=timezone.localdate() - datetime.timedelta(days=days_ago))
        return existing.specific
    image = demo_image(f"Actualité — {title}", illustration_alt(palette), palette, seed,
                       collection)
    page = NewsArticlePage(
        slug=slug, title=title, summary=summary, locale=index_page.locale,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        listing_image=image,
        body=[paragraph(f"<p>{text}</p>") for text in paragraphs[:1]]
        + [heading("En pratique")]
        + [paragraph(f"<p>{text}</p>") for text in paragraphs[1:]],
    )
    page.categories = [categories[name] for name in category_slugs]
    page.tags.add(*tags)
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def link_related(article, *targets, external=None):
    """Point an article to other pages, once."""
    if article.related_links:
        return
    links = [("link", {"page": target, "url": "", "label": ""}) for target in targets]
    if external:
        links.append(("link", {"page": None, "url": external[0], "label": external[1]}))
    article.related_links = links
    article.save_revision().publish()


# The English articles' own tags (a translation starts with a copy of the French ones).
ENGLISH_TAGS = {
    "Journées du patrimoine": "European Heritage Days",
    "Monuments historiques": "Historic monuments",
    "Nuit des musées": "Night of Museums",
    "Jeune public": "Young audiences",
}


def translate_article(article, categories, english):
    slug, title, summary, paragraphs = english
    translation = translate(
        article, "en", slug=slug, title=title, summary=summary,
        categories=[categories[f"en:{category.slug}"] for category in article.categories.all()],
        body=[paragraph(f"<p>{text}</p>") for text in paragraphs],
    )
    tags = {ENGLISH_TAGS.get(name, name) for name in article.tags.names()}
    if set(translation.tags.names()) != tags:
        translation.tags.set(list(tags))
        translation.save_revision().publish()
    return translation


def load_public_news(public_home, categories):
    index_page = add_index(
        public_home, "actualites", "Actualités",
        "Les informations de la direction régionale des affaires culturelles : appels à "
        "projets, chantiers, labels, événements.",
        show_in_menus=True,
    )
    articles = [add_article(index_page, categories, article, seed)
                for seed, article in enumerate(PUBLIC_ARTICLES, start=1)]
    heritage = public_home.get_children().filter(slug="patrimoine-et-architecture").first()
    link_related(articles[0], *(page for page in [heritage, articles[6]] if page),
                 external=("https://journeesdupatrimoine.culture.gouv.fr",
                           "Le site national des Journées européennes du patrimoine"))
    link_related(articles[1], articles[9])
    translate(index_page, "en", slug="news", title="News",
              summary="News from the regional directorate of cultural affairs.")
    for article in articles:
        if article.slug in ENGLISH_ARTICLES:
            translate_article(article, categories, ENGLISH_ARTICLES[article.slug])
    return index_page


def load_intranet_news(intranet_home, categories):
    index_page = add_index(
        intranet_home, "actualites-du-reseau", "Actualités du réseau",
        "Les informations communes aux directions du réseau.",
        show_in_menus=True,
    )
    # Intranet illustrations are restricted files, as their pages are.
    intranet_collection = IntranetSettings.load().intranet_collection
    for seed, article in enumerate(INTRANET_ARTICLES, start=50):
        add_article(index_page, categories, article, seed, intranet_collection)
    directorate = Directorate.objects.order_by("short_name").first()
    if directorate is not None:
        slug, days_ago, title, *rest = RESTRICTED_ARTICLE
        restricted = add_article(
            index_page, categories,
            (slug, days_ago, f"{directorate.short_name} : {title[0].lower()}{title[1:]}", *rest),
            seed=60, collection=directorate.collection,
        )
        restrict_to(restricted, [directorate.staff_group])
    return index_page


def load(public_home, intranet_home, stdout):
    categories = load_categories()
    load_public_news(public_home, categories)
    load_intranet_news(intranet_home, categories)
    stdout.write("Demo news ready.")
