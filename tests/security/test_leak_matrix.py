"""The leak matrix (issue 7): every surface of both sites, asked by every role, on both hosts.

Each line of SURFACES is one surface: where it is (host and path), the secret it holds and
what each role gets. An answer is one of:

- ``SHOWN``: 200 with the secret in the body;
- ``HIDDEN``: 200 without it (a list or feed that leaves the item out);
- ``LOGIN``: a redirect to the login page (and back);
- ``REFUSED``: the admin's refusal of a page the user may not edit (Wagtail sends them back to
  the dashboard with a message) or a 403;
- a number: that status, without the secret.

The roles: anonymous, a partner, an event organiser, an agent of DRAC Normandie
(``other_agent``), an agent of DRAC Bretagne, an editor of DRAC Normandie (``other_editor``),
an editor of DRAC Bretagne and an administrator. The secrets belong to DRAC Bretagne (its
space, its files, its draft, its staff in the directory, its library documents), to the
network's intranet, to the approved partner (partners' logos, proofs, kits) or to the press
officers (a release under embargo, journalists' data).

``PROXY`` stands for the reverse proxy, which serves MEDIA_ROOT at /media/ on both hosts
without asking Relais (README, "Deploying"): whatever the role, it may only ever find public
files there. The development server's /media/ (DEBUG) is the same view on the same folder.

The data is built once for the module (the tests run inside its transaction, each in its own
savepoint); a new surface or a new role is one line.
"""

import io
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.http import Http404
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.static import serve as proxy_serve
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from branding import demo as branding_demo
from branding.models import KitItem, Proof
from branding.models.assets import VariantKind
from events.models import EventStatus, Region
from events.seeding import JEP_SLUG, ensure_national_event, ensure_regional_pages
from pages.base.sites import ensure_sites
from pages.library.models import LibraryIndexPage
from pages.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage
from portal import roles
from portal.models import Directorate, IntranetSettings
from search import indexing
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.branding import approve, pdf_bytes, png_bytes
from tests.helpers.directory import make_person, make_service
from tests.helpers.events import make_event
from tests.helpers.library import make_reference
from tests.helpers.pages import add_page
from tests.helpers.press import add_release, in_the_future, make_journalist, make_room
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.django_db

PUBLIC, INTRANET, PROXY = PUBLIC_HOST, INTRANET_HOST, "proxy"
SHOWN, HIDDEN, LOGIN, REFUSED = "shown", "hidden", "login", "refused"

ROLES = ("anonymous", "partner", "organiser", "other_agent", "agent", "other_editor", "editor",
         "admin")
STAFF = ("other_agent", "agent", "other_editor", "editor", "admin")
EDITORS = ("other_editor", "editor", "admin")

EDITION_SLUG = f"{JEP_SLUG}-2026"  # the edition the matrix builds


def everyone(answer):
    return dict.fromkeys(ROLES, answer)


def staff(answer, **others):
    """An intranet answer: the login page when signed out, a 403 without intranet access."""
    return {"anonymous": LOGIN, "partner": 403, "organiser": 403,
            **dict.fromkeys(STAFF, answer), **others}


def bretagne(answer, other=403, **others):
    """For DRAC Bretagne's staff; ``other`` for DRAC Normandie's agent and editor."""
    return staff(answer, **{"other_agent": other, "other_editor": other, **others})


def managers(answer, others, **more):
    """Editors and the administrator (who manage files and pages) get ``answer``."""
    return {**dict.fromkeys(ROLES, others), **dict.fromkeys(EDITORS, answer), **more}


def admin_only(answer, other_editor=None):
    """The admin: the login page when signed out, the DSFR 403 without admin access."""
    return {"anonymous": LOGIN, **dict.fromkeys(("partner", "organiser", "other_agent",
                                                  "agent"), 403),
            "other_editor": other_editor or answer, "editor": answer, "admin": answer}


@dataclass(frozen=True)
class Surface:
    name: str
    host: str
    path: str  # str.format()-ed with the world's paths
    secret: str  # a key of the world's secrets
    answers: dict


