"""Demo: the logo portal. Four logos with their files, the terms of use, the guidelines page
(French, with its English translation) written from the State's brand charter rules, the demo
partner approved with a proof awaiting review. Running it twice duplicates nothing."""

import datetime as dt
import io

import resvg_py
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from branding import workflow
from branding.models import (
    GuidelinesPage,
    KitItem,
    Logo,
    LogoVersion,
    PartnerAccess,
    Proof,
    ProofStep,
    TermsOfUse,
)
from branding.models.assets import Audience, LogoOwner
from branding.models.kits import KitItemKind
from branding.models.partners import AccessStatus
from branding.models.proofs import ProofKind, StepKind
from branding.variants import generate_variants
from events.models import NationalEventPage
from pages.base.demo import add_child, translate
from pages.base.sites import ensure_sites
from portal.models import User

PARTNER_EMAIL = "partenaire@relais.localhost"

FONT = "Marianne, DejaVu Sans, Liberation Sans, Arial, sans-serif"
# Drawings in the spirit of the State's bloc-marque (a blue-white-red Marianne block, the
# name, the motto); the real files come from the charter's kit.
BLOC_MARQUE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 240">
  <rect x="20" y="20" width="40" height="60" fill="#000091"/>
  <rect x="60" y="20" width="40" height="60" fill="#ffffff" stroke="#dddddd"/>
  <rect x="100" y="20" width="40" height="60" fill="#e1000f"/>
  <path d="M70 30 q20 10 18 40 q-15 -5 -18 -40z" fill="#000091" opacity="0.15"/>
  <text x="20" y="115" font-family="{font}"
        font-weight="bold"
        font-size="22" fill="#000000">{line1}</text>
  <text x="20" y="140" font-family="{font}"
        font-weight="bold"
        font-size="22" fill="#000000">{line2}</text>
  <text x="20" y="172" font-family="{font}"
        font-style="italic"
        font-size="14" fill="#000000">Liberté</text>
  <text x="20" y="190" font-family="{font}"
        font-style="italic"
        font-size="14" fill="#000000">Égalité</text>
  <text x="20" y="208" font-family="{font}"
        font-style="italic"
        font-size="14" fill="#000000">Fraternité</text>
</svg>"""

JEP = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300">
  <circle cx="150" cy="150" r="140" fill="#b34000"/>
  <path d="M70 190 L150 80 L230 190 Z" fill="#ffffff"/>
  <rect x="110" y="190" width="80" height="40" fill="#ffffff"/>
  <text x="150" y="270" text-anchor="middle" font-family="{font}"
        font-size="26"
        font-weight="bold" fill="#ffffff">JEP 2026</text>
</svg>"""

def bloc_marque(line1, line2):
    return BLOC_MARQUE.format(font=FONT, line1=line1, line2=line2)


LOGOS = [
    ("bloc-marque-culture", "Bloc-marque du ministère de la Culture", LogoOwner.MINISTRY,
     Audience.PARTNERS, bloc_marque("MINISTÈRE", "DE LA CULTURE"),
     "Le logo de l’État à placer en premier dans la zone des partenaires."),
    ("prefecture-bretagne", "Préfecture de la région Bretagne", LogoOwner.PREFECTURE,
     Audience.PARTNERS, bloc_marque("PRÉFET", "DE LA RÉGION BRETAGNE"),
     "Pour les projets cofinancés par la préfecture de région."),
    ("drac-bretagne", "Direction régionale des affaires culturelles de Bretagne",
     LogoOwner.DIRECTORATE, Audience.PARTNERS,
     bloc_marque("DIRECTION RÉGIONALE", "DES AFFAIRES CULTURELLES"),
     "Le bloc-marque de la DRAC : les projets qu’elle soutient l’affichent avec la "
     "mention de soutien."),
    ("jep-2026", "Journées européennes du patrimoine 2026", LogoOwner.NATIONAL_EVENT,
     Audience.PUBLIC, JEP.format(font=FONT),
     "Le logo de l’édition 2026, pour tous les organisateurs."),
]

