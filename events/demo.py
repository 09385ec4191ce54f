"""Demo: the Journées européennes du patrimoine 2026 with its regional programmes, a few
hundred local events, submissions and a change waiting in Bretagne, an organiser and an
officer account, and a directorate event with registration. Running it twice duplicates
nothing."""

import datetime as dt

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from events import moderation
from events.models import DirectorateEventPage, EventStatus, LocalEvent, Region
from events.officers import OFFICER_GROUP
from events.seeding import ensure_national_event, ensure_regional_pages, generate_events
from pages.base.sites import ensure_sites
from portal.demo import DEMO_PASSWORD
from portal.models import User

ORGANISER_EMAIL = "organisatrice@relais.localhost"
OFFICER_EMAIL = "moderateur@relais.localhost"
LOCAL_EVENTS = 300


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


def load_local_events(edition, organiser) -> None:
    if LocalEvent.objects.filter(edition=edition).exists():
        return
    generate_events(LOCAL_EVENTS, edition, organiser)
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


def load_directorate_event(home) -> None:
    slug = "conference-restaurer-les-vitraux"
    if DirectorateEventPage.objects.filter(slug=slug).exists():
        return
    start = timezone.make_aware(dt.datetime(2026, 10, 8, 18, 30))
    page = DirectorateEventPage(
        title="Conférence : restaurer les vitraux de la cathédrale", slug=slug,
        summary="Les restaurateurs racontent le chantier des vitraux du chœur.",
        start=start, end=start + dt.timedelta(hours=2), location="Hôtel de Blossac",
        address="6 rue du Chapitre, 35000 Rennes", registration_enabled=True, capacity=40,
        waiting_list=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def load(stdout):
    public_site, _intranet_site = ensure_sites()
    home = public_site.root_page.specific
    edition = ensure_national_event(home)
    ensure_regional_pages(edition)
    organiser = demo_organiser()
    make_officer()
    load_local_events(edition, organiser)
    load_directorate_event(home)
    stdout.write(f"National event ready: {edition.title} "
                 f"({LocalEvent.objects.filter(edition=edition).count()} local events).")
