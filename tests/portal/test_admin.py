import pytest
from django.contrib.auth.models import Group

from portal.models import Directorate, SiteIdentity

pytestmark = pytest.mark.django_db


def test_admin_lists_directorates_and_creating_one_creates_its_staff_group(admin_client):
    response = admin_client.get("/admin/snippets/portal/directorate/")
    assert response.status_code == 200
    response = admin_client.post("/admin/snippets/portal/directorate/add/", {
        "name": "Direction régionale des affaires culturelles de Corse",
        "short_name": "DRAC Corse", "slug": "", "region_name": "Corse",
    })
    assert response.status_code == 302
    directorate = Directorate.objects.get(short_name="DRAC Corse")
    assert directorate.slug == "drac-corse"
    assert Group.objects.filter(name="Agents – DRAC Corse", directorate=directorate).exists()


def test_site_identity_is_edited_per_site_in_the_admin(admin_client, sites):
    public, _intranet = sites
    url = f"/admin/settings/portal/siteidentity/{public.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {
        "ministry_name": "Ministère\nde la Culture",
        "directorate_name": "DRAC Bretagne",
        "tagline": "", "footer_description": "", "postal_address": "", "phone": "",
        "contact_email": "pas-une-adresse",
    })
    assert response.status_code == 200  # the form comes back with the error
    assert "contact_email" in response.context["form"].errors
    assert SiteIdentity.for_site(public).directorate_name != "DRAC Bretagne"


def test_page_explorer_and_editor_open_for_both_sites(admin_client, public_home, intranet_home):
    for home in (public_home, intranet_home):
        assert admin_client.get(f"/admin/pages/{home.pk}/").status_code == 200
        assert admin_client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200
        add = admin_client.get(f"/admin/pages/add/pages/standardpage/{home.pk}/")
        assert add.status_code == 200


def test_the_admin_asks_gravatar_for_no_avatar(admin_client):
    """Our Content-Security-Policy allows no third-party image, and Gravatar would learn who
    works in the admin: the avatar is Wagtail's default one."""
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = admin_client.get(url).content.decode().lower()
        assert "gravatar" not in html and "default-user-avatar" in html, url