TERMS = """Les logos de l’État et de la direction régionale sont réservés aux supports des \
projets qu’elle soutient, pour la durée du projet.

1. Les logos sont reproduits sans modification : ni déformation, ni recadrage, ni changement \
de couleur, ni transparence, ni ajout.
2. La zone de protection et les tailles minimales de la charte sont respectées.
3. Le bloc-marque de l’État figure en premier dans la zone des partenaires.
4. L’épreuve de chaque support imprimé est envoyée à la direction au moins dix jours avant \
l’impression.
5. Les fichiers ne sont pas transmis à des tiers, hors prestataires du projet."""


def bloc_marque(line1, line2):
    return bloc_marque(line1, line2=line2)


def load_logos():
    logos = {}
    for order, (slug, name, owner, audience, svg, description) in enumerate(LOGOS):
        logo, _created = Logo.objects.get_or_create(slug=slug, defaults={
            "name": name, "owner": owner, "audience": audience,
            "description": description, "order": order * 10})
        if not logo.versions.exists():
            version = LogoVersion(logo=logo, notes="Première version",
                                  published_at=timezone.now() - dt.timedelta(days=30))
            version.save()
            version.master_svg.save(f"{slug}.svg", ContentFile(svg.encode()), save=True)
            generate_variants(version)
        logos[slug] = logo
    return logos


def _drawn(svg: str, width=600) -> Image.Image:
    png = resvg_py.svg_to_bytes(svg_string=svg, width=width)
    return Image.open(io.BytesIO(bytes(png))).convert("RGBA")


def _stored_image(title, alt, picture: Image.Image):
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    output = io.BytesIO()
    picture.convert("RGB").save(output, format="PNG")
    image = model(title=title, description=alt)
    image.file = ImageFile(io.BytesIO(output.getvalue()), name=f"{title[:40]}.png")
    image.save()
    return image


def _canvas(background=(255, 255, 255), size=(700, 420)):
    return Image.new("RGBA", size, background)


def _place(canvas, logo, box):
    logo = logo.resize((box[2] - box[0], box[3] - box[1]), Image.Resampling.LANCZOS)
    canvas.alpha_composite(logo, (box[0], box[1]))
    return canvas


def demo_images(svg: str) -> dict:
    """Illustrations of the rules drawn from the bloc-marque: right and wrong uses."""
    logo = _drawn(svg)  # 600 × 360
    good = _place(_canvas(), logo, (150, 90, 550, 330))
    stretched = _place(_canvas(), logo, (60, 140, 640, 280))
    faded = logo.copy()
    faded.putalpha(faded.getchannel("A").point(lambda a: a * 0.35))
    transparent = _place(_canvas(), faded, (150, 90, 550, 330))
    cropped = _canvas()
    cropped.alpha_composite(logo.resize((400, 240)).crop((0, 0, 400, 120)), (150, 150))
    photo = _canvas((24, 117, 60))
    draw = ImageDraw.Draw(photo)
    for step in range(0, 700, 35):
        draw.ellipse((step - 60, (step * 7) % 420 - 60, step + 60, (step * 7) % 420 + 60),
                     fill=(149, 228, 151))
    on_photo = photo.copy()
    _place(on_photo, logo, (150, 90, 550, 330))
    cartouche = photo.copy()
    ImageDraw.Draw(cartouche).rectangle((130, 70, 570, 350), fill=(255, 255, 255))
    _place(cartouche, logo, (150, 90, 550, 330))
    clear_space = _canvas()
    ImageDraw.Draw(clear_space).rectangle((110, 50, 590, 370), outline=(225, 0, 15), width=3)
    _place(clear_space, logo, (150, 90, 550, 330))
    pictures = {
        "good": (good, "Le bloc-marque entier, proportions respectées, sur fond blanc"),
        "stretched": (stretched, "Le bloc-marque étiré en largeur"),
        "transparent": (transparent, "Le bloc-marque rendu transparent"),
        "cropped": (cropped, "Le bloc-marque coupé en deux"),
        "on_photo": (on_photo, "Le bloc-marque posé directement sur une photographie"),
        "cartouche": (cartouche, "Le bloc-marque dans un cartouche blanc sur une photographie"),
        "clear_space": (clear_space, "La zone de protection autour du bloc-marque"),
    }
    return {key: _stored_image(f"Charte logos — {alt}", alt, picture)
            for key, (picture, alt) in pictures.items()}


