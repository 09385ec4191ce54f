"""Settings of the benchmarks' server: Relais's own, plus one bench-only URL (the ceiling).

Never used in production: ``make bench`` and ``make load`` point DJANGO_SETTINGS_MODULE here.
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
