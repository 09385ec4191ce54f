from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares a public list's filters: portal.filters.LISTS names every list from start-up.
        from pages.library import listing, placement  # noqa: F401
        from pages.publications import views  # noqa: F401

        # A library document's files follow the directorates it applies to.
        placement.connect_signals()
