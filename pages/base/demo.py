"""Demo pages for both sites, in French with some English translations."""

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from pages.base.models import HomeFeaturedPublication, HomePage, IntranetHomePage, StandardPage
from pages.base.sites import ensure_sites
from portal.demo import load_identities
from portal.models import Directorate
from portal.outbox.models import DeliveryAttempt, EmailStatus
from portal.outbox.sending import backoff


def paragraph(html):
    return ("paragraph", RichText(html))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def page_link(page, text):
    """A rich-text link to a page, as the admin's editor stores it."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def as_tried_once(emails, at, error=""):
    """Demo e-mails (a queryset) as the outbox leaves them after one attempt at ``at``: sent,
    or failed with ``error`` and waiting for the retry command."""
    DeliveryAttempt.objects.bulk_create(
        DeliveryAttempt(email=email, attempted_at=at, error=error) for email in emails)
    if error:
        emails.update(status=EmailStatus.FAILED, attempts=1, last_error=error,
                      next_attempt_at=at + backoff(1))
    else:
        emails.update(status=EmailStatus.SENT, attempts=1, sent_at=at, next_attempt_at=None)


def add_child(parent, page_class, slug, **fields):
    """Create and publish a child page unless one with this slug exists."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language_code, **fields):
    """Publish an English translation of a page, once."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def restrict_to(page, groups):
    if not PageViewRestriction.objects.filter(page=page).exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)


def load_public_site(home):
    home.summary = (
        "La direction régionale des affaires culturelles accompagne les artistes, les lieux "
        "et les collectivités, protège le patrimoine et fait vivre la culture partout en région."
    )
    home.body = [
        paragraph(
            "<p>Services de l’État placés sous l’autorité du préfet de région, la DRAC met en "
            "œuvre la politique culturelle du ministère : patrimoines, architecture, musées, "
            "archives, création, industries culturelles et éducation artistique.</p>"
        ),
    ]
    home.save_revision().publish()

    heritage = add_child(
        home, StandardPage, "patrimoine-et-architecture",
        title="Patrimoine et architecture",
        summary="Protection des monuments historiques, archéologie, sites patrimoniaux "
                "remarquables et conseil aux porteurs de projets.",
        show_in_menus=True,
        body=[
            heading("Monuments historiques"),
            paragraph("<p>La région compte plus de 3 000 édifices protégés au titre des "
                      "monuments historiques. La conservation régionale instruit les demandes "
                      "d’autorisation de travaux et accompagne les propriétaires.</p>"),
            heading("Archéologie préventive"),
            paragraph("<p>Le service régional de l’archéologie prescrit les diagnostics et "
                      "les fouilles avant les aménagements susceptibles de détruire des "
                      "vestiges.</p>"),
            ("quote", {"quote": "Le patrimoine est l’affaire de tous.", "author": "",
                       "source": "Charte de Venise, préambule (adaptation)"}),
        ],
    )
    creation = add_child(
        home, StandardPage, "creation-artistique",
        title="Création artistique",
        summary="Spectacle vivant, arts visuels, musique : aides aux artistes, aux compagnies "
                "et aux lieux labellisés.",
        show_in_menus=True,
        body=[paragraph("<p>La DRAC soutient la création et la diffusion dans toutes les "
                        "disciplines, en lien avec les collectivités territoriales.</p>")],
    )
    procedures = add_child(
        home, StandardPage, "demarches-et-aides",
        title="Démarches et aides",
        summary="Subventions, autorisations de travaux, labels : les démarches pas à pas.",
        show_in_menus=True,
        body=[
            paragraph("<p>Retrouvez ici les principales démarches auprès de la DRAC.</p>"),
            ("accordions", {"items": [
                {"title": "Demander une subvention",
                 "body": RichText("<p>Les demandes se font en ligne sur la plateforme "
                                  "nationale des aides du ministère.</p>")},
                {"title": "Déposer une demande d’autorisation de travaux",
                 "body": RichText("<p>Adressez votre dossier à l’unité départementale de "
                                  "l’architecture et du patrimoine de votre département.</p>")},
            ]}),
        ],
    )

    translate(home, "en", title="Home",
              summary="The regional directorate of cultural affairs supports artists, venues "
                      "and local authorities, protects heritage and brings culture to everyone.",
              body=[paragraph("<p>The regional directorate of cultural affairs (DRAC) carries "
                              "out the Ministry of Culture’s policy in the region.</p>")])
    translate(heritage, "en", title="Heritage and architecture", slug="heritage-and-architecture",
              summary="Historic monuments, archaeology and advice to project owners.",
              body=[paragraph("<p>The region has over 3,000 protected historic monuments.</p>")])
    return [heritage, creation, procedures]


def load_intranet(home):
    home.summary = "Les actualités, ressources et espaces de travail du réseau des DRAC."
    home.body = [paragraph("<p>Bienvenue sur l’intranet du réseau. Les espaces de chaque "
                           "direction ne sont visibles que de ses agents.</p>")]
    home.save_revision().publish()

    add_child(
        home, StandardPage, "vie-du-reseau", title="Vie du réseau", show_in_menus=True,
        summary="Informations communes à toutes les directions du réseau.",
        body=[paragraph("<p>Le séminaire annuel des chargés de communication aura lieu à "
                        "Rennes les 12 et 13 mars.</p>")],
    )
    add_child(
        home, StandardPage, "ressources-humaines", title="Ressources humaines",
        show_in_menus=True,
        summary="Télétravail, formation, action sociale : les notes et formulaires du réseau.",
        body=[paragraph("<p>La campagne d’entretiens professionnels est ouverte jusqu’au "
                        "31 janvier.</p>")],
    )
    for directorate in Directorate.objects.all():
        space = add_child(
            home, StandardPage, f"espace-{directorate.slug}",
            title=f"Espace {directorate.short_name}",
            summary=f"Notes de service et informations réservées aux agents de la "
                    f"{directorate.short_name}.",
            body=[paragraph(f"<p>Note de service : horaires d’ouverture de la "
                            f"{directorate.short_name} pendant les fêtes.</p>")],
        )
        restrict_to(space, [directorate.staff_group])
    translate(home, "en", title="Network intranet", slug="intranet-en",
              summary="News, resources and workspaces of the network of directorates.",
              body=[paragraph("<p>Welcome to the network intranet.</p>")])


HERO_ALT = ("Dessin d’un paysage côtier au coucher du soleil : un phare blanc et rouge sur "
            "un promontoire sombre, le soleil qui se reflète sur la mer.")
HERO_CREDIT = "Illustration générée pour la démonstration de Relais (dessin vectoriel)"


def page_at(parent, slug):
    page = parent.get_children().filter(slug=slug).first() if parent else None
    return page.specific if page else None


def link(page, label=""):
    return ("link", {"page": page, "url": "", "label": label})


def external(url, label):
    return ("link", {"page": None, "url": url, "label": label})


def compose_public_home(home):
    """The hero, the article "À la une", featured publications and quick links, once the
    families' pages exist (editors do it in the admin)."""
    from pages.demo.images import demo_picture, draw_coast  # pages.demo imports this module

    if home.hero_title:
        return
    news = page_at(home, "actualites")
    publications = page_at(home, "publications")
    procedures = page_at(home, "demarches-et-aides")
    home.hero_title = "La culture partout en Bretagne, pour tous"
    home.hero_text = ("Patrimoines, création, transmission : la DRAC accompagne les artistes, "
                      "les lieux et les collectivités de la région.")
    home.hero_image = demo_picture("Accueil — paysage côtier", HERO_ALT, draw_coast(),
                                   "accueil-cote.jpg")
    home.hero_image_credit = HERO_CREDIT
    home.hero_link, home.hero_link_label = procedures, "Découvrir nos démarches"
    if news is not None:
        home.featured_article = news.get_children().live().order_by("path").first().specific
    home.quick_links = [item for item in [
        link(procedures, "Demander une subvention"),
        link(page_at(home, "nous-contacter"), "Poser une question"),
        link(publications, "Toutes les publications"),
        link(page_at(home, "patrimoine-et-architecture"), "Monuments historiques"),
    ] if item[1]["page"] is not None]
    home.save_revision().publish()
    if publications is not None:
        chosen = publications.get_children().live().filter(
            slug__in=["culture-et-territoires-12", "les-enclos-paroissiaux", "rapport-activite"])
        HomeFeaturedPublication.objects.bulk_create(
            HomeFeaturedPublication(page=home, publication_id=page.pk, sort_order=number)
            for number, page in enumerate(chosen.order_by("path")))


