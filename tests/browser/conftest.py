"""Playwright driving Debian's chromium (never a downloaded browser) against a live server."""

import datetime as dt
import os
import shutil
import threading
import time
from types import SimpleNamespace

import pytest
from django.core.signals import request_finished, request_started
from wagtail.models import Locale

from events.models import EventStatus, Region
from events.officers import OFFICER_GROUP
from events.seeding import ensure_national_event, ensure_regional_pages
from pages.contact.models import Question
from pages.models import NewsArticlePage, NewsIndexPage
from portal.models import Directorate
from portal.roles import EDITORS, MODERATORS
from tests.helpers.accounts import activate_totp
from tests.helpers.events import make_event

# Playwright's sync API runs an event loop in this thread; the ORM calls our fixtures make
# from it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI must run the browser tests: install Debian's chromium.")
    reason = "Debian's chromium is not on PATH (apt-get install chromium); browser tests not run"
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.skipif(True, reason=reason))


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright's event loop gives this thread a fresh set of Django connection
    # objects; keep the ones the test database was set up on (and serialized from), as the
    # transactional tests' rollback needs them.
    with django_db_blocker.unblock():
        test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def person_user_agent(browser):
    """The User-Agent of a person's Chrome: headless chromium says "HeadlessChrome", which
    the download counter, like any audience measure, takes for a robot."""
    return (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/{browser.version} Safari/537.36")


class RequestsInProgress:
    """How many requests the live server is handling: Django's ``request_started`` and
    ``request_finished`` (sent once the response is closed, streamed files included). The
    server's handler threads are daemon threads that socketserver does not keep, so they
    cannot be joined."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        request_started.connect(self.started, weak=False, dispatch_uid="relais-tests-started")
        request_finished.connect(self.finished, weak=False,
                                 dispatch_uid="relais-tests-finished")

    # The live server answers in threads of its own; the test client, in the test's thread,
    # is not counted (a streamed response it never reads is never closed).
    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count += 1

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count -= 1


REQUESTS = RequestsInProgress()


def wait_for_requests_in_progress(timeout=10.0):
    """Let the live server finish the requests it has already received. On SQLite the server
    thread shares the test's connection: a request still running (the admin's editing-session
    ping, a file still streaming) while the test's data is flushed writes rows pointing at
    deleted ones, and the flush fails on its foreign keys."""
    deadline = time.monotonic() + timeout
    while REQUESTS.count > 0 and time.monotonic() < deadline:
        time.sleep(0.02)


def stop_all_requests(context):
    """Refuse every request a page still makes (a periodic ping, the beacon sent as a page is
    left), then leave each page, so that nothing reaches the server once the test ends."""
    context.route("**/*", lambda route: route.abort())
    for page in context.pages:
        page.goto("about:blank")


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in separate browser contexts (separate people); all closed after the test,
    so that no request of theirs reaches the server once the test's data is gone."""
    contexts, csp_violations = [], []

    def record_csp_violation(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(message.text)

    def open_page():
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900},
                                      user_agent=person_user_agent(browser))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", record_csp_violation)
        return page

    yield open_page
    for context in contexts:
        stop_all_requests(context)
        context.close()
    wait_for_requests_in_progress()
    assert not csp_violations, f"The browser blocked content: {csp_violations}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def urls(live_server):
    port = live_server.url.rsplit(":", 1)[1]
    return {"public": f"http://localhost:{port}", "intranet": f"http://intranet.localhost:{port}"}


@pytest.fixture
def waiting_work(sites, make_user):
    """A DRAC Bretagne moderator (TOTP set up, ``secret``) whose dashboard lists one of each
    thing that waits: a news article an editor submitted (``article``, not live yet), a local
    event to moderate, a question from the public."""
    bretagne = Directorate.objects.create(name="DRAC de Bretagne", short_name="DRAC Bretagne",
                                          region_name="Bretagne")
    moderator = make_user("moderateur@example.org", MODERATORS, OFFICER_GROUP,
                          bretagne.staff_group, first_name="Yann")
    editor = make_user("editrice@example.org", EDITORS)
    home = sites[0].root_page
    news = NewsIndexPage(title="Actualités", slug="actualites")
    home.add_child(instance=news)
    news.save_revision().publish()
    article = NewsArticlePage(title="Restauration du vitrail", slug="vitrail", live=False)
    news.add_child(instance=article)
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    edition = ensure_national_event(home.specific, 2026)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    make_event(edition, make_user("organisatrice@example.org"), title="Visite de la chapelle",
               status=EventStatus.SUBMITTED,
               submitted_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    Question(name="Anne", email="anne@example.org", subject="Fouilles à Rennes",
             message="…", locale=Locale.get_default()).save()
    return SimpleNamespace(moderator=moderator, secret=activate_totp(moderator),
                           article=article)