def guidelines_body(logos, images, english=False):
    marque, prefecture, drac, jep = (logos["bloc-marque-culture"], logos["prefecture-bretagne"],
                                     logos["drac-bretagne"], logos["jep-2026"])
    if english:
        text = {
            "intro": "<p>These rules come from the State’s brand charter. Follow them on every "
                     "medium of a project the directorate supports: posters, programmes, "
                     "invitations, websites and social networks.</p>",
            "clear": ("Clear space", "<p>Leave empty, around the bloc-marque, a margin at "
                      "least equal to the height of the Marianne block. No text, image or "
                      "edge of the page enters it.</p>", "the height of the Marianne block"),
            "size": ("Minimum sizes", "<p>Below these widths the motto can no longer be "
                     "read.</p>"),
            "colours": ("Colour versions", "<p>Use the files as provided: never redraw or "
                        "recolour them.</p>"),
            "versions": [("Four-colour", "The usual version, on white or in a white "
                          "cartouche."), ("Black", "Black-and-white printing only."),
                         ("Event logo", "For the organisers of the national event.")],
            "backgrounds": ("Backgrounds", [
                ("white", True, "On white or a very light plain background."),
                ("cartouche", True, "On a photograph or a colour, inside a white cartouche "
                                    "that respects the clear space."),
                ("dark", False, "Never directly on a photograph or a busy background.")]),
            "dodont": ("Forbidden uses", "<p>The bloc-marque is never cropped, distorted, "
                       "made transparent or repeated with several Mariannes.</p>", [
                           ("The whole bloc-marque, in proportion", "Stretched"),
                           ("On a plain white background", "Made transparent"),
                           ("The whole block, with its motto", "Cropped"),
                           ("In a white cartouche on a photograph", "Straight on a "
                                                                     "photograph")]),
            "zone": ("Partner zone", "<p>Logos are aligned in the partner zone, at the "
                     "bottom of the medium, in the protocol order.</p>", [
                         ("European Union", "When it co-funds the project."),
                         ("The State (bloc-marque of the ministry, then of the directorate)",
                          "Always first among national partners."),
                         ("Region", ""), ("Department", ""),
                         ("Intermunicipality (EPCI)", ""), ("Commune", ""),
                         ("Other partners and sponsors", "In the order of their support.")]),
            "credit": ("Credit line", "<p>Under the partner zone or in the credits, in full, "
                       "without abbreviation.</p>"),
            "contact": ("Contact", "Communication department"),
        }
    else:
        text = {
            "intro": "<p>Ces règles reprennent la charte de la marque de l’État. Appliquez-les "
                     "sur tous les supports d’un projet soutenu par la DRAC : affiches, "
                     "programmes, invitations, sites web et réseaux sociaux.</p>",
            "clear": ("Zone de protection", "<p>Laissez autour du bloc-marque une marge vide "
                      "au moins égale à la hauteur du bloc Marianne. Aucun texte, aucune image "
                      "ni le bord du support n’y entre.</p>", "la hauteur du bloc Marianne"),
            "size": ("Tailles minimales", "<p>En deçà de ces largeurs, la devise n’est plus "
                     "lisible.</p>"),
            "colours": ("Versions de couleur", "<p>Utilisez les fichiers fournis, sans les "
                        "redessiner ni changer leurs couleurs.</p>"),
            "versions": [("Quadrichromie", "La version courante, sur fond blanc ou dans un "
                          "cartouche blanc."), ("Noir", "Pour les impressions en noir et "
                                                        "blanc uniquement."),
                         ("Logo de l’événement", "Pour les organisateurs de l’événement "
                                                 "national.")],
            "backgrounds": ("Fonds", [
                ("white", True, "Sur fond blanc ou très clair et uni."),
                ("cartouche", True, "Sur une photographie ou une couleur, dans un cartouche "
                                    "blanc qui respecte la zone de protection."),
                ("dark", False, "Jamais directement sur une photographie ou un fond "
                                "chargé.")]),
            "dodont": ("Usages interdits", "<p>Le bloc-marque n’est jamais recadré, déformé, "
                       "rendu transparent ni répété avec plusieurs Mariannes.</p>", [
                           ("Le bloc-marque entier, proportions respectées", "Étiré"),
                           ("Sur un fond blanc uni", "Rendu transparent"),
                           ("Le bloc entier, avec sa devise", "Coupé"),
                           ("Dans un cartouche blanc sur une photographie",
                            "Directement sur une photographie")]),
            "zone": ("Zone des partenaires", "<p>Les logos sont alignés dans la zone des "
                     "partenaires, en bas du support, dans l’ordre protocolaire.</p>", [
                         ("Union européenne", "Lorsqu’elle cofinance le projet."),
                         ("L’État (bloc-marque du ministère, puis de la DRAC)",
                          "Toujours en premier parmi les partenaires nationaux."),
                         ("Région", ""), ("Département", ""),
                         ("Intercommunalité (EPCI)", ""), ("Commune", ""),
                         ("Autres partenaires et mécènes", "Dans l’ordre de leur soutien.")]),
            "credit": ("Mention de soutien", "<p>Sous la zone des partenaires ou dans les "
                       "crédits, en entier, sans abréviation.</p>"),
            "contact": ("Contact", "Service de la communication"),
        }
    pair_images = [("good", "stretched"), ("good", "transparent"), ("good", "cropped"),
                   ("cartouche", "on_photo")]
    zone_logos = [None, marque, None, None, None, None, None]
    background_images = {"white": images["good"], "cartouche": images["cartouche"],
                         "dark": images["on_photo"]}
    return [
        ("paragraph", RichText(text["intro"])),
        ("clear_space", {"title": text["clear"][0], "text": RichText(text["clear"][1]),
                         "unit": text["clear"][2], "illustration": images["clear_space"],
                         "logo": marque}),
        ("minimum_size", {"title": text["size"][0], "text": RichText(text["size"][1]),
                          "print_mm": 20, "screen_px": 120, "logo": drac}),
        ("colour_versions", {"title": text["colours"][0],
                             "text": RichText(text["colours"][1]),
                             "versions": [{"name": name, "use": use, "logo": logo}
                                          for (name, use), logo in zip(
                                              text["versions"], [marque, prefecture, jep],
                                              strict=True)]}),
        ("backgrounds", {"title": text["backgrounds"][0], "text": None, "logo": None,
                         "cases": [{"background": key, "allowed": allowed, "text": line,
                                    "example": background_images[key]}
                                   for key, allowed, line in text["backgrounds"][1]]}),
        ("do_dont", {"title": text["dodont"][0], "text": RichText(text["dodont"][1]),
                     "logo": marque,
                     "pairs": [{"do_image": images[do], "do_caption": do_caption,
                                "dont_image": images[dont], "dont_caption": dont_caption}
                               for (do, dont), (do_caption, dont_caption) in zip(
                                   pair_images, text["dodont"][2], strict=True)]}),
        ("partner_zone", {"title": text["zone"][0], "text": RichText(text["zone"][1]),
                          "order": [{"name": name, "note": note, "logo": logo}
                                    for (name, note), logo in zip(text["zone"][2], zone_logos,
                                                                  strict=True)]}),
        ("credit_line", {"title": text["credit"][0],
                         "line": "Avec le soutien de la Direction régionale des affaires "
                                 "culturelles de Bretagne",
                         "text": RichText(text["credit"][1])}),
        ("contact", {"title": text["contact"][0], "service": text["contact"][1],
                     "email": "communication@drac-bretagne.example.org",
                     "phone": "02 99 29 67 67", "text": ""}),
    ]


