from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.models import EventStatus, NationalEventPage
from events.seeding import ensure_national_event, ensure_regional_pages, generate_events
from pages.base.sites import ensure_sites
from portal.models import User

SEED_ORGANISER = "organisateur.demo@relais.localhost"


class Command(BaseCommand):
    help = "Generate realistic local events across all regions (bulk insert)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--edition", type=int, help="National event page id (default: "
                                                        "the next Journées européennes du "
                                                        "patrimoine, created if missing)")
        parser.add_argument("--status", default=EventStatus.APPROVED,
                            choices=[choice for choice, _label in EventStatus.choices])
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, edition, status, seed, **options):
        if settings.PRODUCTION:
            raise CommandError("Seeding invents events: it refuses to run in production.")
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if edition:
            page = NationalEventPage.objects.filter(pk=edition).first()
            if page is None:
                raise CommandError(f"No national event page with id {edition}.")
        else:
            public_site, _intranet = ensure_sites()
            page = ensure_national_event(public_site.root_page.specific)
            ensure_regional_pages(page)
        organiser = seed_organiser()
        created = generate_events(count, page, organiser, status=status, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"{created} events created in “{page.title}”."))


def seed_organiser() -> User:
    user, created = User.objects.get_or_create(
        email=SEED_ORGANISER, defaults={"first_name": "Organisateur", "last_name": "Démo"})
    if created:
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
