"""Time to generate every variant of one logo (target: under 2 s), from an SVG master and
from a raster master, in a throw-away SQLite database and media folder.

    .venv/bin/python bench/branding_bench.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
folder = tempfile.mkdtemp(prefix="relais-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", f"{folder}/media")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", f"{folder}/media_private")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402

from branding.demo import LOGOS  # noqa: E402
from branding.models import Logo, LogoVersion  # noqa: E402
from branding.variants import generate_variants  # noqa: E402

TARGET = 2.0
RUNS = 3


def timed(version) -> float:
    start = time.perf_counter()
    generate_variants(version)
    return time.perf_counter() - start


def main():
    call_command("migrate", verbosity=0)
    slug, name, owner, _audience, svg, _text = LOGOS[2]
    logo = Logo.objects.create(slug=slug, name=name, owner=owner)
    svg_version = LogoVersion(logo=logo)
    svg_version.save()
    svg_version.master_svg.save("master.svg", ContentFile(svg.encode()), save=True)
    svg_times = [timed(svg_version) for _ in range(RUNS)]
    png = svg_version.variants.get(kind="hd")
    raster_version = LogoVersion(logo=logo)
    raster_version.save()
    with png.file.open("rb") as file:
        raster_version.master_raster.save("master.png", ContentFile(file.read()), save=True)
    raster_times = [timed(raster_version) for _ in range(RUNS)]
    for label, times in (("SVG master", svg_times), ("3000 px PNG master", raster_times)):
        median = statistics.median(times)
        print(f"{label}: median {median:.2f} s over {RUNS} runs "
              f"(min {min(times):.2f} s), {median / TARGET:.0%} of the 2 s target")


if __name__ == "__main__":
    main()
