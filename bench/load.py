"""Load and faults (not a test: it prints what happened and exits 1 on a failure).

    make load                                    # or: .venv/bin/python bench/load.py

On the benchmark's database (seeded by bench/site_bench.py's seeding when missing), gunicorn
with two workers on loopback:

1. ``LOAD_SECONDS`` (60) at 64 connections on public pages while an editor publishes a news
   article's new title through Wagtail's API every few seconds: no error answer, every
   edit live, each one visible through the server within a second. The servers and the
   editor share one Redis (``LOAD_REDIS_URL``, the local one by default) under a key prefix
   of their own, as production's servers do: the page cache is on.
2. ``FAULT_SECONDS`` (20) of the same with Elasticsearch, Redis and the mail server at closed
   ports: pages and the search keep answering, each edit still shows (no server keeps pages
   in its own memory while Redis is down; every page is made afresh, so a request waits in
   the queue longer than in the first phase), a question asked on the
   contact form is stored and its e-mail waits in the outbox; then the mail server comes back
   and the e-mail leaves.
"""

import os
import sys
import threading
import time
import uuid
from pathlib import Path

import redis
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import site_bench  # sets Django up, on the benchmark's database

harness, pages, seed = site_bench.harness, site_bench.pages, site_bench.seed

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from wagtail.models import Site  # noqa: E402

from pages.models import ContactPage, ContactTopic, NewsArticlePage, Question  # noqa: E402
from portal.intranet import public_pages  # noqa: E402
from portal.outbox.models import EmailStatus, OutgoingEmail  # noqa: E402
from portal.outbox.sending import send_again  # noqa: E402
from portal.settings import redis_caches  # noqa: E402
from portal.sites import public_root  # noqa: E402
from tests.helpers.cluster import (  # noqa: E402
    app_environment,
    free_port,
    start_gunicorn,
    stop,
    wait_until_serving,
)
from tests.helpers.mailserver import MailServer  # noqa: E402

LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
FAULT_SECONDS = float(os.environ.get("FAULT_SECONDS", "20"))
CONNECTIONS = 64
VISIBLE_WITHIN = 1.0
# The first phase runs as production does: the servers' page cache and the editor's
# publications meet in one Redis (the Debian service here).
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/0")
HOST = settings.PUBLIC_HOST
failures: list[str] = []


def forget_keys(prefix: str) -> None:
    """Delete what the run left in Redis under its own key prefix."""
    try:
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    except redis.RedisError:
        pass


def check(condition: bool, what: str) -> None:
    print(f"  {'ok  ' if condition else 'FAIL'} {what}")
    if not condition:
        failures.append(what)