# fmt: off
SURFACES = [
    # Pages of both sites
    Surface("public page", PUBLIC, "/patrimoine/", "public_page", everyone(SHOWN)),
    Surface("network page", INTRANET, "/vie-du-reseau/", "network_page", staff(SHOWN)),
    Surface("network page on the public host", PUBLIC, "/vie-du-reseau/", "network_page",
            everyone(404)),
    Surface("directorate page", INTRANET, "/espace-bretagne/", "bretagne_page",
            bretagne(SHOWN)),
    Surface("directorate page on the public host", PUBLIC, "/espace-bretagne/",
            "bretagne_page", everyone(404)),
    Surface("intranet home lists the space", INTRANET, "/", "bretagne_title",
            bretagne(SHOWN, other=HIDDEN)),
    # News lists and feeds
    Surface("public news", PUBLIC, "/actualites/", "public_news", everyone(SHOWN)),
    Surface("public RSS", PUBLIC, "/actualites/rss/", "public_news", everyone(SHOWN)),
    Surface("public Atom", PUBLIC, "/actualites/atom/", "public_news", everyone(SHOWN)),
    Surface("intranet news", INTRANET, "/infos-reseau/", "bretagne_news",
            bretagne(SHOWN, other=HIDDEN)),
    Surface("intranet RSS", INTRANET, "/infos-reseau/rss/", "bretagne_news",
            bretagne(SHOWN, other=HIDDEN)),
    Surface("intranet Atom", INTRANET, "/infos-reseau/atom/", "bretagne_news",
            bretagne(SHOWN, other=HIDDEN)),
    Surface("network news item in the RSS", INTRANET, "/infos-reseau/rss/", "network_news",
            staff(SHOWN)),
    # Sitemaps and robots
    Surface("sitemap lists public pages", PUBLIC, "/sitemap.xml", "public_slug",
            everyone(SHOWN)),
    Surface("sitemap leaves out the intranet", PUBLIC, "/sitemap.xml", "bretagne_slug",
            everyone(HIDDEN)),
    Surface("no intranet sitemap", INTRANET, "/sitemap.xml", "sitemap", staff(404)),
    Surface("public robots.txt", PUBLIC, "/robots.txt", "robots_sitemap", everyone(SHOWN)),
    Surface("intranet robots.txt", INTRANET, "/robots.txt", "robots_closed", everyone(SHOWN)),
    # Documents, by every URL form
    Surface("public document", PUBLIC, "/documents/{public_doc}", "public_doc",
            everyone(SHOWN)),
    Surface("public document on the intranet", INTRANET, "/documents/{public_doc}",
            "public_doc", staff(SHOWN)),
    Surface("publication download link", PUBLIC, "/publications/guide/telecharger/",
            "public_doc_url", everyone(302)),
    Surface("intranet document", INTRANET, "/documents/{network_doc}", "network_doc",
            staff(SHOWN)),
    Surface("intranet document on the public host", PUBLIC, "/documents/{network_doc}",
            "network_doc", managers(SHOWN, 404)),
    Surface("directorate document", INTRANET, "/documents/{bretagne_doc}", "bretagne_doc",
            bretagne(SHOWN, other_editor=SHOWN)),
    Surface("directorate document on the public host", PUBLIC, "/documents/{bretagne_doc}",
            "bretagne_doc", managers(SHOWN, 404)),
    Surface("document by a wrong name", INTRANET, "/documents/{bretagne_doc_id}/autre.pdf",
            "bretagne_doc", staff(404)),
    # Images: renditions and originals
    Surface("public rendition", PROXY, "{public_rendition}", "public_rendition",
            everyone(SHOWN)),
    Surface("intranet rendition", INTRANET, "{network_rendition}", "network_rendition",
            staff(SHOWN)),
    Surface("intranet rendition on the public host", PUBLIC, "{network_rendition}",
            "network_rendition", managers(SHOWN, 404)),
    Surface("directorate rendition", INTRANET, "{bretagne_rendition}", "bretagne_rendition",
            bretagne(SHOWN, other_editor=SHOWN)),
    Surface("directorate rendition on the public host", PUBLIC, "{bretagne_rendition}",
            "bretagne_rendition", managers(SHOWN, 404)),
    Surface("original of a public image", PUBLIC, "{public_original}", "public_original",
            managers(SHOWN, 404)),
    Surface("original of a directorate image", INTRANET, "{bretagne_original}",
            "bretagne_original", staff(404, other_editor=SHOWN, editor=SHOWN, admin=SHOWN)),
    # Media paths: what the proxy (or DEBUG's /media/) finds under MEDIA_ROOT
    Surface("document file under /media/", PROXY, "/media/{bretagne_doc_file}",
            "bretagne_doc", everyone(404)),
    Surface("intranet document file under /media/", PROXY, "/media/{network_doc_file}",
            "network_doc", everyone(404)),
    Surface("directorate rendition under /media/", PROXY, "/media/{bretagne_rendition_file}",
            "bretagne_rendition", everyone(404)),
    Surface("original under /media/", PROXY, "/media/{bretagne_original_file}",
            "bretagne_original", everyone(404)),
    Surface("public original under /media/", PROXY, "/media/{public_original_file}",
            "public_original", everyone(404)),
    # Events: programme, details, calendars, exports, statistics, organisers' pages
    Surface("national programme", PUBLIC, f"/{EDITION_SLUG}/", "event", everyone(SHOWN)),
    Surface("programme leaves out submissions", PUBLIC, f"/{EDITION_SLUG}/bretagne/",
            "pending_event", everyone(HIDDEN)),
    Surface("event detail", PUBLIC, "/evenements/{event_id}/", "event", everyone(SHOWN)),
    Surface("submitted event's detail", PUBLIC, "/evenements/{pending_id}/", "pending_event",
            {**everyone(404), "organiser": SHOWN}),
    Surface("event calendar", PUBLIC, "/evenements/{event_id}/calendrier.ics", "event",
            everyone(SHOWN)),
    Surface("submitted event's calendar", PUBLIC, "/evenements/{pending_id}/calendrier.ics",
            "pending_event", everyone(404)),
    Surface("calendar feed", PUBLIC, "/evenements/flux.ics", "event", everyone(SHOWN)),
    Surface("CSV export", PUBLIC, "/evenements/export.csv", "event", everyone(SHOWN)),
    Surface("JSON export", PUBLIC, "/evenements/export.json", "event", everyone(SHOWN)),
    Surface("feed leaves out submissions", PUBLIC, "/evenements/flux.ics", "pending_event",
            everyone(HIDDEN)),
    Surface("CSV leaves out submissions", PUBLIC, "/evenements/export.csv", "pending_event",
            everyone(HIDDEN)),
    Surface("JSON leaves out submissions", PUBLIC, "/evenements/export.json", "pending_event",
            everyone(HIDDEN)),
    Surface("export on the intranet host", INTRANET, "/evenements/export.csv", "event",
            staff(SHOWN)),
    Surface("statistics", INTRANET, "/evenements/statistiques/", "statistics", staff(SHOWN)),
    Surface("statistics on the public host", PUBLIC, "/evenements/statistiques/",
            "statistics", everyone(404)),
    Surface("organiser's events", PUBLIC, "/evenements/mes-evenements/", "pending_event",
            {**everyone(HIDDEN), "anonymous": LOGIN, "organiser": SHOWN}),
    Surface("organiser's form", PUBLIC, "/evenements/mes-evenements/{pending_id}/evenement/",
            "pending_event", {**everyone(404), "anonymous": LOGIN, "organiser": SHOWN}),
    # The admin's draft views
    Surface("draft of a directorate page", INTRANET, "/admin/pages/{bretagne_page_id}/view_draft/",
            "bretagne_draft", admin_only(SHOWN, other_editor=REFUSED)),
    Surface("draft of a directorate page, public host", PUBLIC,
            "/admin/pages/{bretagne_page_id}/view_draft/", "bretagne_draft",
            admin_only(SHOWN, other_editor=REFUSED)),
    Surface("revision of a directorate page", INTRANET, "/admin/pages/{bretagne_revision}/view/",
            "bretagne_draft", admin_only(SHOWN, other_editor=REFUSED)),
    Surface("comparison of a directorate page", INTRANET,
            "/admin/pages/{bretagne_page_id}/revisions/compare/live...latest/",
            "bretagne_draft", admin_only(SHOWN, other_editor=REFUSED)),
    Surface("moderation preview of a directorate page", INTRANET,
            "/admin/pages/workflow/preview/{bretagne_page_id}/{bretagne_task}/", "bretagne_draft",
            admin_only(SHOWN, other_editor=REFUSED) | {"editor": REFUSED}),
    Surface("draft of a public page", PUBLIC, "/admin/pages/{public_page_id}/view_draft/",
            "public_draft", admin_only(SHOWN)),
    Surface("draft of a network page", INTRANET, "/admin/pages/{network_page_id}/view_draft/",
            "network_draft", admin_only(SHOWN)),
    # The logo portal (public site)
    Surface("logo guidelines", PUBLIC, "/logos/", "public_logo_preview", everyone(SHOWN)),
    Surface("guidelines keep partners' logos to partners", PUBLIC, "/logos/",
            "partner_logo_preview", managers(SHOWN, HIDDEN, partner=SHOWN)),
    Surface("logo files", PUBLIC, "/logos/fichiers/", "partner_logo_download",
            managers(SHOWN, HIDDEN, partner=SHOWN)),
    Surface("logo files on the intranet", INTRANET, "/logos/fichiers/", "partner_logo_download",
            staff(404)),
    Surface("partners' logo file", PUBLIC, "/logos/fichiers/{partner_variant}/telecharger/",
            "partner_variant", managers(SHOWN, 403, anonymous=LOGIN, partner=SHOWN)),
    Surface("partners' logo preview", PUBLIC, "/logos/apercu/bloc-marque-culture.png",
            "partner_variant", managers(SHOWN, 404, partner=SHOWN)),
    Surface("partners' logo file under /media/", PROXY, "/media/{partner_variant_file}",
            "partner_variant", everyone(404)),
    Surface("partner space", PUBLIC, "/logos/espace-partenaire/", "partner_organisation",
            {**everyone(HIDDEN), "anonymous": LOGIN, "partner": SHOWN}),
    Surface("partner's proof", PUBLIC, "/logos/epreuves/{proof_id}/", "proof_title",
            {**everyone(404), "anonymous": LOGIN, "partner": SHOWN}),
    Surface("partner's proof file", PUBLIC, "/logos/epreuves/{proof_id}/fichier/", "proof_file",
            managers(SHOWN, 404, anonymous=LOGIN, partner=SHOWN)),
    Surface("proof file under /media/", PROXY, "/media/{proof_file}", "proof_file",
            everyone(404)),
    Surface("event kit", PUBLIC, "/logos/kits/{edition_id}/", "kit_title",
            managers(SHOWN, 403, anonymous=LOGIN, partner=SHOWN, organiser=SHOWN)),
    Surface("event kit file", PUBLIC, "/logos/kits/fichier/{kit_id}/", "kit_file",
            managers(SHOWN, 403, anonymous=LOGIN, partner=SHOWN, organiser=SHOWN)),
    Surface("kit file under /media/", PROXY, "/media/{kit_file}", "kit_file", everyone(404)),
    # The pressroom: an embargoed release is nowhere before its time
    Surface("pressroom", PUBLIC, "/presse/", "release", everyone(SHOWN)),
    Surface("pressroom leaves out the embargo", PUBLIC, "/presse/", "embargoed",
            everyone(HIDDEN)),
    Surface("press RSS leaves out the embargo", PUBLIC, "/presse/rss/", "embargoed",
            everyone(HIDDEN)),
    Surface("sitemap leaves out the embargo", PUBLIC, "/sitemap.xml", "embargoed_slug",
            everyone(HIDDEN)),
    Surface("embargoed release", PUBLIC, "/presse/{embargoed_slug}/", "embargoed",
            everyone(404)),
    Surface("press contacts", PUBLIC, "/admin/snippets/press/journalist/", "journalist",
            admin_only(REFUSED) | {"admin": SHOWN}),
    Surface("press contact's data", INTRANET, "/admin/press/journalists/{journalist_id}/data.json",
            "journalist", admin_only(REFUSED) | {"admin": SHOWN}),
    Surface("press import", PUBLIC, "/admin/press/import/", "press_import",
            admin_only(REFUSED) | {"admin": SHOWN}),
    # The staff directory (intranet only)
    Surface("directory", INTRANET, "/annuaire/", "person", staff(SHOWN)),
    Surface("directory on the public host", PUBLIC, "/annuaire/", "person", everyone(404)),
    Surface("person page", INTRANET, "/annuaire/personnes/{person_id}/", "person",
            staff(SHOWN)),
    Surface("person page on the public host", PUBLIC, "/annuaire/personnes/{person_id}/",
            "person", everyone(404)),
    Surface("person's photo", INTRANET, "/annuaire/personnes/{person_id}/photo/", "photo",
            staff(SHOWN)),
    Surface("person's photo on the public host", PUBLIC,
            "/annuaire/personnes/{person_id}/photo/", "photo", everyone(404)),
    Surface("photo under /media/", PROXY, "/media/{photo_file}", "photo", everyone(404)),
    Surface("person's vCard", INTRANET, "/annuaire/personnes/{person_id}/contact.vcf",
            "person_email", staff(SHOWN)),
    Surface("person's vCard on the public host", PUBLIC,
            "/annuaire/personnes/{person_id}/contact.vcf", "person_email", everyone(404)),
    Surface("person's hidden mobile", INTRANET, "/annuaire/personnes/{person_id}/", "mobile",
            staff(HIDDEN, other_editor=SHOWN, editor=SHOWN, admin=SHOWN)),
    Surface("vCard's hidden mobile", INTRANET, "/annuaire/personnes/{person_id}/contact.vcf",
            "mobile", staff(HIDDEN, other_editor=SHOWN, editor=SHOWN, admin=SHOWN)),
    Surface("organisation chart", INTRANET, "/annuaire/organigramme/{bretagne_slug}/",
            "service", staff(SHOWN)),
    Surface("organisation chart on the public host", PUBLIC,
            "/annuaire/organigramme/{bretagne_slug}/", "service", everyone(404)),
    # The portal search (its index rebuilt once the world is built); the words searched are
    # not the secret's, which would then be highlighted
    Surface("search finds a colleague", INTRANET, "/recherche/?q=archives+secretes", "person",
            staff(SHOWN)),
    Surface("search leaves the directory out of the public site", PUBLIC,
            "/recherche/?q=archives+secretes", "person", everyone(HIDDEN)),
    Surface("search finds a directorate's page", INTRANET, "/recherche/?q=espace",
            "bretagne_page", bretagne(SHOWN, other=HIDDEN)),
    Surface("search leaves the intranet out of the public site", PUBLIC,
            "/recherche/?q=espace", "bretagne_page", everyone(HIDDEN)),
    Surface("search suggests a directorate's page", INTRANET,
            "/recherche/suggestions/?q=espace+dra", "bretagne_title",
            bretagne(SHOWN, other=HIDDEN)),
    # The document library (intranet only, per directorate)
    Surface("library", INTRANET, "/bibliotheque/", "network_reference", staff(SHOWN)),
    Surface("library lists a directorate's document", INTRANET, "/bibliotheque/",
            "bretagne_reference", bretagne(SHOWN, other=HIDDEN, other_editor=SHOWN)),
    Surface("library on the public host", PUBLIC, "/bibliotheque/", "network_reference",
            everyone(404)),
    Surface("library document", INTRANET, "/bibliotheque/documents/{bretagne_reference}/",
            "bretagne_reference_file", bretagne(SHOWN, other_editor=SHOWN)),
    Surface("library document on the public host", PUBLIC,
            "/bibliotheque/documents/{bretagne_reference}/", "bretagne_reference_file",
            everyone(404)),
    Surface("library file by its document URL", INTRANET,
            "/documents/{bretagne_reference_doc}", "bretagne_reference_file",
            bretagne(SHOWN, other_editor=SHOWN)),
    Surface("library file under /media/", PROXY, "/media/{bretagne_reference_media}",
            "bretagne_reference_file", everyone(404)),
    # Error pages
    Surface("public 404", PUBLIC, "/nulle-part/", "network_page", everyone(404)),
    Surface("intranet 404", INTRANET, "/nulle-part/", "network_page", staff(404)),
]
# fmt: on