def compose_intranet_home(home):
    if home.quick_links:
        return
    # The staff directory is a view of the intranet, not a page: linked by its address.
    intranet_root = home.get_site().root_url
    home.quick_links = [item for item in [
        external(f"{intranet_root}/annuaire/", "Annuaire des agents"),
        link(page_at(home, "ressources-humaines"), "Ressources humaines"),
        link(page_at(home, "questions-des-agents"), "Questions fréquentes"),
        link(page_at(home, "actualites-du-reseau"), "Toutes les actualités"),
        external("https://mon.portail.example.gouv.fr/conges", "Poser un congé"),
        external("https://mon.portail.example.gouv.fr/missions", "Ordres de mission"),
    ] if item[1]["page"] is not None or item[1]["url"]]
    home.save_revision().publish()


def compose(public_home, intranet_home):
    compose_public_home(public_home)
    compose_intranet_home(intranet_home)


def load(stdout):
    public_site, intranet_site = ensure_sites()
    load_identities(public_site, intranet_site)
    public_home = public_site.root_page.specific
    intranet_home = intranet_site.root_page.specific
    assert isinstance(public_home, HomePage) and isinstance(intranet_home, IntranetHomePage)
    if not Page.objects.child_of(public_home).exists():
        load_public_site(public_home)
    if not Page.objects.child_of(intranet_home).exists():
        load_intranet(intranet_home)
    return public_home, intranet_home
