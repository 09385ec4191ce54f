"""Fixtures shared by every test: the two real sites, accounts in their real groups, clients
that speak to the public host or the intranet host."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from pages.models import StandardPage
from pages.sites import ensure_sites
from portal.models import Directorate, User

PASSWORD = "a-long-test-password-42"
PUBLIC_HOST = settings.PUBLIC_HOST
INTRANET_HOST = settings.INTRANET_HOST


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate limits and TOTP replay protection live in the cache.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
    def make(email, *groups, superuser=False, password=PASSWORD, **fields):
        user = User.objects.create_user(email=email, password=password, is_superuser=superuser,
                                        is_staff=superuser, **fields)
        for group in groups:
            user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def staff_bretagne(make_user, directorates):
    return make_user("agent.bretagne@example.org", directorates[0].staff_group,
                     first_name="Maël", last_name="Guéguen")


@pytest.fixture
def staff_normandie(make_user, directorates):
    return make_user("agent.normandie@example.org", directorates[1].staff_group)


@pytest.fixture
def partner(make_user):
    return make_user("partenaire@example.org", "Partners")


@pytest.fixture
def editor(make_user):
    return make_user("editrice@example.org", "Editors")


@pytest.fixture
def public_client():
    return Client(HTTP_HOST=PUBLIC_HOST)


@pytest.fixture
def admin_client(public_client, make_user, sites):
    """A superuser signed in on the public host, with the TOTP the admin requires."""
    admin = make_user("root@example.org", superuser=True)
    activate_totp(admin)
    public_client.force_login(admin)
    return public_client


@pytest.fixture
def intranet_client():
    return Client(HTTP_HOST=INTRANET_HOST)


def add_page(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
