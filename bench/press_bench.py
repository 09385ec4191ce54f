"""Benchmark of press relations at scale (not a test: it prints figures and ratios).

    .venv/bin/python bench/press_bench.py            # throw-away SQLite file
    DATABASE_URL=postgres://… .venv/bin/python bench/press_bench.py   # an EMPTY database

1. Imports a CSV of 10,000 contacts (``BENCH_CONTACTS``) through the import code the admin
   runs (read, check every row, write in bulk): target 20 s.
2. Sends a release to a list of 5,000 of them (``BENCH_RECIPIENTS``): what the officer
   waits for (``start_distribution``, with the database task queue, as in production) has a
   target of 5 s; the background task that then writes one delivery and one e-mail per
   recipient is timed beside it (the e-mails are only queued: no SMTP here).
3. Renders the journalists' admin list and the send log, printing their query counts, which
   must not grow with the number of rows.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CONTACTS = int(os.environ.get("BENCH_CONTACTS", "10000"))
RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "5000"))
IMPORT_TARGET_S = 20
QUEUE_TARGET_S = 5

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "false")
os.environ["TASKS_BACKEND"] = "database"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from pages.base.sites import ensure_sites  # noqa: E402
from portal.models import User  # noqa: E402
from press.distribution import prepare_distribution, start_distribution  # noqa: E402
from press.importing import read_file, run_import  # noqa: E402
from press.models import ContactImport, ContactList, Distribution, PressReleasePage  # noqa: E402
from press.setup import ensure_pressroom  # noqa: E402


def csv_of(count: int) -> bytes:
    lines = ["Prénom;Nom;Courriel;Média;Fonction"]
    lines += [f"Prénom{n};Nom{n};journaliste{n}@presse.example;Média {n % 300};Reporter"
              for n in range(count)]
    return "\n".join(lines).encode("utf-8")


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def main():
    call_command("migrate", verbosity=0)
    public_site, _intranet = ensure_sites()
    room = ensure_pressroom(public_site.root_page.specific)
    officer = User.objects.create_superuser(email="bench@example.org", password="x")

    content = csv_of(CONTACTS)
    contact_list = ContactList.objects.create(name="Bench")

    def import_all():
        headers, rows = read_file("contacts.csv", content)
        contact_import = ContactImport.objects.create(file_name="contacts.csv", headers=headers,
                                                      rows=rows, source="bench",
                                                      legal_basis="legitimate_interest",
                                                      contact_list=contact_list)
        run_import(contact_import, {0: "first_name", 1: "last_name", 2: "email",
                                    3: "outlet", 4: "role"})
        return contact_import

    contact_import, seconds = timed(import_all)
    print(f"import of {CONTACTS} contacts: {seconds:.1f} s "
          f"({contact_import.imported_count} imported, {len(contact_import.report)} rejected)"
          f" — target {IMPORT_TARGET_S} s, ratio {seconds / IMPORT_TARGET_S:.2f}")

    recipients = ContactList.objects.create(name="Bench 5000")
    recipients.members.add(*contact_list.members.order_by("pk").values_list("pk", flat=True)
                           [:RECIPIENTS])
    release = PressReleasePage(title="Bench", slug="bench", contact_name="C",
                               contact_phone="01", contact_email="c@example.org",
                               body=[("paragraph", "<p>Texte du communiqué.</p>")])
    room.add_child(instance=release)
    release.save_revision().publish()
    distribution, seconds = timed(start_distribution, release, officer,
                                  lists=[recipients], subjects=[])
    print(f"queueing a release for {distribution.recipient_count} recipients (what the "
          f"officer waits for): {seconds:.2f} s — target {QUEUE_TARGET_S} s, ratio "
          f"{seconds / QUEUE_TARGET_S:.2f}")
    queued, seconds = timed(prepare_distribution.call, distribution.pk)
    print(f"background preparation of {queued} e-mails: {seconds:.1f} s")

    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(officer)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(officer, generate_totp_secret())
    for label, url in [
        ("journalists list", reverse("wagtailsnippets_press_journalist:list")),
        ("send log", reverse("press_send_log", args=[distribution.pk])),
    ]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        print(f"{label}: {response.status_code}, {len(queries)} queries, "
              f"{elapsed * 1000:.0f} ms ({Distribution.objects.count()} send, "
              f"{PressReleasePage.objects.count()} release)")


if __name__ == "__main__":
    main()
