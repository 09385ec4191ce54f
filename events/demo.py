"""Demo: the next Journées européennes du patrimoine with its regional programmes, a few
hundred local events, submissions and a change waiting in Bretagne, the next Nuit européenne
des musées, an organiser and an officer account, a directorate event with registration and
an internal event on the intranet. Every date is computed from the day the demo is loaded:
running it again later adds the editions that have come up since, moves the directorate's
events that have passed, and duplicates nothing."""

import datetime as dt

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from events import moderation
from events.models import (
    DirectorateEventPage,
    EventStatus,
    LocalEvent,
    NationalEventPage,
    Region,
)
from events.officers import OFFICER_GROUP
from events.seeding import (
    day_span,
    ensure_national_event,
    ensure_regional_pages,
    generate_events,
    next_year,
    third_saturday,
)
from pages.base.demo import translate
from pages.base.sites import ensure_sites
from pages.demo.files import drawn_picture
from portal.demo import DEMO_PASSWORD
from portal.models import User

ORGANISER_EMAIL = "organisatrice@relais.localhost"
OFFICER_EMAIL = "moderateur@relais.localhost"
LOCAL_EVENTS = 300
NUIT_EVENTS = 40
NUIT_SLUG = "nuit-europeenne-des-musees"
# Organisers of the generated events besides the demo organiser (no password: they exist
# so that the programme's events are not all one person's).
OTHER_ORGANISERS = [
    ("mairie.quimper@example.org", "Gaëlle", "Riou"),
    ("amis.abbaye@example.org", "Hervé", "Le Duff"),
    ("musee.vannes@example.org", "Soizic", "Le Roux"),
]


def demo_organiser() -> User:
    user = User.objects.filter(email=ORGANISER_EMAIL).first()
    if user is None:
        user = User(email=ORGANISER_EMAIL, first_name="Anne", last_name="Le Bihan")
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=ORGANISER_EMAIL, verified=True,
                                    primary=True)
    return user


def make_officer() -> None:
    officer = User.objects.filter(email=OFFICER_EMAIL).first()
    if officer is not None:
        officer.groups.add(Group.objects.get(name=OFFICER_GROUP))


def other_organisers() -> list[User]:
    users = []
    for email, first_name, last_name in OTHER_ORGANISERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name})
        if created:
            user.set_unusable_password()
            user.save()
        users.append(user)
    return users


def share_out(edition, organisers) -> None:
    """Hand every other event of the edition to the other organisers in turn."""
    ids = list(LocalEvent.objects.filter(edition=edition).order_by("pk")
               .values_list("pk", flat=True))
    for number, organiser in enumerate(organisers):
        LocalEvent.objects.filter(pk__in=ids[number::len(organisers) + 1]).update(
            organiser=organiser)


# Pictures some organisers send with their event, drawn for the demo (the credit says so):
# (background, its name, accent, its name).
EVENT_PICTURES = [
    ("#000091", "bleu nuit", "#e1000f", "rouge"),
    ("#18753c", "vert sapin", "#fcc63a", "jaune d’or"),
    ("#b34000", "brique", "#fef6e3", "crème"),
    ("#3558a2", "bleu ardoise", "#b6cffb", "bleu ciel"),
    ("#716043", "brun", "#88fdaa", "vert d’eau"),
]
EVENTS_WITH_A_PICTURE = 5  # one event in five


def add_pictures(edition) -> None:
    """Give one published event in five a picture, with the text alternative of what it
    shows."""
    storage = LocalEvent._meta.get_field("image").storage
    names = []
    for number, (background, background_name, accent, accent_name) in enumerate(
            EVENT_PICTURES):
        data = drawn_picture(1200, 800, background, accent)
        name = storage.save(f"events/demo/evenement-{edition.edition_year}-{number}.jpg",
                            ContentFile(data))
        names.append((name, f"Dessin réalisé pour la démonstration : la silhouette {accent_name} "
                            f"d’un bâtiment au toit pointu et un soleil jaune, sur fond "
                            f"{background_name}."))
    events = LocalEvent.objects.filter(edition=edition, status=EventStatus.APPROVED)
    ids = list(events.order_by("pk").values_list("pk", flat=True))[::EVENTS_WITH_A_PICTURE]
    for index, pk in enumerate(ids):
        name, alt = names[index % len(names)]
        LocalEvent.objects.filter(pk=pk).update(image=name, image_alt=alt)


def load_local_events(edition, organiser) -> None:
    if LocalEvent.objects.filter(edition=edition).exists():
        return
    generate_events(LOCAL_EVENTS, edition, organiser, seed=edition.edition_year)
    share_out(edition, other_organisers())
    add_pictures(edition)
    # A few submissions waiting for the Bretagne officer, and a change to a published event.
    bretagne = Region.objects.get(slug="bretagne")
    waiting = list(LocalEvent.objects.filter(edition=edition, region=bretagne)[:5])
    LocalEvent.objects.filter(pk__in=[event.pk for event in waiting[:4]]).update(
        status=EventStatus.SUBMITTED, live=False, organiser=organiser)
    propose_change(waiting[4], organiser)


