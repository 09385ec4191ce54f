from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("National events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the public lists' filters: portal.filters.LISTS names every list from start-up.
        from events import filters  # noqa: F401
