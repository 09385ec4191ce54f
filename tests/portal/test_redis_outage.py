"""Redis down must not mean site down (issue 7, finding 3).

Every test speaks to a real Redis URL: a closed local port (nothing listens, connections are
refused), the shared server at 127.0.0.1:6379, or a redis-server of the test's own that is
killed and started again with its data, as after a network outage.
"""

import logging
import shutil
import signal
import socket
import subprocess
import time
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from wagtail.models import Locale

from pages.models import ContactPage, ContactTopic, Question
from portal.settings import redis_caches
from tests.helpers.accounts import PASSWORD
from tests.helpers.sites import PUBLIC_HOST

pytestmark = pytest.mark.django_db

SHARED_REDIS = "redis://127.0.0.1:6379/0"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis(settings, url, **options):
    """The production cache settings (portal.settings.redis_caches) pointed at ``url``."""
    caches_config = redis_caches(url)
    prefix = f"relais-test-{uuid.uuid4().hex}"
    for config in caches_config.values():
        config["KEY_PREFIX"] = prefix
        config["OPTIONS"].update(options)
    settings.CACHES = caches_config
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"
    return prefix


@pytest.fixture
def redis_down(settings):
    use_redis(settings, f"redis://127.0.0.1:{closed_port()}/0")


@pytest.fixture
def browser():
    """A client that checks CSRF tokens as a browser's requests would be checked."""
    return Client(HTTP_HOST=PUBLIC_HOST, enforce_csrf_checks=True)


def post_form(client, url, data):
    """Open the form's page first (the CSRF cookie), then post it with the token."""
    assert client.get(url).status_code == 200
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def sign_in(client, email, password=PASSWORD):
    return post_form(client, "/accounts/login/", {"login": email, "password": password})


def outage_logs(caplog):
    records = caplog.get_records("setup") + caplog.get_records("call")
    return [record.getMessage() for record in records
            if record.name == "portal.cache" and record.levelno == logging.WARNING]


@pytest.fixture
def contact_page(public_home):
    ContactTopic.objects.create(name="Archéologie", email="sra@example.org",
                                locale=Locale.objects.get(language_code="fr"))
    page = ContactPage(title="Nous contacter", slug="nous-contacter", retention_months=12)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def question(topic, **changes):
    return {"topic": topic.pk, "subject": "Fouilles", "message": "Bonjour, une question.",
            "visitor_type": "partner", "name": "Anne Le Bihan", "email": "anne@example.org",
            "organisation": "", "consent": "on", "website": "", **changes}


def test_pages_render_and_the_outage_is_logged_once(caplog, redis_down, browser, public_home):
    for _ in range(3):
        response = browser.get("/")
        assert response.status_code == 200
        assert public_home.title in response.content.decode()
    logs = outage_logs(caplog)
    # One line per cache (the default one, the layout's, sessions), not one per call.
    assert len(logs) <= 3 and logs, logs
    assert "unreachable" in logs[0] and "answering from" in logs[0]


def test_no_page_is_kept_in_a_servers_own_memory_while_redis_is_down(redis_down, browser,
                                                                     public_home):
    """Another server's publication would not reach that copy: each page is made afresh, and
    a publication shows at once."""
    assert [browser.get("/")["X-Relais-Cache"] for _ in range(2)] == ["miss", "miss"]
    public_home.title = "Bienvenue, nouvelle édition"
    public_home.save_revision().publish()
    assert "Bienvenue, nouvelle édition" in browser.get("/").content.decode()


def test_sign_in_and_out_work_with_sessions_in_the_database(redis_down, browser, partner, sites):
    response = sign_in(browser, partner.email)
    assert response.status_code == 302
    assert browser.get("/").wsgi_request.user == partner
    logged_out = post_form(browser, "/accounts/logout/", {})
    assert logged_out.status_code == 302
    assert not browser.get("/").wsgi_request.user.is_authenticated


def test_public_form_is_accepted_with_its_csrf_token(caplog, redis_down, browser, contact_page):
    topic = ContactTopic.objects.get()
    response = post_form(browser, contact_page.url, question(topic))
    assert response.status_code == 302
    assert Question.objects.get().subject == "Fouilles"
    # Without the token, the form is refused as before: CSRF protection still holds.
    forged = Client(HTTP_HOST=PUBLIC_HOST, enforce_csrf_checks=True).post(
        contact_page.url, question(topic))
    assert forged.status_code == 403
    assert any("local memory" in message for message in outage_logs(caplog))


