"""The page editor says which site one is editing: an intranet page is read by the staff (of
a directorate, when restricted), never "Visible to all"; the choosers opened from a public
page offer only what the public site may show."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Collection, PageViewRestriction

from portal.models import IntranetSettings
from portal.roles import EDITORS, MODERATORS
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.library import pdf_document
from tests.helpers.pages import add_page
from tests.helpers.sites import PUBLIC_HOST

pytestmark = pytest.mark.django_db


def french(message, **values):
    with translation.override("fr"):
        return gettext(message) % values if values else gettext(message)


@pytest.fixture
def editor(sites, directorates):
    user = create_user("redactrice@example.org", EDITORS, directorates[0].staff_group)
    activate_totp(user)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(user)
    return client


@pytest.fixture
def pages(public_home, intranet_home, directorates):
    network = add_page(intranet_home, "Vie du réseau", "vie-du-reseau")
    space = add_page(intranet_home, "Espace DRAC Bretagne", "espace-bretagne")
    restriction = PageViewRestriction.objects.create(
        page=space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([directorates[0].staff_group])
    note = add_page(space, "Note de service", "note")
    public = add_page(public_home, "Patrimoine", "patrimoine")
    return {"network": network, "space": space, "note": note, "public": public}


def status(client, page):
    """The privacy status of the page editor's side panel, as it is drawn first."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    shown = [zone for zone in html.split("data-page-readers=")[1:]
             if "w-hidden" not in re.search(r'class="([^"]*)"', zone).group(1)]
    return shown[0].split("</h3>")[0]


def test_a_network_page_is_read_by_the_staff(editor, pages):
    shown = status(editor, pages["network"])
    assert french("Intranet — staff") in shown
    assert french("Visible to all") not in shown


def test_a_directorate_page_names_its_directorate(editor, pages):
    for page in (pages["space"], pages["note"]):
        assert french("Intranet — staff of %(names)s", names="DRAC Bretagne") in status(
            editor, page)


def test_a_public_page_is_visible_to_all(editor, pages):
    shown = status(editor, pages["public"])
    assert french("Visible to all") in shown
    assert french("Intranet — staff") not in shown


def test_the_page_header_says_so_too(editor, pages):
    html = editor.get(f"/admin/pages/{pages['network'].pk}/edit/").content.decode()
    assert f'data-w-tooltip-content-value="{french("Intranet — staff")}"' in html


def test_the_privacy_dialog_names_the_directorate_groups_in_words(pages, directorates):
    moderator = create_user("moderateur@example.org", MODERATORS, directorates[0].staff_group)
    activate_totp(moderator)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{pages['space'].pk}/privacy/")
    html = response.json()["html"]
    assert "Agents – DRAC Bretagne" in html
    assert "Staff" not in html


def referer(page):
    return f"http://{PUBLIC_HOST}/admin/pages/{page.pk}/edit/"


def test_the_page_chooser_of_a_public_page_offers_public_pages_only(editor, pages,
                                                                    public_home):
    response = editor.get("/admin/choose-page/search/?q=Vie", HTTP_REFERER=referer(
        pages["public"]))
    assert "Vie du réseau" not in response.content.decode()
    response = editor.get("/admin/choose-page/search/?q=Patrimoine",
                          HTTP_REFERER=referer(pages["public"]))
    assert "Patrimoine" in response.content.decode()
    # From an intranet page, intranet pages are offered.
    response = editor.get("/admin/choose-page/search/?q=Vie", HTTP_REFERER=referer(
        pages["network"]))
    assert "Vie du réseau" in response.content.decode()


def test_the_document_chooser_of_a_public_page_offers_public_collections_only(editor, pages):
    intranet = IntranetSettings.load().intranet_collection
    pdf_document("Rapport public")
    internal = pdf_document("Note interne")
    internal.collection = intranet
    internal.save()
    assert internal.collection != Collection.get_first_root_node()
    offered = editor.get("/admin/documents/chooser/", HTTP_REFERER=referer(pages["public"]))
    html = offered.content.decode()
    assert "Rapport public" in html
    assert "Note interne" not in html
    offered = editor.get("/admin/documents/chooser/", HTTP_REFERER=referer(pages["network"]))
    assert "Note interne" in offered.content.decode()


def test_a_public_pages_header_keeps_wagtails_words(editor, pages):
    html = editor.get(f"/admin/pages/{pages['public'].pk}/edit/").content.decode()
    assert f'data-w-tooltip-content-value="{french("Visible to all")}"' in html
    assert f'data-w-tooltip-content-value="{french("Private")}"' in html
    aria = french("%(label)s. Visit the live page", label=french("Visible to all"))
    assert f'aria-label="{aria}"' in html