# --- The world, built once --------------------------------------------------------------------

SECRETS = {
    "public_page": "Les phares de la côte de granit rose",
    "network_page": "Séminaire annuel du réseau à Rennes",
    "bretagne_page": "Budget prévisionnel de la DRAC Bretagne",
    "bretagne_title": "Espace DRAC Bretagne",
    "bretagne_draft": "Projet de réorganisation, ne pas diffuser",
    "public_draft": "Brouillon de l’exposition sur les phares",
    "network_draft": "Brouillon du séminaire du réseau",
    "public_news": "Ouverture du musée des phares",
    "network_news": "Nouvelle messagerie du réseau",
    "bretagne_news": "Arrivée de la nouvelle directrice en Bretagne",
    "public_slug": "/patrimoine/",
    "sitemap": "<urlset",
    "bretagne_slug": "espace-bretagne",
    "robots_sitemap": "Sitemap: http://",
    "robots_closed": "Disallow: /\n",
    "event": "Visite du moulin de Pont-Aven",
    "pending_event": "Soirée secrète au phare",
    "statistics": "Bretagne",
    "public_logo_preview": "/logos/apercu/jep-2026.png",
    "partner_logo_preview": "/logos/apercu/bloc-marque-culture.png",
    "partner_organisation": "Festival des Vieilles Pierres",
    "proof_title": "Affiche du festival, épreuve 1",
    "kit_title": "Affiche A3 des Journées",
    "release": "Le programme des JEP",
    "embargoed": "Lauréats du prix, sous embargo",
    "embargoed_slug": "laureats-sous-embargo",
    "journalist": "yann.legoff@presse.example",
    "press_import": "type=\"file\" name=\"file\"",  # the upload field, in any language
    "person": "Gwenaëlle Le Bihan",
    "person_email": "gwenaelle.lebihan@drac-bretagne.example",
    "service": "Bureau des archives secrètes",
    "mobile": "06 98 76 54 32",
    "network_reference": "Note sur le télétravail",
    "bretagne_reference": "Procédure d’achat de Bretagne",
}


def jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def restrict(page, group):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([group])


def draft(page, title):
    page.title = title
    return page.save_revision()


def document(title, collection, name, content):
    item = get_document_model()(title=title, collection=collection)
    item.file.save(name, ContentFile(content), save=False)
    item.save()
    return item


def image(title, collection, name, colour):
    item = get_image_model()(title=title, description=title, collection=collection)
    item.file = ImageFile(io.BytesIO(jpeg(colour)), name=name)
    item.save()
    return item


def news(parent, slug, *articles):
    index = NewsIndexPage(title="Actualités", slug=slug)
    parent.add_child(instance=index)
    index.save_revision().publish()
    for title, slug_ in articles:
        article = NewsArticlePage(title=title, slug=slug_)
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


def build_world():
    public_site, intranet_site = ensure_sites()
    public_home, intranet_home = public_site.root_page.specific, intranet_site.root_page.specific
    bretagne = Directorate.objects.create(name="DRAC de Bretagne", short_name="DRAC Bretagne")
    normandie = Directorate.objects.create(name="DRAC de Normandie",
                                           short_name="DRAC Normandie")
    editors = Group.objects.get(name=roles.EDITORS)
    accounts = {
        "partner": create_user("partenaire@example.org", roles.PARTNERS),
        "organiser": create_user("organisatrice@example.org"),
        "other_agent": create_user("agent.normandie@example.org", normandie.staff_group),
        "agent": create_user("agent.bretagne@example.org", bretagne.staff_group),
        "other_editor": create_user("editeur.normandie@example.org", editors,
                                    normandie.staff_group),
        "editor": create_user("editrice.bretagne@example.org", editors, bretagne.staff_group),
        "admin": create_user("root@example.org", superuser=True),
    }
    for role in EDITORS:
        activate_totp(accounts[role])

    # Pages, each with a draft that only its editors may see
    patrimoine = add_page(public_home, "Patrimoine", "patrimoine", summary=SECRETS["public_page"])
    network = add_page(intranet_home, "Vie du réseau", "vie-du-reseau",
                       summary=SECRETS["network_page"], show_in_menus=True)
    space = add_page(intranet_home, SECRETS["bretagne_title"], "espace-bretagne",
                     summary=SECRETS["bretagne_page"], show_in_menus=True)
    restrict(space, bretagne.staff_group)
    draft(patrimoine, SECRETS["public_draft"])
    draft(network, SECRETS["network_draft"])
    space_draft = draft(space, SECRETS["bretagne_draft"])
    space.get_workflow().start(space, accounts["editor"])  # submitted to the moderators
    news(public_home, "actualites", (SECRETS["public_news"], "musee"))
    intranet_news = news(intranet_home, "infos-reseau", (SECRETS["network_news"], "messagerie"),
                         (SECRETS["bretagne_news"], "directrice"))
    restrict(intranet_news.get_children().get(slug="directrice"), bretagne.staff_group)

    # Files: public, network-wide, DRAC Bretagne's
    root = Collection.get_first_root_node()
    intranet = IntranetSettings.load().intranet_collection
    public_doc = document("Guide", root, "guide.pdf", b"%PDF-1.4 guide public")
    network_doc = document("Note", intranet, "note.pdf", b"%PDF-1.4 note du reseau")
    bretagne_doc = document("Comité", bretagne.collection, "comite.pdf",
                            b"%PDF-1.4 compte rendu du comite de Bretagne")
    public_image = image("Phare", root, "phare.jpg", (0, 0, 145))
    network_image = image("Séminaire", intranet, "seminaire.jpg", (200, 0, 0))
    bretagne_image = image("Chantier", bretagne.collection, "chantier.jpg", (0, 140, 0))
    renditions = {name: item.get_rendition("fill-32x32") for name, item in (
        ("public", public_image), ("network", network_image), ("bretagne", bretagne_image))}
    publications = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=publications)
    publications.save_revision().publish()
    guide = PublicationPage(title="Guide", slug="guide", publication_type="guide",
                            pdf=public_doc)
    publications.add_child(instance=guide)
    guide.save_revision().publish()

    # Events: one published, one awaiting moderation (the organiser's)
    edition = ensure_national_event(public_home, 2026)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    event = make_event(edition, accounts["organiser"], title=SECRETS["event"])
    pending = make_event(edition, accounts["organiser"], title=SECRETS["pending_event"],
                         status=EventStatus.SUBMITTED)

    # The logo portal: the demo's logos and guidelines, an approved partner, a proof, a kit
    logos = branding_demo.load_logos()
    branding_demo.load_guidelines(public_home, logos)
    approve(accounts["partner"], SECRETS["partner_organisation"])
    partner_variant = logos["bloc-marque-culture"].versions.get().variants.get(
        kind=VariantKind.WEB_MEDIUM)
    proof = Proof(partner=accounts["partner"], organisation=SECRETS["partner_organisation"],
                  title=SECRETS["proof_title"], kind="poster",
                  planned_date=timezone.localdate())
    proof.file.save("epreuve.pdf", ContentFile(pdf_bytes((300, 400))), save=False)
    proof.save()
    kit = KitItem(national_event=edition, kind="poster", title=SECRETS["kit_title"])
    kit.file.save("affiche.pdf", ContentFile(pdf_bytes((420, 594))), save=False)
    kit.save()

    # The pressroom: a release out, another under embargo until tomorrow
    room = make_room(public_home)
    add_release(room, SECRETS["release"], "programme")
    add_release(room, SECRETS["embargoed"], SECRETS["embargoed_slug"], embargo=in_the_future())
    journalist = make_journalist(email=SECRETS["journalist"])

    # The directory: a service and a person with a photo, in DRAC Bretagne
    service = make_service(bretagne, SECRETS["service"])
    first_name, last_name = SECRETS["person"].split(" ", 1)
    person = make_person(bretagne, first_name, last_name, service=service,
                         email=SECRETS["person_email"], mobile=SECRETS["mobile"],
                         hide_mobile=True)
    person.photo.save("portrait.png", ContentFile(png_bytes((80, 100), colour=(9, 99, 199))))

    # The library: a network-wide document and one of DRAC Bretagne
    library = LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
    intranet_home.add_child(instance=library)
    library.save_revision().publish()
    make_reference(SECRETS["network_reference"])
    reference = make_reference(SECRETS["bretagne_reference"], directorates=[bretagne])
    reference.document.refresh_from_db()

    # The portal search: the indexing tasks wait for a commit this world never makes.
    indexing.rebuild()

    def read(file):
        with file.open("rb") as handle:
            return handle.read()

    secrets = {
        **{key: value.encode() for key, value in SECRETS.items()},
        "public_doc": read(public_doc.file), "network_doc": read(network_doc.file),
        "bretagne_doc": read(bretagne_doc.file),
        "public_doc_url": public_doc.url.encode(),
        **{f"{name}_rendition": read(rendition.file) for name, rendition in renditions.items()},
        "public_original": read(public_image.file),
        "bretagne_original": read(bretagne_image.file),
        "partner_variant": read(partner_variant.file),
        "partner_logo_download": f"/logos/fichiers/{partner_variant.pk}/telecharger/".encode(),
        "proof_file": read(proof.file), "kit_file": read(kit.file),
        "photo": read(person.photo),
        "bretagne_reference_file": read(reference.document.file),
    }
    paths = {
        "public_doc": f"{public_doc.pk}/{public_doc.filename}",
        "network_doc": f"{network_doc.pk}/{network_doc.filename}",
        "bretagne_doc": f"{bretagne_doc.pk}/{bretagne_doc.filename}",
        "bretagne_doc_id": bretagne_doc.pk,
        "bretagne_doc_file": bretagne_doc.file.name,
        "network_doc_file": network_doc.file.name,
        **{f"{name}_rendition": rendition.url for name, rendition in renditions.items()},
        "bretagne_rendition_file": renditions["bretagne"].file.name,
        "public_original": f"{settings.PRIVATE_MEDIA_URL}{public_image.file.name}",
        "bretagne_original": f"{settings.PRIVATE_MEDIA_URL}{bretagne_image.file.name}",
        "public_original_file": public_image.file.name,
        "bretagne_original_file": bretagne_image.file.name,
        "event_id": event.pk, "pending_id": pending.pk,
        "public_page_id": patrimoine.pk, "network_page_id": network.pk,
        "bretagne_page_id": space.pk,
        "bretagne_revision": f"{space.pk}/revisions/{space_draft.pk}",
        "bretagne_task": space.current_workflow_task.pk,
        "partner_variant": partner_variant.pk, "partner_variant_file": partner_variant.file.name,
        "proof_id": proof.pk, "proof_file": proof.file.name,
        "edition_id": edition.pk, "kit_id": kit.pk, "kit_file": kit.file.name,
        "embargoed_slug": SECRETS["embargoed_slug"], "journalist_id": journalist.pk,
        "person_id": person.pk, "photo_file": person.photo.name, "bretagne_slug": bretagne.slug,
        "bretagne_reference": reference.pk,
        "bretagne_reference_doc": f"{reference.document.pk}/{reference.document.filename}",
        "bretagne_reference_media": reference.document.file.name,
    }
    return accounts, secrets, paths


