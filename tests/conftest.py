"""Fixtures shared by every test: the two real sites, accounts in their real groups, clients
that speak to the public host or the intranet host."""

import os

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from pages.base.sites import ensure_sites
from portal.models import Directorate
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.caches import clear_caches
from tests.helpers.mailserver import MailServer, use_smtp_server

# Property-based tests (tests/security/test_fuzzing.py): a modest, repeatable number of
# examples, so that `make test` stays fast and CI fails or passes the same way every time.
# Each test resets what it changes between examples (a savepoint, the cache), hence the
# function-scoped fixtures.
hypothesis_settings.register_profile(
    "relais", max_examples=30, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("relais")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``elasticsearch`` run against a real cluster: without ELASTICSEARCH_URL
    they are deselected (reported as such), never skipped to green."""
    if os.environ.get("ELASTICSEARCH_URL", "").strip():
        return
    live = [item for item in items if item.get_closest_marker("elasticsearch")]
    if live:
        config.hook.pytest_deselected(items=live)
        items[:] = [item for item in items if not item.get_closest_marker("elasticsearch")]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate limits and TOTP replay protection live in the cache, the layout and the
    # anonymous page cache in a cache of their own.
    clear_caches()
    yield
    clear_caches()


@pytest.fixture(autouse=True)
def _media_roots(settings, tmp_path):
    # Uploaded files go to throw-away folders: the public one and the restricted one.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media_private"
    settings.SENDFILE_ROOT = str(settings.PRIVATE_MEDIA_ROOT)


@pytest.fixture
def sites(db):
    public, intranet = ensure_sites()
    return public, intranet


@pytest.fixture
def public_home(sites):
    return sites[0].root_page.specific


@pytest.fixture
def intranet_home(sites):
    return sites[1].root_page.specific


@pytest.fixture
def directorates(db):
    bretagne = Directorate(name="Direction régionale des affaires culturelles de Bretagne",
                           short_name="DRAC Bretagne", region_name="Bretagne")
    bretagne.save()
    normandie = Directorate(name="Direction régionale des affaires culturelles de Normandie",
                            short_name="DRAC Normandie", region_name="Normandie")
    normandie.save()
    return bretagne, normandie


@pytest.fixture
def make_user(db):
    return create_user


@pytest.fixture
def staff_bretagne(make_user, directorates):
    return make_user("agent.bretagne@example.org", directorates[0].staff_group,
                     first_name="Maël", last_name="Guéguen")


@pytest.fixture
def staff_normandie(make_user, directorates):
    return make_user("agent.normandie@example.org", directorates[1].staff_group)


@pytest.fixture
def partner(make_user):
    return make_user("partenaire@example.org", "Partenaires")


@pytest.fixture
def editor(make_user):
    return make_user("editrice@example.org", "Rédacteurs")


@pytest.fixture
def public_client():
    return Client(HTTP_HOST=settings.PUBLIC_HOST)


@pytest.fixture
def admin_client(public_client, make_user, sites):
    """A superuser signed in on the public host, with the TOTP the admin requires."""
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    return public_client


@pytest.fixture
def intranet_client():
    return Client(HTTP_HOST=settings.INTRANET_HOST)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    server = MailServer().start()
    use_smtp_server(settings, server)
    yield server
    server.stop()


@pytest.fixture
def smtp_server_down(settings):
    """Django's SMTP backend pointed at a loopback port where no server listens yet;
    ``.start()`` brings the server up on that port."""
    server = MailServer()
    use_smtp_server(settings, server)
    yield server
    server.stop()
