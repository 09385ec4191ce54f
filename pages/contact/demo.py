"""Demo: the contact form with its topics, questions officers follow, the legal pages and the
footer links to them."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Site

from pages.base.demo import add_child, as_tried_once, heading, page_link, paragraph, translate
from pages.contact.emails import queue_question_emails
from pages.models import ContactPage, ContactTopic, Question, StandardPage
from portal.models import FooterLinks

# name, description, mailbox, English name, English description
TOPICS = [
    ("Monuments historiques",
     "Travaux sur un édifice protégé ou à ses abords, protection, aides à l’entretien.",
     "patrimoine.bretagne@relais.localhost",
     "Historic monuments", "Work on or near a protected building, listing, upkeep grants."),
    ("Archéologie", "Diagnostics, fouilles, découvertes fortuites, carte archéologique.",
     "archeologie.bretagne@relais.localhost",
     "Archaeology", "Surveys, excavations, chance finds, archaeological map."),
    ("Subventions et aides", "Aides à la création, à l’éducation artistique et aux lieux.",
     "aides.bretagne@relais.localhost",
     "Grants and funding", "Support for artists, arts education and venues."),
    ("Presse", "Demandes des journalistes : interviews, visuels, dossiers de presse.",
     "presse.bretagne@relais.localhost",
     "Press", "Journalists’ requests: interviews, images, press kits."),
    ("Autre", "Toute autre question sur les missions de la DRAC.",
     "communication.bretagne@relais.localhost",
     "Other", "Any other question about the directorate."),
]

# Officers follow questions in the admin; topics are edited by the communication team.
def load_topics():
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    topics = []
    for name, description, email, name_en, description_en in TOPICS:
        topic, _created = ContactTopic.objects.get_or_create(
            locale=french, name=name, defaults={"description": description, "email": email},
        )
        if topic.get_translation_or_none(english) is None:
            translation = topic.copy_for_translation(english)
            translation.name, translation.description = name_en, description_en
            translation.save()
        topics.append(topic)
    return topics


def load_contact_page(home):
    page = add_child(
        home, ContactPage, "nous-contacter", title="Nous contacter", show_in_menus=True,
        summary="Posez votre question aux services de la DRAC : patrimoine, archéologie, "
                "aides, presse.",
        intro=("<p>Avant d’écrire, consultez les <b>questions fréquentes</b> : la réponse s’y "
               "trouve peut-être. Choisissez le thème de votre question pour qu’elle parvienne "
               "directement au service compétent.</p>"),
        privacy_notice=(
            "<p>La DRAC Bretagne traite les informations saisies dans ce formulaire pour "
            "répondre à votre question, dans le cadre de sa mission de service public "
            "(article 6-1-e du RGPD). Seuls les agents du service concerné les lisent.</p>"
            "<p>Vous pouvez accéder à vos données, les rectifier, les effacer ou vous opposer "
            "à leur traitement en nous écrivant. Si vous estimez que vos droits ne sont pas "
            "respectés, vous pouvez adresser une réclamation à la CNIL.</p>"),
        thank_you=(
            "<p>Merci. Le service concerné vous répondra par courrier électronique, en "
            "général sous quinze jours. Un accusé de réception rappelant votre numéro de "
            "référence vient de vous être envoyé.</p>"),
    )
    translate(page, "en", title="Contact us", slug="contact-us",
              summary="Ask the directorate’s services a question.",
              intro="<p>Choose the topic of your question so that it reaches the right "
                    "service directly.</p>",
              privacy_notice=(
                  "<p>The directorate uses the information you give only to answer your "
                  "question, as part of its public service mission. You may access, correct "
                  "or delete your data by writing to us, or complain to the CNIL.</p>"),
              thank_you=("<p>Thank you. The service concerned will answer you by e-mail. "
                         "Keep your reference number.</p>"))
    return page


def load_questions(page, topics):
    """A few questions at each stage, as officers find them in the admin."""
    site = Site.objects.get(is_default_site=True)
    now = timezone.now()
    samples = [
        ("Q-2026-418207", topics[0], "public", "Jean-Yves Le Floch", "jy.lefloch@example.org", "",
         "Ravalement d’une maison près de la cathédrale",
         "Bonjour,\nma maison se trouve à 200 mètres de la cathédrale de Quimper. Dois-je "
         "demander l’accord de l’architecte des Bâtiments de France pour refaire la façade ?",
         "new", "", 2),
        ("Q-2026-093551", topics[1], "partner", "Sophie Tanguy", "s.tanguy@example.org",
         "Communauté de communes du Pays de Landerneau",
         "Calendrier du diagnostic de la ZAC de Saint-Éloi",
         "Nous souhaitons connaître la date prévue du diagnostic archéologique afin de caler "
         "le planning des travaux de viabilisation.",
         "in_progress", "", 6),
        ("Q-2026-760314", topics[3], "partner", "Marc Le Gall", "m.legall@example.org",
         "Ouest Journal", "Visuels de l’exposition « Trésors d’enluminures »",
         "Pourriez-vous nous transmettre deux visuels libres de droits pour notre édition du "
         "week-end ?",
         "answered", "Visuels envoyés par le service presse le lendemain, avec les crédits.", 20),
    ]
    for (reference, topic, visitor_type, name, email, organisation, subject, message, status,
         reply_note, days_ago) in samples:
        if Question.objects.filter(reference=reference).exists():
            continue
        question = Question(
            reference=reference, page=page, topic=topic, visitor_type=visitor_type, name=name,
            email=email, organisation=organisation, subject=subject, message=message,
            status=status, reply_note=reply_note, locale=page.locale, site=site,
            created_at=now - timedelta(days=days_ago),
            answered_at=now - timedelta(days=days_ago - 1) if status == "answered" else None,
        )
        question.save()
        queue_question_emails(question)
        as_tried_once(question.emails.all(), question.created_at + timedelta(seconds=5))


# The page types the automated accessibility check of the browser tests visits
# (tests/browser/test_accessibility.py keeps this list and its own in step).
AUDITED_PUBLIC_PAGES = [
    "page d’accueil", "page de contenu", "liste des actualités", "article d’actualité",
    "dossier multimédia (galerie d’images, vidéo, son)", "liste des publications",
    "publication", "page de contact et formulaire renvoyé avec des erreurs",
    "questions fréquentes", "événement national et sa carte des régions",
    "programme régional", "événement local", "formulaire de proposition d’événement",
    "événement de la direction", "charte d’usage des logos", "logos à télécharger",
    "espace partenaire", "salle de presse", "communiqué de presse", "dossier de presse",
    "résultats de recherche", "déclaration d’accessibilité", "mentions légales",
    "page introuvable (erreur 404)",
]
AUDITED_INTRANET_PAGES = [
    "page d’accueil", "espace d’une direction", "actualités", "annuaire (recherche)",
    "fiche d’un agent", "fiche d’un service", "organigramme", "bibliothèque documentaire",
    "résultats de recherche",
]


def french_date(day) -> str:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def statement_body(contact, audit_day):
    """The accessibility statement, on the RGAA's model, with the result of the automated
    check (no violation of the WCAG 2.1 A and AA rules axe-core tests, on every page type)."""
    audited = "".join(f"<li>{name}</li>" for name in AUDITED_PUBLIC_PAGES)
    intranet = "".join(f"<li>{name}</li>" for name in AUDITED_INTRANET_PAGES)
    return [
        paragraph("<p>La direction régionale des affaires culturelles de Bretagne "
                  "s’engage à rendre ses sites internet, intranet et extranet accessibles "
                  "conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. "
                  "Elle met en œuvre pour cela un schéma pluriannuel de mise en "
                  f"accessibilité {audit_day.year}-{audit_day.year + 2} et un plan "
                  "d’actions annuel.</p>"
                  "<p>Cette déclaration d’accessibilité s’applique au site public et à "
                  "l’intranet de la DRAC Bretagne.</p>"),
        heading("État de conformité"),
        paragraph("<p>Le site public de la DRAC Bretagne est <b>partiellement conforme</b> "
                  "avec le référentiel général d’amélioration de l’accessibilité (RGAA), "
                  "version 4.1.2, en raison des non-conformités et des critères non encore "
                  "vérifiés énumérés ci-dessous.</p>"),
        heading("Résultats des tests", "h3"),
        paragraph(f"<p>L’audit automatisé réalisé le {french_date(audit_day)} avec l’outil "
                  "axe-core (règles des WCAG 2.1, niveaux A et AA), sur un écran "
                  "d’ordinateur et, pour l’accueil, la navigation et les formulaires, sur un "
                  "écran de téléphone, n’a relevé <b>aucune non-conformité</b> sur les "
                  f"{len(AUDITED_PUBLIC_PAGES) + len(AUDITED_INTRANET_PAGES)} types de pages "
                  "audités. Un outil automatique ne vérifie qu’une partie des critères du "
                  "RGAA : les autres (pertinence des alternatives textuelles, des titres et "
                  "des intitulés de liens, restitution par les lecteurs d’écran…) seront "
                  "évalués par un audit manuel, dont le taux de conformité sera publié ici."
                  "</p>"),
        heading("Pages auditées", "h3"),
        paragraph(f"<p>Site public :</p><ul>{audited}</ul>"
                  f"<p>Intranet (agent connecté) :</p><ul>{intranet}</ul>"),
        heading("Contenus non accessibles"),
        heading("Non-conformités", "h3"),
        paragraph("<ul><li>Les documents PDF de démonstration ne sont pas balisés "
                  "(critère 13.3) ;</li>"
                  "<li>les critères que l’outil automatique ne couvre pas n’ont pas encore "
                  "été vérifiés.</li></ul>"),
        heading("Dérogations pour charge disproportionnée", "h3"),
        paragraph("<p>Aucune.</p>"),
        heading("Contenus non soumis à l’obligation d’accessibilité", "h3"),
        paragraph("<ul><li>Documents bureautiques publiés avant le 23 septembre 2018 ;</li>"
                  "<li>contenus de tiers qui ne sont ni financés, ni développés par "
                  "l’administration (vidéos hébergées par un service extérieur).</li></ul>"),
        heading("Établissement de cette déclaration"),
        paragraph(f"<p>Cette déclaration a été établie le {french_date(audit_day)}.</p>"),
        heading("Technologies utilisées", "h3"),
        paragraph("<ul><li>HTML5</li><li>CSS</li><li>JavaScript</li>"
                  "<li>Système de design de l’État (DSFR)</li></ul>"),
        heading("Environnement de test", "h3"),
        paragraph("<ul><li>Chromium, en mode sans interface, à 1280 et 390 pixels de "
                  "large ;</li><li>axe-core, par la bibliothèque axe-playwright-python."
                  "</li></ul>"),
        heading("Retour d’information et contact"),
        paragraph(f"<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, "
                  f"vous pouvez nous contacter pour être orienté vers une alternative "
                  f"accessible ou obtenir le contenu sous une autre forme : "
                  f"{page_link(contact, 'formulaire de contact')} (thème « Autre ») ou "
                  f"courrier à la DRAC Bretagne, Hôtel de Blossac, 6 rue du Chapitre, "
                  f"35044 Rennes Cedex.</p>"),
        heading("Voies de recours"),
        paragraph("<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé "
                  "au responsable du site un défaut d’accessibilité qui vous empêche "
                  "d’accéder à un contenu ou à un des services et vous n’avez pas obtenu de "
                  "réponse satisfaisante. Vous pouvez alors :</p>"
                  "<ul><li>écrire un message au Défenseur des droits, par son formulaire en "
                  "ligne ;</li>"
                  "<li>contacter le délégué du Défenseur des droits dans votre région ;</li>"
                  "<li>appeler le 09 69 39 00 00 ;</li>"
                  "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
                  "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"),
    ]


def load_legal_pages(home, contact):
    audit_day = timezone.localdate() - timedelta(days=2)
    accessibility = add_child(
        home, StandardPage, "declaration-accessibilite", title="Déclaration d’accessibilité",
        summary="État de conformité du site au référentiel général d’amélioration de "
                "l’accessibilité (RGAA).",
        body=statement_body(contact, audit_day),
    )
    translate(accessibility, "en", title="Accessibility statement",
              slug="accessibility-statement",
              summary="How far this website complies with the French accessibility "
                      "standard (RGAA).",
              body=[
                  heading("Compliance status"),
                  paragraph("<p>This website is <b>partially compliant</b> with RGAA "
                            "version 4.1.2. An automated audit on "
                            f"{audit_day:%d %B %Y} (axe-core, WCAG 2.1 A and AA rules) "
                            "found no violation on the "
                            f"{len(AUDITED_PUBLIC_PAGES) + len(AUDITED_INTRANET_PAGES)} "
                            "page types listed in the French statement; the criteria an "
                            "automated tool cannot check await a manual audit.</p>"),
                  heading("Feedback and contact"),
                  paragraph(f"<p>If you cannot access some content, "
                            f"{page_link(contact, 'contact us')} and we will provide it in "
                            f"another form.</p>"),
                  heading("Remedies"),
                  paragraph("<p>If you reported an accessibility problem and got no "
                            "satisfactory answer, you may write to the Défenseur des droits "
                            "(phone 09 69 39 00 00; Défenseur des droits, Libre réponse "
                            "71120, 75342 Paris CEDEX 07).</p>"),
              ])
    legal_notice = add_child(
        home, StandardPage, "mentions-legales", title="Mentions légales",
        body=[
            heading("Éditeur"),
            paragraph("<p>Direction régionale des affaires culturelles de Bretagne<br>"
                      "Hôtel de Blossac, 6 rue du Chapitre, 35044 Rennes Cedex<br>"
                      "Téléphone : 02 99 29 67 67</p>"),
            heading("Directeur de la publication"),
            paragraph("<p>Le directeur régional des affaires culturelles de Bretagne.</p>"),
            heading("Hébergement"),
            paragraph("<p>Ministère de la Culture, service du numérique, 182 rue "
                      "Saint-Honoré, 75001 Paris.</p>"),
            heading("Réutilisation des contenus"),
            paragraph("<p>Sauf mention contraire, les textes de ce site sont publiés sous "
                      "licence ouverte Etalab 2.0 : vous pouvez les réutiliser en citant la "
                      "source. Les photographies restent la propriété de leurs auteurs, "
                      "crédités sous chaque image.</p>"),
            heading("Liens vers ce site"),
            paragraph("<p>Tout site public ou privé peut créer un lien vers les pages de ce "
                      "site sans autorisation préalable. Les pages ne doivent pas être "
                      "affichées à l’intérieur des pages d’un autre site.</p>"),
        ],
    )
    personal_data = add_child(
        home, StandardPage, "donnees-personnelles", title="Données personnelles",
        body=[
            heading("Responsable du traitement"),
            paragraph("<p>La direction régionale des affaires culturelles de Bretagne, "
                      "représentée par son directeur.</p>"),
            heading("Données traitées et finalités"),
            paragraph(f"<ul><li>Questions envoyées par le "
                      f"{page_link(contact, 'formulaire de contact')} : nom, adresse "
                      f"électronique, organisation, message, pour vous répondre ;</li>"
                      f"<li>comptes des partenaires : nom et adresse électronique, pour "
                      f"l’accès aux services qui leur sont réservés.</li></ul>"),
            heading("Base légale"),
            paragraph("<p>Ces traitements relèvent de l’exécution d’une mission d’intérêt "
                      "public (article 6-1-e du règlement général sur la protection des "
                      "données).</p>"),
            heading("Destinataires et durée de conservation"),
            paragraph("<p>Seuls les agents du service concerné lisent vos questions. Elles "
                      "sont conservées douze mois puis supprimées automatiquement.</p>"),
            heading("Vos droits"),
            paragraph("<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, "
                      "limiter leur traitement ou vous y opposer en écrivant au délégué à la "
                      "protection des données du ministère de la Culture. Si vous estimez que "
                      "vos droits ne sont pas respectés, vous pouvez adresser une réclamation "
                      "à la CNIL.</p>"),
            heading("Cookies"),
            paragraph("<p>Ce site ne dépose aucun cookie de mesure d’audience ni de "
                      "publicité : seuls les cookies nécessaires à la session et à la "
                      "sécurité des formulaires sont utilisés. Aucun consentement n’est donc "
                      "demandé.</p>"),
        ],
    )
    return accessibility, legal_notice, personal_data


def set_footer_links(site, accessibility, legal_notice, personal_data):
    links = FooterLinks.for_site(site)
    if links.accessibility_page_id is None:
        links.accessibility_page = accessibility
        links.accessibility_conformity = FooterLinks.Conformity.PARTIAL
        links.legal_notice_page = legal_notice
        links.personal_data_page = personal_data
        links.save()


def load(public_home, intranet_home, stdout):
    topics = load_topics()
    contact = load_contact_page(public_home)
    load_questions(contact, topics)
    legal_pages = load_legal_pages(public_home, contact)
    set_footer_links(Site.objects.get(root_page=public_home), *legal_pages)
    stdout.write("Contact form and legal pages ready.")
