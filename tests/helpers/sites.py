"""The two hosts the tests speak to, as the settings name them."""

from django.conf import settings

PUBLIC_HOST = settings.PUBLIC_HOST
INTRANET_HOST = settings.INTRANET_HOST