def hammer(base: str, urls: list[str], seconds: float) -> dict:
    """CONNECTIONS connections spread over the URLs, all at once; each URL's result."""
    results = {}
    per_url = max(1, CONNECTIONS // len(urls))

    def run(url):
        results[url] = harness.load(f"{base}{url}", HOST, seconds, per_url)

    threads = [threading.Thread(target=run, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    return {"threads": threads, "results": results}


def publish_while(base: str, running: list[threading.Thread], article_id: int):
    """Publish a new title every 3 s while the load runs; how long each took to show."""
    delays, edition = [], 0
    while any(thread.is_alive() for thread in running):
        edition += 1
        page = NewsArticlePage.objects.get(pk=article_id)
        page.title = f"Article en charge, édition {edition} {time.time_ns()}"
        page.save_revision().publish()
        published = time.monotonic()
        url = f"{base}{page.get_url_parts()[2]}"
        seen = None
        while seen is None and time.monotonic() - published < 10:
            try:
                if page.title in requests.get(url, headers={"Host": HOST}, timeout=5).text:
                    seen = time.monotonic() - published
            except requests.RequestException:  # a saturated server: not seen yet
                pass
            time.sleep(0.02)
        delays.append(seen if seen is not None else float("inf"))
        time.sleep(3)
    return delays, page.title


def report_load(outcome: dict) -> None:
    for thread in outcome["threads"]:
        thread.join()
    for url, result in outcome["results"].items():
        print(f"  {url}: {result.requests} requests, {result.rps:.0f} req/s, "
              f"p99 {result.p99_ms:.0f} ms, {result.errors} error answers, "
              f"{result.timeouts} without an answer within 10 s")
        check(result.errors == 0 and result.requests > 0, f"{url}: no error answer")
        check(result.timeouts == 0, f"{url}: every request answered within 10 s")


def phase(env: dict, urls: list[str], seconds: float, article_id: int,
          visible_within: float | None = VISIBLE_WITHIN) -> None:
    """Load the server, publish meanwhile, report. Without ``visible_within`` an edit need
    only show at all (within the 10 s a request may wait): with Redis down every page is made
    afresh and a request queues behind the others for longer than a second."""
    port = free_port()
    server = start_gunicorn(env, port, workers=2, settings="bench.settings")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{base}/", server, headers={"Host": HOST})
        outcome = hammer(base, urls, seconds)
        delays, last_title = publish_while(base, outcome["threads"], article_id)
        report_load(outcome)
        print(f"  {len(delays)} edits published, visible after "
              f"{', '.join(f'{delay * 1000:.0f}' for delay in delays)} ms")
        if visible_within is None:
            check(bool(delays) and max(delays) < float("inf"),
                  "every edit visible (no server shows an older copy)")
        else:
            check(bool(delays) and max(delays) <= visible_within,
                  f"every edit visible within {visible_within:.0f} s")
        live = NewsArticlePage.objects.get(pk=article_id)
        check(live.title == last_title and live.live_revision.content["title"] == last_title,
              "no lost edit: the last title is the live one")
    finally:
        stop(server)


def ask_question(base: str) -> None:
    public_root = Site.objects.get(is_default_site=True).root_page
    contact = (ContactPage.objects.live().public().descendant_of(public_root)
               .filter(locale__language_code="fr").first())
    topic = ContactTopic.objects.filter(locale=contact.locale).first()
    url = f"{base}{contact.get_url_parts()[2]}"
    browser = requests.Session()
    browser.headers["Host"] = HOST
    browser.get(url, timeout=10)
    response = browser.post(url, {
        "topic": topic.pk, "subject": "Question pendant la panne", "message": "Bonjour.",
        "visitor_type": "partner", "name": "Anne Le Bihan", "email": "anne@example.org",
        "organisation": "", "consent": "on", "website": "",
        "csrfmiddlewaretoken": browser.cookies["csrftoken"]}, allow_redirects=False, timeout=30)
    check(response.status_code == 302, "the contact form accepts a question (redirect)")


def main():
    print(f"machine: {harness.machine()}; load generator: {harness.generator()}")
    seed()
    urls = [url for name, url in pages() if name not in {"ceiling (bare view)", "search"}]
    # A public article: the load is on the public site.
    article = (public_pages(NewsArticlePage.objects.live()).descendant_of(public_root())
               .order_by("-first_published_at").first())
    connection.close()
    env = app_environment(os.environ["DATABASE_URL"], MEDIA_ROOT=os.environ["MEDIA_ROOT"],
                          PRIVATE_MEDIA_ROOT=os.environ["PRIVATE_MEDIA_ROOT"])

    print(f"\n1. {LOAD_SECONDS:.0f} s at {CONNECTIONS} connections while an editor publishes"
          f" (Redis {REDIS_URL}, shared by the servers and the editor, as in production)")
    prefix = f"relais-load-{uuid.uuid4().hex[:12]}"
    try:
        with override_settings(CACHES=redis_caches(REDIS_URL, prefix)):
            phase({**env, "REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": prefix}, urls,
                  LOAD_SECONDS, article.pk)
    finally:
        forget_keys(prefix)

    mail_port = free_port()
    faults = {**env, "ELASTICSEARCH_URL": f"http://127.0.0.1:{free_port()}",
              "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0", "EMAIL_HOST": "127.0.0.1",
              "EMAIL_PORT": str(mail_port), "EMAIL_USE_TLS": "false"}
    print(f"\n2. {FAULT_SECONDS:.0f} s with Elasticsearch, Redis and the mail server down")
    questions = Question.objects.count()
    emails = set(OutgoingEmail.objects.values_list("pk", flat=True))
    phase(faults, [*urls, "/recherche/?q=patrimoine"], FAULT_SECONDS, article.pk,
          visible_within=None)
    port = free_port()
    server = start_gunicorn(faults, port, workers=1, settings="bench.settings")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(f"{base}/", server, headers={"Host": HOST})
        ask_question(base)
    finally:
        stop(server)
    check(Question.objects.count() == questions + 1, "the question is stored")
    waiting = OutgoingEmail.objects.exclude(pk__in=emails)
    check(waiting.exists() and not waiting.filter(status=EmailStatus.SENT).exists(),
          f"its {waiting.count()} e-mail(s) wait in the outbox "
          f"({', '.join(sorted({email.status for email in waiting}))})")

    mail = MailServer(mail_port).start()
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=mail_port,
                               EMAIL_USE_TLS=False, EMAIL_USE_SSL=False):
            for email in waiting:
                send_again(email)
    finally:
        mail.stop()
    check(len(mail.received) == waiting.count() and not waiting.exclude(
        status=EmailStatus.SENT).exists(), "the mail server is back: they leave")

    print(f"\n{'FAILED: ' + '; '.join(failures) if failures else 'all checks passed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
