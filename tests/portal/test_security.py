from datetime import datetime, timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_and_foreign_scripts(public_client, public_home):
    policy = public_client.get("/")["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "object-src 'none'" in policy
    assert "frame-src 'self' https://www.youtube-nocookie.com" in policy


def test_error_and_account_pages_carry_the_policy_too(public_client, sites):
    assert "script-src 'self'" in public_client.get("/nulle-part/")["Content-Security-Policy"]
    assert "script-src 'self'" in public_client.get("/accounts/login/")["Content-Security-Policy"]


def test_the_wagtail_admin_is_left_to_wagtail(public_client, sites):
    response = public_client.get("/admin/", follow=False)
    assert "Content-Security-Policy" not in response


@pytest.mark.parametrize("client_name", ["public_client", "intranet_client"])
def test_both_sites_say_where_to_report_a_vulnerability(request, client_name, sites, settings):
    settings.SECURITY_CONTACT = "securite@culture.example.org"
    response = request.getfixturevalue(client_name).get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:securite@culture.example.org"
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    assert expires > timezone.now() + timedelta(days=300)  # RFC 9116: in the future
    assert fields["Expires"].endswith("Z")
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_a_contact_page_can_be_given_instead_of_an_address(public_client, sites, settings):
    settings.SECURITY_CONTACT = "https://www.example.gouv.fr/securite/"
    body = public_client.get("/.well-known/security.txt").content.decode()
    assert "Contact: https://www.example.gouv.fr/securite/\n" in body
