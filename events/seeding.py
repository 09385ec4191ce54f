"""Realistic local events in bulk, for the demo, `manage.py seed_events` and the benchmark.

Venues sit in communes of the shipped reference data (real INSEE codes); events are spread
over every region in turn, with one to three time slots on the national event's days."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from events.geography import department_code_of, reference_data
from events.models import (
    PUBLISHED_STATUSES,
    AttendanceMode,
    Department,
    EventStatus,
    LocalEvent,
    NationalEventPage,
    Region,
    RegionalProgrammePage,
    Theme,
    TimeSlot,
    Venue,
)

JEP_SLUG = "journees-europeennes-du-patrimoine"
PLACES = [
    "Église Saint-Martin", "Chapelle Notre-Dame", "Cathédrale Saint-Pierre", "Abbaye Saint-Michel",
    "Château de la Roche", "Manoir de Kerlann", "Hôtel de ville", "Musée des Beaux-Arts",
    "Musée d’histoire locale", "Archives départementales", "Médiathèque François-Mitterrand",
    "Jardin des Plantes", "Parc du château", "Théâtre municipal", "Ancienne manufacture",
    "Moulin de la Rivière", "Phare du Cap", "Lavoir communal", "Maison à pans de bois",
    "Couvent des Jacobins", "Halle médiévale", "Fort Vauban", "Ancienne gare",
    "Conservatoire de musique", "Palais de justice", "Préfecture", "Écomusée du pays",
]
STREETS = ["rue de l’Église", "place de la Mairie", "rue du Château", "rue Victor-Hugo",
           "avenue Jean-Jaurès", "place du Marché", "rue des Halles", "quai de la Rivière"]
# How organisers word their titles, for one format and one place.
TITLE_PATTERNS = [
    "{label} : {venue}", "{label} — {venue}", "{venue} : {label_lower}",
    "{label} à {commune}", "{label} au cœur de {commune}",
]
FORMATS = [
    ("Visite guidée", "Une visite commentée par un guide-conférencier pour découvrir l’histoire "
                      "et l’architecture du lieu."),
    ("Visite libre", "Le lieu ouvre exceptionnellement ses portes : parcours libre avec livret."),
    ("Atelier en famille", "Un atelier pour petits et grands, autour des savoir-faire du lieu."),
    ("Concert", "Un concert de musique de chambre dans un cadre patrimonial."),
    ("Conférence", "Une conférence sur l’histoire et la restauration du monument."),
    ("Exposition", "Une exposition de documents d’archives et de photographies anciennes."),
    ("Démonstration de savoir-faire", "Tailleurs de pierre, vitraillistes et charpentiers "
                                      "présentent leur métier."),
    ("Balade commentée", "Une promenade dans le quartier à la découverte du patrimoine."),
    ("Jeu de piste", "Une enquête en équipe, énigme après énigme, pour percer les secrets du "
                     "lieu."),
    ("Ouverture exceptionnelle", "Des espaces d’ordinaire fermés au public se visitent le "
                                 "temps du week-end."),
    ("Lecture à voix haute", "Des comédiens lisent des textes et des lettres liés à "
                             "l’histoire du lieu."),
    ("Visite à la lanterne", "À la tombée du jour, le lieu se découvre à la lueur des "
                             "lanternes."),
]
# Who organises an event at a venue: always the same organisation for the same venue.
ORGANISATIONS = [
    "Association des amis du patrimoine de {commune}", "Mairie de {commune}",
    "Office de tourisme de {commune}", "Paroisse de {commune}",
    "Société d’histoire et d’archéologie de {commune}", "{venue}",
]
SLOT_HOURS = [(10, 12), (14, 16), (15, 18), (10, 17), (20, 22)]


def third_saturday(year, month) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7 + 14)


def jep_dates(year) -> tuple[dt.date, dt.date]:
    """The Journées européennes du patrimoine: the third weekend of September."""
    saturday = third_saturday(year, 9)
    return saturday, saturday + dt.timedelta(days=1)


def next_year(dates_of, today=None) -> int:
    """The year of the next edition still to come (or under way) on ``today``."""
    today = today or timezone.localdate()
    return today.year if dates_of(today.year)[1] >= today else today.year + 1


def day_span(start, end) -> str:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    if start == end:
        return f"le {start.day} {months[start.month - 1]} {start.year}"
    return f"les {start.day} et {end.day} {months[end.month - 1]} {end.year}"


def ensure_national_event(parent, year=None) -> NationalEventPage:
    """The Journées européennes du patrimoine of ``year`` (default: the next edition to
    come), created once under ``parent``."""
    year = year or next_year(jep_dates)
    slug = f"{JEP_SLUG}-{year}"
    existing = NationalEventPage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    start, end = jep_dates(year)
    page = NationalEventPage(
        title=f"Journées européennes du patrimoine {year}", slug=slug,
        summary=f"{day_span(start, end).capitalize()}, monuments, musées, jardins et archives "
                "ouvrent leurs portes partout en France.",
        edition_year=year, start_date=start, end_date=end,
        theme="Patrimoine de l’eau",
        description=f"<p>Pour leur {year - 1983}<sup>e</sup> édition, les Journées européennes "
                    "du patrimoine invitent à découvrir le patrimoine lié à l’eau : moulins, "
                    "lavoirs, ponts, phares et fontaines.</p>",
        communication_kit_url="https://www.culture.gouv.fr/kit-communication-jep",
        show_in_menus=True,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_regional_pages(edition, regions=None) -> None:
    existing = set(RegionalProgrammePage.objects.child_of(edition).values_list("region_id",
                                                                               flat=True))
    for region in (regions or Region.objects.all()).exclude(pk__in=existing):
        page = RegionalProgrammePage(
            title=f"Programme en {region.name}", slug=region.slug, region=region,
            introduction=f"<p>{edition.title} en {region.name} : tous les lieux ouverts et "
                         "leurs animations.</p>",
            contact_name=f"Service communication, DRAC {region.name}",
            contact_email=f"communication.{region.slug}@relais.localhost",
            contact_phone=f"0{region.code[-1]} 99 29 67 {region.code}",
        )
        edition.add_child(instance=page)
        page.save_revision().publish()


def _communes_by_region() -> dict:
    departments = {d.code: d for d in Department.objects.select_related("region")}
    grouped = {}
    for commune in reference_data()["communes"]:
        department = departments[department_code_of(commune["insee"])]
        grouped.setdefault(department.region_id, []).append((commune, department))
    return grouped


def _venues(rng, count) -> list[Venue]:
    """``count`` venues spread over every region, reusing existing ones (same key)."""
    by_region = _communes_by_region()
    region_ids = sorted(by_region)
    wanted = {}
    for index in range(count):
        commune, department = rng.choice(by_region[region_ids[index % len(region_ids)]])
        name = rng.choice(PLACES)
        key = Venue.make_key(name, commune["insee"])
        wanted.setdefault(key, Venue(
            name=name, address=f"{rng.randint(1, 40)} {rng.choice(STREETS)}",
            postcode=commune["postcode"], commune=commune["name"],
            commune_code=commune["insee"], department=department,
            latitude=round(commune["latitude"] + rng.uniform(-0.01, 0.01), 5),
            longitude=round(commune["longitude"] + rng.uniform(-0.01, 0.01), 5), key=key,
        ))
    Venue.objects.bulk_create(wanted.values(), ignore_conflicts=True, batch_size=500)
    return list(Venue.objects.filter(key__in=wanted).select_related("department"))


def _slots(rng, days) -> list[tuple]:
    chosen = set()
    for _ in range(rng.randint(1, 3)):
        chosen.add((rng.choice(days), rng.choice(SLOT_HOURS)))
    slots = []
    for day, (start_hour, end_hour) in sorted(chosen):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(start_hour)))
        slots.append((start, start.replace(hour=end_hour)))
    return slots


def _event(rng, edition, organiser, venue, status, slots) -> LocalEvent:
    label, description = rng.choice(FORMATS)
    is_free = rng.random() < 0.8
    booking = rng.random() < 0.3
    mode = rng.choices([AttendanceMode.OFFLINE, AttendanceMode.MIXED, AttendanceMode.ONLINE],
                       [0.9, 0.07, 0.03])[0]
    young = rng.random() < 0.3
    return LocalEvent(
        edition=edition, organiser=organiser, venue=venue, department=venue.department,
        region_id=venue.department.region_id,
        title=rng.choice(TITLE_PATTERNS).format(label=label, label_lower=label[0].lower()
                                                + label[1:], venue=venue.name,
                                                commune=venue.commune),
        description=f"{description} {venue.name}, {venue.commune}.",
        organisation=ORGANISATIONS[sum(map(ord, venue.key)) % len(ORGANISATIONS)].format(
            commune=venue.commune, venue=venue.name),
        is_free=is_free, price="" if is_free else f"{rng.choice([3, 5, 8])} €, gratuit pour les "
                                                  "moins de 18 ans",
        booking_required=booking,
        booking_phone="02 99 00 00 00" if booking else "",
        booking_email=f"reservation@{venue.commune_code.lower()}.example.fr" if booking else "",
        attendance_mode=mode,
        online_url="https://visite.example.fr/direct" if mode != AttendanceMode.OFFLINE else "",
        young_audience=young, school_groups=young and rng.random() < 0.5,
        age_min=rng.choice([None, 3, 6, 12]) if young else None,
        access_motor=rng.random() < 0.5, access_visual=rng.random() < 0.2,
        access_hearing=rng.random() < 0.2, access_mental=rng.random() < 0.15,
        access_psychic=rng.random() < 0.1,
        first_participation=rng.random() < 0.1,
        status=status, live=status in PUBLISHED_STATUSES, submitted_at=timezone.now(),
        first_start=slots[0][0], last_end=max(end for _start, end in slots),
    )


@transaction.atomic
def generate_events(count, edition, organiser, *, status=EventStatus.APPROVED, seed=2026,
                    batch_size=2000) -> int:
    """Create ``count`` local events of ``edition`` with venues, slots and themes."""
    rng = random.Random(seed)
    venues_by_region = {}
    for venue in _venues(rng, max(Region.objects.count(), count // 3)):
        venues_by_region.setdefault(venue.department.region_id, []).append(venue)
    regions = sorted(venues_by_region)
    theme_ids = list(Theme.objects.values_list("pk", flat=True))
    days = [edition.start_date + dt.timedelta(days=n)
            for n in range((edition.end_date - edition.start_date).days + 1)]
    created = 0
    while created < count:
        size = min(batch_size, count - created)
        plans = [(rng.choice(venues_by_region[regions[(created + n) % len(regions)]]),
                  _slots(rng, days)) for n in range(size)]
        new_events = [_event(rng, edition, organiser, venue, status, slots)
                      for venue, slots in plans]
        for event in new_events:  # bulk_create does not call save()
            event.search_text = event.make_search_text()
        events = LocalEvent.objects.bulk_create(new_events)
        TimeSlot.objects.bulk_create(
            [TimeSlot(event=event, start=start, end=end)
             for event, (_venue, slots) in zip(events, plans, strict=True)
             for start, end in slots], batch_size=5000)
        through = LocalEvent.themes.through
        through.objects.bulk_create(
            [through(localevent_id=event.pk, theme_id=theme_id)
             for event in events for theme_id in rng.sample(theme_ids, rng.randint(1, 2))],
            batch_size=5000)
        created += size
    return created
