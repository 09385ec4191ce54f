"""Benchmark of the staff directory's search at scale (not a test: it prints figures).

    .venv/bin/python bench/directory_bench.py            # throw-away SQLite file
    DATABASE_URL=postgres://… .venv/bin/python bench/directory_bench.py   # an EMPTY database

Seeds 5,000 people (``BENCH_PEOPLE``) in 4 directorates of 20 services each, then prints,
for a few searches, the median time of the search alone (``search_people``, the issue's
target: 50 ms) and the median server-side render time and query count of the whole
directory page, each against the target.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "5000"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
SEARCH_TARGET_MS = 50

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.demo import FIRST_NAMES, JOBS, LAST_NAMES, SUBJECTS  # noqa: E402
from directory.models import Person, Service  # noqa: E402
from directory.search import search_people  # noqa: E402
from pages.base.sites import ensure_sites  # noqa: E402
from portal.models import Directorate, User  # noqa: E402

SEARCHES = [
    ("a family name", "tanguy"),
    ("a subject without accents", "education artistique"),
    ("a service", "archeologie"),
    ("a typo", "formaiton"),
    ("two words, one a typo", "marches publcs"),
]


def seed():
    call_command("migrate", verbosity=0)
    ensure_sites()
    if Person.objects.count() >= PEOPLE:
        return
    rng = random.Random(13)
    services = []
    for number in range(4):
        directorate = Directorate.objects.filter(short_name=f"DRAC {number}").first()
        if directorate is None:
            directorate = Directorate(name=f"Direction {number}", short_name=f"DRAC {number}")
            directorate.save()
        for index in range(20):
            key = list(SUBJECTS)[index % len(SUBJECTS)]
            services.append((key, Service.objects.create(
                directorate=directorate, name=f"Service {key.upper()} {index}",
                kind="service")))
    started = time.perf_counter()
    people = []
    for number in range(PEOPLE):
        key, service = rng.choice(services)
        person = Person(
            first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
            directorate_id=service.directorate_id, service=service,
            job_title=rng.choice(JOBS.get(key, JOBS["sg"])), subjects=SUBJECTS[key],
            email=f"agent{number}@example.org", hr_id=f"B{number:05d}")
        person.search_text = person.build_search_text()
        people.append(person)
    Person.objects.bulk_create(people, batch_size=1000)
    print(f"seeded {PEOPLE} people in {time.perf_counter() - started:.1f} s")


def median_ms(function) -> float:
    function()  # warm the vocabulary and the connection
    durations = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


def main():
    seed()
    settings.ALLOWED_HOSTS = ["*"]
    user = User.objects.filter(email="bench@example.org").first() or User.objects.create_user(
        "bench@example.org", "bench-password-long")
    user.groups.add(Directorate.objects.first().staff_group)
    client = Client(HTTP_HOST=settings.INTRANET_HOST)
    client.force_login(user)
    people = Person.objects.current().for_listing()
    print(f"{Person.objects.count()} people, {RUNS} runs each (median)")
    for label, text in SEARCHES:
        found, corrected = search_people(people, text)
        count = found.count()
        search = median_ms(lambda text=text: list(search_people(people, text)[0][:24]))
        render = median_ms(lambda text=text: client.get("/annuaire/", {"q": text}))
        with CaptureQueriesContext(connection) as captured:
            client.get("/annuaire/", {"q": text})
        instead = f" (searched: {', '.join(corrected)})" if corrected else ""
        print(f"{label:28} {text!r:24} {count:5d} found{instead}")
        print(f"{'':28} search {search:6.1f} ms (target {SEARCH_TARGET_MS} ms, "
              f"ratio {search / SEARCH_TARGET_MS:.2f}); page {render:6.1f} ms, "
              f"{len(captured)} queries")


if __name__ == "__main__":
    main()
