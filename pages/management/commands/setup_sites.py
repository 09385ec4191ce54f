from django.core.management.base import BaseCommand

from pages.base.sites import ensure_sites


class Command(BaseCommand):
    help = (
        "Create the public and intranet home pages and sites, "
        "or align them with PUBLIC_HOST and INTRANET_HOST."
    )

    def handle(self, *args, **options):
        public, intranet = ensure_sites()
        self.stdout.write(f"Public site: {public.root_url}/")
        self.stdout.write(f"Intranet: {intranet.root_url}/")
