import pytest

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
