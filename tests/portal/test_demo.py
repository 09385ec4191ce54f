from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageViewRestriction, Site

from portal.demo import DEMO_PASSWORD
from portal.models import Directorate, User

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "directorates": Directorate.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "emails": EmailAddress.objects.count(),
    }


def test_demo_loads_both_sites_and_running_it_twice_duplicates_nothing():
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    # Three DRAC and the network's secretariat.
    assert first["sites"] == 2 and first["directorates"] == 4
    assert Page.objects.filter(locale__language_code="en").count() >= 3
    # One space per directorate, and one intranet news article for one directorate's staff.
    assert PageViewRestriction.objects.count() == 5


def test_demo_accounts_sign_in_with_the_documented_password(client):
    call_command("load_demo", stdout=StringIO())
    for email in ("admin@relais.localhost", "editrice@relais.localhost",
                  "agent.bretagne@relais.localhost", "agent.normandie@relais.localhost",
                  "partenaire@relais.localhost"):
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
    assert User.objects.get(email="agent.bretagne@relais.localhost").can_access_intranet
    assert not User.objects.get(email="partenaire@relais.localhost").can_access_intranet


def test_demo_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_setup_sites_follows_the_configured_hostnames(settings):
    call_command("setup_sites", stdout=StringIO())
    settings.PUBLIC_HOSTNAME, settings.PUBLIC_PORT = "www.culture-bretagne.example.org", None
    settings.INTRANET_HOSTNAME, settings.INTRANET_PORT = "intranet.example.org", 8443
    call_command("setup_sites", stdout=StringIO())
    assert sorted(Site.objects.values_list("hostname", "port", "is_default_site")) == [
        ("intranet.example.org", 8443, False),
        ("www.culture-bretagne.example.org", 80, True),
    ]


def test_demo_intranet_speaks_for_the_network_to_every_agent(intranet_client):
    call_command("load_demo", stdout=StringIO())
    for email, own, other in (("agent.normandie@relais.localhost", "Normandie", "Bretagne"),
                              ("agent.bretagne@relais.localhost", "Bretagne", "Normandie")):
        intranet_client.force_login(User.objects.get(email=email))
        html = intranet_client.get("/").content.decode()
        header = html.split('role="banner"', 1)[1].split("</header>", 1)[0]
        footer = html.split("<footer", 1)[1].split("</footer>", 1)[0]
        for part in (header, footer):
            assert "Réseau des directions régionales" in part
            assert "Bretagne" not in part and "Rennes" not in part
        space = html.split('id="mon-espace"', 1)[1].split("</section>", 1)[0]
        assert f"Espace DRAC {own}" in space and other not in space
