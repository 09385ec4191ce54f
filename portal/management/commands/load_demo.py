"""Load the demonstration content of every app. Running it again changes nothing."""

import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.database import refresh_statistics


class Command(BaseCommand):
    help = "Load the French and English demonstration content and the demo accounts."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo loads known passwords: it refuses to run in production.")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                is_ours = Path(app_config.path).parent == settings.BASE_DIR
                if is_ours and importlib.util.find_spec(module_name):
                    importlib.import_module(module_name).load(self.stdout)
        refresh_statistics()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
