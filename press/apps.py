from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press relations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the pressroom's list filters: portal.filters.LISTS names every list.
        from portal.outbox.models import restrict_kind
        from press import filters  # noqa: F401

        # The e-mails to and about journalists are for the press officers only.
        restrict_kind("press-", "press.view_journalist")
