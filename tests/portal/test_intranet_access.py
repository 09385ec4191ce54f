from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from portal.models import IntranetSettings
from tests.helpers.pages import add_page

Document = get_document_model()

pytestmark = pytest.mark.django_db


def restrict(page, *groups):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(groups)


@pytest.fixture
def spaces(intranet_home, directorates):
    network = add_page(intranet_home, "Vie du réseau", "vie-du-reseau", show_in_menus=True)
    bretagne = add_page(intranet_home, "Espace Bretagne", "espace-bretagne", show_in_menus=True)
    normandie = add_page(intranet_home, "Espace Normandie", "espace-normandie", show_in_menus=True)
    restrict(bretagne, directorates[0].staff_group)
    restrict(normandie, directorates[1].staff_group)
    return network, bretagne, normandie


def intranet_document(name="note.txt"):
    collection = IntranetSettings.load().intranet_collection
    document = Document(title="Note de service interne", collection=collection)
    document.file.save(name, ContentFile(b"confidentiel"), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    "path",
    ["/", "/vie-du-reseau/", "/en/", "/une-page-qui-n-existe-pas/", "/documents/1/note.txt",
     "/media/original_images/photo.jpg", "/admin/"],
)
def test_anonymous_visitor_of_any_intranet_url_is_sent_to_login_and_back(
    intranet_client, spaces, path
):
    response = intranet_client.get(path)
    assert response.status_code == 302
    location = urlparse(response["Location"])
    # The login page speaks the language of the page asked for.
    assert location.path == ("/en" if path.startswith("/en/") else "") + "/accounts/login/"
    assert parse_qs(location.query) == {"next": [path]}


def test_login_page_itself_is_open_on_the_intranet(intranet_client, sites):
    response = intranet_client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_partner_gets_a_dsfr_403_that_reveals_no_intranet_page(intranet_client, partner, spaces):
    intranet_client.force_login(partner)
    response = intranet_client.get("/vie-du-reseau/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "fr-header" in html and "Erreur 403" in html
    for title in ("Vie du réseau", "Espace Bretagne", "Espace Normandie"):
        assert title not in html


def test_staff_reads_the_intranet_home_and_network_pages(intranet_client, staff_bretagne, spaces):
    intranet_client.force_login(staff_bretagne)
    home = intranet_client.get("/")
    assert home.status_code == 200
    assert intranet_client.get("/vie-du-reseau/").status_code == 200


def test_each_agent_gets_the_menu_of_their_own_groups_from_the_cache(
    intranet_client, staff_bretagne, staff_normandie, directorates, spaces
):
    # The menu is kept per set of groups: a page without a list of spaces shows only it.
    intranet_client.force_login(staff_bretagne)
    html = intranet_client.get("/vie-du-reseau/").content.decode()
    assert "Espace Bretagne" in html and "Espace Normandie" not in html

    intranet_client.force_login(staff_normandie)
    html = intranet_client.get("/vie-du-reseau/").content.decode()
    assert "Espace Normandie" in html and "Espace Bretagne" not in html

    # A new group shows at once: the menu of the new set of groups is another entry.
    staff_normandie.groups.add(directorates[0].staff_group)
    html = intranet_client.get("/vie-du-reseau/").content.decode()
    assert "Espace Normandie" in html and "Espace Bretagne" in html


def test_directorate_space_is_for_its_own_staff_only(
    intranet_client, staff_bretagne, staff_normandie, spaces
):
    intranet_client.force_login(staff_bretagne)
    assert intranet_client.get("/espace-bretagne/").status_code == 200
    denied = intranet_client.get("/espace-normandie/")
    # A signed-in agent of another directorate gets a clear refusal, not a login loop.
    assert denied.status_code == 403
    html = intranet_client.get("/").content.decode()
    assert "Espace Bretagne" in html
    assert "Espace Normandie" not in html

    intranet_client.force_login(staff_normandie)
    html = intranet_client.get("/").content.decode()
    assert "Espace Normandie" in html and "Espace Bretagne" not in html


def test_superuser_sees_every_space(intranet_client, make_user, spaces):
    intranet_client.force_login(make_user("root@example.org", superuser=True))
    html = intranet_client.get("/").content.decode()
    assert "Espace Bretagne" in html and "Espace Normandie" in html


def test_public_host_never_routes_to_intranet_pages(public_client, spaces):
    for path in ("/intranet/", "/vie-du-reseau/", "/intranet/vie-du-reseau/"):
        assert public_client.get(path).status_code == 404


def test_public_pages_never_link_to_the_intranet(public_client, public_home, spaces):
    add_page(public_home, "Patrimoine", "patrimoine", show_in_menus=True)
    html = public_client.get("/").content.decode()
    assert "intranet.localhost" not in html
    assert "Vie du réseau" not in html and "Espace Bretagne" not in html


def test_intranet_documents_are_not_served_on_the_public_host(
    public_client, intranet_client, staff_bretagne, sites
):
    document = intranet_document()
    path = f"/documents/{document.pk}/{document.filename}"
    assert public_client.get(path).status_code == 404
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"confidentiel"


def test_public_documents_are_served_on_the_public_host(public_client, sites):
    document = Document(title="Rapport d'activité", collection=Collection.get_first_root_node())
    document.file.save("rapport.txt", ContentFile(b"public"), save=False)
    document.save()
    response = public_client.get(f"/documents/{document.pk}/{document.filename}")
    assert response.status_code == 200


def test_unknown_host_gets_400(client, sites):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Erreur 400" in response.content.decode()


def test_accented_slugs_work_on_both_sites(
    public_client, intranet_client, public_home, intranet_home, staff_bretagne
):
    add_page(public_home, "Événements d’été", "événements-été")
    add_page(intranet_home, "Comité de sécurité", "comité-sécurité")
    assert public_client.get("/événements-été/").status_code == 200
    assert public_client.get("/%C3%A9v%C3%A9nements-%C3%A9t%C3%A9/").status_code == 200
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get("/comité-sécurité/")
    assert response.status_code == 200
    assert "Comité de sécurité" in response.content.decode()