def test_rate_limits_fall_back_to_local_memory(redis_down, browser, partner, contact_page):
    for _attempt in range(5):
        html = sign_in(browser, partner.email, "wrong").content.decode()
        assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    html = sign_in(browser, partner.email, PASSWORD).content.decode()
    assert "Trop de tentatives de connexion échouées." in html

    topic = ContactTopic.objects.get()
    statuses = [post_form(browser, contact_page.url, question(topic, subject=f"Q{n}")).status_code
                for n in range(6)]
    assert statuses == [302] * 5 + [429]  # the sixth question in ten minutes waits
    assert Question.objects.count() == 5


def test_with_redis_up_sessions_and_rate_limits_are_in_redis(settings, browser, partner, sites):
    prefix = use_redis(settings, SHARED_REDIS)
    server = redis.Redis.from_url(SHARED_REDIS)
    try:
        sign_in(browser, partner.email, "wrong")
        assert sign_in(browser, partner.email).status_code == 302
        assert browser.get("/").wsgi_request.user == partner
        keys = [key.decode() for key in server.scan_iter(f"{prefix}:*")]
        session_keys = [key for key in keys if "django.contrib.sessions.cached_db" in key]
        assert session_keys, keys
        assert 0 < server.ttl(session_keys[0]) <= 300  # MAX_TIMEOUT of the session cache
        assert any("allauth" in key and "login_failed" in key for key in keys), keys
        # What Redis holds is what the sites read: the session is found there first.
        session_key = browser.cookies["sessionid"].value
        assert caches["sessions"].get(f"django.contrib.sessions.cached_db{session_key}")
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test's own, that appends every write to disk before answering:
    killed and started again, it comes back with its data, like a server cut off by the
    network."""
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is needed (Debian package redis-server)")
    port = closed_port()
    processes = []

    def start():
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path),
             "--save", "", "--appendonly", "yes", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                return process
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill():
        processes[-1].send_signal(signal.SIGKILL)
        processes[-1].wait()

    start()
    yield f"redis://127.0.0.1:{port}/0", start, kill
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait()


def test_a_sign_out_during_the_outage_sticks_once_redis_is_back(settings, own_redis, partner,
                                                                 sites, caplog):
    url, start, kill = own_redis
    use_redis(settings, url, RETRY_SECONDS=0)
    caplog.set_level(logging.WARNING, logger="portal.cache")
    browser = Client(HTTP_HOST=PUBLIC_HOST)
    assert sign_in(browser, partner.email).status_code == 302
    stolen_cookie = browser.cookies["sessionid"].value

    kill()
    assert post_form(browser, "/accounts/logout/", {}).status_code == 302  # not in Redis
    start()
    assert redis.Redis.from_url(url).keys("*sessions*"), "Redis came back with the old session"

    other = Client(HTTP_HOST=PUBLIC_HOST)
    other.cookies["sessionid"] = stolen_cookie
    assert not other.get("/").wsgi_request.user.is_authenticated
    assert not redis.Redis.from_url(url).keys("*sessions*")
    assert any("answers again" in message for message in outage_logs(caplog))


@pytest.mark.parametrize("alias", ["default", "sessions", "layout"])
def test_every_cache_operation_answers_when_redis_is_down(redis_down, alias):
    cache = caches[alias]
    remembers = alias == "default"  # the default cache falls back to local memory
    assert cache.add("a", 1) is remembers
    cache.set("b", "deux")
    cache.set_many({"c": 3, "d": 4})
    assert cache.get("b") == ("deux" if remembers else None)
    assert cache.get("missing", "default") == "default"
    assert cache.get_many(["c", "d"]) == ({"c": 3, "d": 4} if remembers else {})
    assert cache.has_key("c") is remembers
    assert cache.get_or_set("e", 5) == 5
    if remembers:
        assert cache.incr("a") == 2
    else:
        with pytest.raises(ValueError):
            cache.incr("a")
    cache.touch("b", 10)
    cache.delete("b")
    cache.delete_many(["c", "d"])
    assert cache.get("b") is None and cache.get_many(["c", "d"]) == {}
    cache.clear()
