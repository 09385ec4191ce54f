from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Staff directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the directory's list filters (portal.filters.LISTS), and links a profile to
        # its account when someone signs in.
        from directory import accounts, filters  # noqa: F401

        accounts.connect_signals()