def load_guidelines(home, logos):
    images = demo_images(LOGOS[0][4])
    page = add_child(
        home, GuidelinesPage, "logos", title="Logos et charte d’usage",
        summary="Comment afficher le soutien de l’État et de la DRAC, et où trouver les "
                "logos.",
        body=guidelines_body(logos, images))
    translate(page, "en", title="Logos and usage guidelines", slug="logos",
              summary="How to show the support of the State and the directorate, and where "
                      "to find the logos.",
              body=guidelines_body(logos, images, english=True))
    return page


def load_partner():
    partner = User.objects.filter(email=PARTNER_EMAIL).first()
    if partner is None or PartnerAccess.objects.filter(user=partner).exists():
        return
    PartnerAccess.objects.create(
        user=partner, organisation="Festival des Vieilles Pierres",
        project_reference="DRAC-BRE-2026-0142",
        intended_use="Affiches, programme et site du festival 2026.",
        status=AccessStatus.APPROVED, decided_at=timezone.now())
    terms = TermsOfUse.objects.current()
    if terms:
        workflow.accept_terms(partner, terms)
    poster = Image.new("RGB", (595, 842), (250, 245, 235))
    draw = ImageDraw.Draw(poster)
    draw.rectangle((40, 40, 555, 600), fill=(179, 64, 0))
    draw.rectangle((40, 720, 555, 800), outline=(0, 0, 145), width=3)
    pdf = io.BytesIO()
    poster.save(pdf, format="PDF")
    proof = Proof(partner=partner, organisation="Festival des Vieilles Pierres",
                  title="Affiche du festival 2026", kind=ProofKind.POSTER,
                  planned_date=timezone.localdate() + dt.timedelta(days=6))
    proof.file.save("affiche-festival-2026.pdf", ContentFile(pdf.getvalue()), save=False)
    preview = io.BytesIO()
    poster.save(preview, format="PNG")
    proof.preview.save("affiche-festival-2026-apercu.png", ContentFile(preview.getvalue()),
                       save=False)
    proof.save()
    ProofStep.objects.create(proof=proof, kind=StepKind.SUBMITTED, author=partner,
                             file=proof.file.name)


