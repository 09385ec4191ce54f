"""Emptying the caches a test may have filled: the default one (rate limits, used TOTP codes)
and the layout's (the layout and the anonymous page cache, ``portal.layout.store``)."""

from django.conf import settings
from django.core.cache import caches


def clear_caches():
    for alias in ("default", settings.LAYOUT_CACHE):
        caches[alias].clear()