@pytest.fixture(scope="module")
def media_roots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("leak-matrix")
    return folder / "media", folder / "media_private"


@pytest.fixture(autouse=True)
def _media_roots(settings, media_roots):
    # The module's files stay where the world put them (the conftest gives each test new
    # folders otherwise).
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = media_roots
    settings.SENDFILE_ROOT = str(settings.PRIVATE_MEDIA_ROOT)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_roots):
    """The data and a signed-in session per role, in a transaction rolled back at the end of
    the module."""
    with django_db_blocker.unblock(), django_settings(media_roots):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            accounts, secrets, paths = build_world()
            sessions = {}
            for role, user in accounts.items():
                client = Client()
                client.force_login(user)
                sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
            yield sessions, secrets, paths
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def django_settings(media_roots):
    from django.test import override_settings

    media, private = media_roots
    return override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private,
                             SENDFILE_ROOT=str(private))


# --- The matrix -------------------------------------------------------------------------------

def ask(world, surface, role):
    sessions, _secrets, paths = world
    path = surface.path.format(**paths)
    if surface.host == PROXY:
        request = RequestFactory().get(path)
        try:
            return proxy_serve(request, path.removeprefix(settings.MEDIA_URL),
                               document_root=settings.MEDIA_ROOT)
        except Http404:
            return type("NotFound", (), {"status_code": 404, "streaming": False,
                                         "content": b""})()
    client = Client(HTTP_HOST=surface.host)
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    return client.get(path)


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("surface", SURFACES, ids=lambda surface: surface.name)
def test_leak_matrix(world, surface, role):
    _sessions, secrets, _paths = world
    expected = surface.answers[role]
    secret = secrets[surface.secret]
    response = ask(world, surface, role)
    content = body(response)
    status = response.status_code
    if expected == SHOWN:
        assert status == 200 and secret in content, f"{status}: secret not shown"
        return
    assert secret not in content, f"{status}: the secret leaks"
    if expected == HIDDEN:
        assert status == 200
    elif expected == LOGIN:
        assert status == 302 and response["Location"].startswith("/accounts/login/?next=")
    elif expected == REFUSED:
        assert status == 403 or (status == 302 and response["Location"] == "/admin/"), status
    elif expected == 302:  # the publication's counting link: to the file's own URL
        assert status == 302 and response["Location"].encode() == secret
    else:
        assert status == expected


def test_every_role_is_answered_on_every_surface():
    for surface in SURFACES:
        assert set(surface.answers) == set(ROLES), surface.name


def test_every_surface_is_asked_on_both_hosts_or_the_proxy():
    hosts = {surface.host for surface in SURFACES}
    assert hosts == {PUBLIC, INTRANET, PROXY}