def load_kit(logos):
    """The JEP 2026 kit: its logo, a poster and a social-network visual."""
    event = NationalEventPage.objects.order_by("-edition_year").first()
    if event is None or event.kit_items.exists():
        return
    hd = logos["jep-2026"].current_version().variants.get(kind="hd")
    with hd.file.open("rb") as file:
        logo_png = file.read()
    poster, social = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (842, 1191), (179, 64, 0)).save(poster, format="PDF")
    Image.new("RGB", (1080, 1080), (179, 64, 0)).save(social, format="PNG")
    for order, (kind, title, name, data) in enumerate([
        (KitItemKind.LOGO, "Logo de l’édition (PNG haute définition)", "logo-jep-2026.png",
         logo_png),
        (KitItemKind.POSTER, "Affiche A3 à imprimer", "affiche-jep-2026-a3.pdf",
         poster.getvalue()),
        (KitItemKind.SOCIAL, "Visuel carré pour les réseaux sociaux", "jep-2026-carre.png",
         social.getvalue()),
    ]):
        item = KitItem(national_event=event, kind=kind, title=title, order=order)
        item.file.save(name, ContentFile(data), save=False)
        item.save()


def load(stdout):
    public_site, _intranet = ensure_sites()
    logos = load_logos()
    TermsOfUse.objects.get_or_create(version="2026-1", defaults={
        "text": TERMS, "published_at": timezone.now() - dt.timedelta(days=60)})
    load_guidelines(public_site.root_page.specific, logos)
    load_partner()
    load_kit(logos)
    stdout.write("Logo portal: /logos/ with four logos, the partner approved, a proof waiting.")