def propose_change(event, organiser) -> None:
    """The organiser changes the title and the price of a published event and submits."""
    LocalEvent.objects.filter(pk=event.pk).update(organiser=organiser)
    event.refresh_from_db()
    working = moderation.working_version(event)
    working.title = f"{working.title} — visite prolongée"
    working.is_free, working.price = False, "3 €, gratuit pour les moins de 18 ans"
    moderation.save_draft(event, working, organiser)
    moderation.submit(event)


def nuit_des_musees_dates(year) -> tuple[dt.date, dt.date]:
    """The Nuit européenne des musées: a Saturday night in mid-May."""
    saturday = third_saturday(year, 5)
    return saturday, saturday


def ensure_nuit_des_musees(home) -> NationalEventPage:
    year = next_year(nuit_des_musees_dates)
    slug = f"{NUIT_SLUG}-{year}"
    existing = NationalEventPage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    day, _same = nuit_des_musees_dates(year)
    page = NationalEventPage(
        title=f"Nuit européenne des musées {year}", slug=slug, edition_year=year,
        start_date=day, end_date=day, theme="La classe, l’œuvre !",
        summary=f"{day_span(day, day).capitalize()}, les musées ouvrent gratuitement leurs "
                "portes de la tombée de la nuit jusqu’à minuit.",
        description="<p>Visites à la lampe de poche, concerts, lectures et projections : "
                    "une soirée pour découvrir les musées autrement.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def upcoming_start(days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def ensure_directorate_event(parent, slug, days, hour, duration, **fields) -> None:
    """A directorate event ``days`` from today, created once; moved ahead when it has
    passed (loading the demo again on a later day keeps it coming)."""
    page = DirectorateEventPage.objects.filter(slug=slug).first()
    if page is not None:
        if page.end < timezone.now():
            page.start = upcoming_start(days, *hour)
            page.end = page.start + duration
            page.save_revision().publish()
        return
    start = upcoming_start(days, *hour)
    page = DirectorateEventPage(slug=slug, start=start, end=start + duration, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()


def load_directorate_events(home, intranet_home) -> None:
    ensure_directorate_event(
        home, "conference-restaurer-les-vitraux", 24, (18, 30), dt.timedelta(hours=2),
        title="Conférence : restaurer les vitraux de la cathédrale",
        summary="Les restaurateurs racontent le chantier des vitraux du chœur.",
        location="Hôtel de Blossac", address="6 rue du Chapitre, 35000 Rennes",
        registration_enabled=True, capacity=40, waiting_list=True,
    )
    ensure_directorate_event(
        home, "visite-chantier-archeologique", 45, (14, 0), dt.timedelta(hours=2),
        title="Visite du chantier de fouilles du quartier Saint-Martin",
        summary="Les archéologues du service régional présentent les vestiges mis au jour.",
        location="Chantier Saint-Martin", address="Rue d’Antrain, 35000 Rennes",
        registration_enabled=True, capacity=25, waiting_list=False,
    )
    ensure_directorate_event(
        intranet_home, "seminaire-chargees-communication", 35, (9, 30),
        dt.timedelta(hours=8),
        title="Séminaire des chargés de communication du réseau",
        summary="Une journée d’échanges sur les campagnes nationales et les réseaux sociaux.",
        location="Hôtel de Blossac, Rennes", registration_enabled=False,
    )


def translate_edition(edition) -> None:
    year = edition.edition_year
    translate(edition, "en", title=f"European Heritage Days {year}",
              slug=f"european-heritage-days-{year}",
              summary="Monuments, museums, gardens and archives open their doors all over "
                      "France.",
              description="<p>The European Heritage Days invite everyone to discover the "
                          "heritage of water: mills, wash houses, bridges, lighthouses and "
                          "fountains.</p>")


def translate_nuit(nuit) -> None:
    year = nuit.edition_year
    translate(nuit, "en", title=f"European Night of Museums {year}",
              slug=f"european-night-of-museums-{year}",
              summary="From nightfall until midnight, museums open their doors free of charge.",
              description="<p>Torchlight tours, concerts, readings and screenings: an evening "
                          "to discover museums in a new light.</p>")


def load(stdout):
    public_site, intranet_site = ensure_sites()
    home = public_site.root_page.specific
    edition = ensure_national_event(home)
    ensure_regional_pages(edition)
    translate_edition(edition)
    organiser = demo_organiser()
    make_officer()
    load_local_events(edition, organiser)
    nuit = ensure_nuit_des_musees(home)
    ensure_regional_pages(nuit)
    translate_nuit(nuit)
    if not LocalEvent.objects.filter(edition=nuit).exists():
        generate_events(NUIT_EVENTS, nuit, organiser, seed=nuit.edition_year)
        share_out(nuit, other_organisers())
        add_pictures(nuit)
    load_directorate_events(home, intranet_site.root_page.specific)
    stdout.write(f"National event ready: {edition.title} "
                 f"({LocalEvent.objects.filter(edition=edition).count()} local events).")
