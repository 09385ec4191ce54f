from django.apps import AppConfig


class ProConnectConfig(AppConfig):
    name = "portal.proconnect"
    label = "proconnect"
    verbose_name = "ProConnect"
