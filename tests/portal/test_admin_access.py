"""A signed-in account without admin access gets a DSFR 403 page at /admin/, not a loop
between the admin and the login page (issue 7, finding 6)."""

import pytest
from django.test import Client

from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("host", [PUBLIC_HOST, INTRANET_HOST])
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/documents/?q=guide"])
@pytest.mark.parametrize("account", ["partner", "staff_bretagne"])
def test_an_account_without_admin_access_gets_a_403_page(request, sites, account, host, path):
    user = request.getfixturevalue(account)
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 403
    html = response.content.decode()
    assert "fr-header" in html and "Erreur 403" in html
    # The page says which account is signed in and that the administration is not for it.
    assert response.context["admin_denied"] is True
    assert user.email in html


def test_the_login_page_no_longer_sends_it_back_to_the_admin(public_client, partner, sites):
    public_client.force_login(partner)
    response = public_client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


def test_anonymous_visitors_are_still_asked_to_sign_in(public_client, sites):
    response = public_client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/pages/")


def test_editors_and_administrators_keep_the_admin(admin_client, public_home):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get(f"/admin/pages/{public_home.pk}/").status_code == 200
