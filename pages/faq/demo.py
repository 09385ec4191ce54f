"""Demo: FAQ pages on both sites; the public one leads to the contact form, whose
introduction links back to it."""

from wagtail.rich_text import RichText

from pages.base.demo import add_child, page_link, translate
from pages.models import ContactPage, FAQPage


def rich(html):
    return RichText(html)


def faq_section(title, *pairs):
    return ("section", {"heading": title, "items": [
        {"title": question, "body": rich(answer)} for question, answer in pairs
    ]})


def load_public_faq(home, contact):
    faq = add_child(
        home, FAQPage, "questions-frequentes", title="Questions fréquentes",
        summary="Les réponses aux questions que l’on nous pose le plus souvent.",
        contact_page=contact,
        sections=[
            faq_section(
                "Monuments historiques et abords",
                ("Ma maison est près d’un monument historique : quelles démarches pour des "
                 "travaux ?",
                 "<p>Dans le périmètre des abords (500 mètres ou périmètre délimité), les "
                 "travaux qui modifient l’aspect extérieur sont soumis à l’accord de "
                 "l’<b>architecte des Bâtiments de France</b>. Déposez votre demande "
                 "d’autorisation d’urbanisme à la mairie, qui la lui transmet.</p>"),
                ("Comment faire protéger un édifice au titre des monuments historiques ?",
                 "<p>Le propriétaire, la commune ou une association peut demander la "
                 "protection. Le dossier est instruit par la conservation régionale des "
                 "monuments historiques puis présenté à la commission régionale du "
                 "patrimoine et de l’architecture.</p>"),
                ("Les travaux sur un monument classé sont-ils aidés ?",
                 "<p>Oui : l’État peut participer aux travaux d’entretien et de restauration. "
                 "Le taux dépend de la nature des travaux et de la situation du "
                 "propriétaire.</p>"),
            ),
            faq_section(
                "Archéologie",
                ("J’ai trouvé un objet ancien dans mon jardin : que faire ?",
                 "<p>Toute découverte fortuite doit être déclarée sans délai au maire de la "
                 "commune, qui prévient le service régional de l’archéologie (Code du "
                 "patrimoine, article L. 531-14). Ne déplacez pas l’objet si possible.</p>"),
                ("Qui paie le diagnostic archéologique ?",
                 "<p>Le diagnostic est financé par la redevance d’archéologie préventive ; "
                 "les fouilles éventuelles sont à la charge de l’aménageur.</p>"),
            ),
            faq_section(
                "Aides et subventions",
                ("Comment demander une subvention ?",
                 "<p>La plupart des demandes se font en ligne, sur la plateforme des aides "
                 "du ministère de la Culture, avant la date limite de chaque appel.</p>"),
                ("Quand saurai-je si mon aide est accordée ?",
                 "<p>Comptez en général deux à quatre mois après la date limite de dépôt. "
                 "Une notification vous est adressée par courrier électronique.</p>"),
            ),
        ],
    )
    translate(faq, "en", title="Frequently asked questions", slug="faq",
              summary="Answers to the questions we are asked most often.",
              sections=[
                  faq_section(
                      "Historic monuments",
                      ("My house is near a historic monument: what do I need for works?",
                       "<p>Within the surroundings of a monument, works that change the "
                       "outside of a building need the approval of the architecte des "
                       "Bâtiments de France. Apply to the town hall, which forwards your "
                       "application.</p>"),
                  ),
                  faq_section(
                      "Archaeology",
                      ("I found an old object in my garden: what should I do?",
                       "<p>Report any chance find to the mayor without delay; the regional "
                       "archaeology service will be told.</p>"),
                  ),
              ])
    return faq


def link_to_faq(contact, faq):
    if "<b>questions fréquentes</b>" in contact.intro:
        contact.intro = contact.intro.replace("<b>questions fréquentes</b>",
                                              page_link(faq, "questions fréquentes"))
        contact.save_revision().publish()


def load_intranet_faq(home):
    add_child(
        home, FAQPage, "questions-des-agents", title="Questions fréquentes des agents",
        summary="Télétravail, outils, intranet : les réponses aux questions courantes.",
        sections=[
            faq_section(
                "Télétravail",
                ("Combien de jours de télétravail puis-je demander ?",
                 "<p>Jusqu’à trois jours par semaine, selon l’accord de votre chef de service "
                 "et les nécessités du service.</p>"),
                ("Comment renouveler mon autorisation ?",
                 "<p>La demande se renouvelle chaque année avant le 31 août, dans l’outil de "
                 "gestion des ressources humaines.</p>"),
            ),
            faq_section(
                "Intranet",
                ("Pourquoi ne vois-je pas l’espace d’une autre direction ?",
                 "<p>Chaque espace de direction n’est visible que de ses agents. Les pages "
                 "du réseau sont visibles de tous.</p>"),
                ("Qui publie sur l’intranet ?",
                 "<p>Les chargés de communication, après relecture par le chef du service "
                 "communication.</p>"),
            ),
        ],
    )


def load(public_home, intranet_home, stdout):
    contact = ContactPage.objects.child_of(public_home).first()
    faq = load_public_faq(public_home, contact)
    if contact is not None:
        link_to_faq(contact, faq)
    load_intranet_faq(intranet_home)
    stdout.write("FAQ pages ready.")
