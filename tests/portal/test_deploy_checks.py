"""Production settings pass Django's deployment checks, every response carries a
Content-Security-Policy, nothing of ours is framed, and intranet sessions end after a period
of inactivity (issue 7, finding 10)."""

import os
import re
import secrets
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client

from portal.intranet import LAST_ACTIVITY_KEY
from portal.security import ContentSecurityPolicyMiddleware
from tests.helpers.pages import add_page
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST
from tests.portal.test_settings import PRODUCTION_ENV

pytestmark = pytest.mark.django_db


def manage(*arguments, **environment):
    # A server's environment: nothing of the tests' own (the browser tests allow async-unsafe
    # calls, which check --deploy rightly refuses).
    env = {key: value for key, value in os.environ.items()
           if key not in PRODUCTION_ENV and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
           and not key.startswith(("OIDC_", "SECURE_"))}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", **environment)
    return subprocess.run([sys.executable, "manage.py", *arguments], env=env,
                          cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    **{**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_options_can_be_turned_off_and_check_deploy_says_so():
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    **{**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50),
                       "SECURE_HSTS_PRELOAD": "false", "SECURE_SSL_REDIRECT": "false"})
    assert result.returncode != 0
    assert "security.W021" in result.stderr and "security.W008" in result.stderr


# --- Framing and Content-Security-Policy ----------------------------------------------------

def test_pages_may_not_be_framed(public_client, public_home):
    response = public_client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_wagtail_previews_may_still_be_framed_by_the_admin(admin_client, public_home):
    page = add_page(public_home, "Patrimoine", "patrimoine")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("path,content_type", [
    ("/robots.txt", "text/plain"),
    ("/sitemap.xml", "application/xml"),
    ("/evenements/export.csv", "text/csv"),
    ("/evenements/export.json", "application/json"),
    ("/evenements/flux.ics", "text/calendar"),
])
def test_non_html_responses_allow_nothing(public_client, public_home, path, content_type):
    response = public_client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    policy = response["Content-Security-Policy"]
    assert policy.startswith("default-src 'none';")
    assert "frame-ancestors 'none'" in policy
    assert "script-src" not in policy


def test_a_feed_allows_nothing(public_client, public_home):
    from pages.models import NewsIndexPage

    news = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=news)
    news.save_revision().publish()
    response = public_client.get(news.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none';")


@pytest.mark.parametrize("content_type,allows_nothing", [
    ("image/svg+xml", True), ("text/plain; charset=utf-8", True),
    ("application/pdf", False),  # the browsers' PDF viewers need their own resources
])
def test_files_get_a_policy_and_a_view_may_set_a_stricter_one(rf, content_type, allows_nothing):
    request = rf.get("/documents/1/fichier")
    served = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(
        b"<svg><script>alert(1)</script></svg>", content_type=content_type))(request)
    policy = served["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert policy.startswith("default-src 'none';") is allows_nothing

    sandboxed = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(
        headers={"Content-Security-Policy": "sandbox"}, content_type=content_type))(request)
    assert sandboxed["Content-Security-Policy"] == "sandbox"


# --- Intranet sessions end after inactivity ---------------------------------------------------

def signed_in_on_the_intranet(user, seconds_since_last_request):
    client = Client(HTTP_HOST=INTRANET_HOST)
    client.force_login(user)
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds_since_last_request
    session.save()
    return client


def test_an_idle_intranet_session_is_signed_out(staff_bretagne, intranet_home, settings):
    settings.INTRANET_SESSION_IDLE_MINUTES = 120
    client = signed_in_on_the_intranet(staff_bretagne, 121 * 60)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/")
    login_page = client.get(response["Location"])
    assert not login_page.wsgi_request.user.is_authenticated
    # The login page says why: "signed out after 120 minutes without activity".
    alert = re.search(r'fr-alert--info[^>]*>\s*<p>([^<]*)</p>', login_page.content.decode())
    assert alert and "120" in alert.group(1)


def test_an_active_intranet_session_goes_on(staff_bretagne, intranet_home, settings):
    settings.INTRANET_SESSION_IDLE_MINUTES = 120
    client = signed_in_on_the_intranet(staff_bretagne, 119 * 60)
    assert client.get("/").status_code == 200
    # The request counts as activity: the clock starts again.
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5
    assert client.get("/").status_code == 200


def test_a_new_sign_in_starts_the_clock(staff_bretagne, intranet_home):
    client = Client(HTTP_HOST=INTRANET_HOST)
    client.force_login(staff_bretagne)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5


def test_the_public_site_keeps_its_sessions(staff_bretagne, public_home):
    client = Client(HTTP_HOST=PUBLIC_HOST)
    client.force_login(staff_bretagne)
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - 10 * 3600
    session.save()
    assert client.get("/").wsgi_request.user == staff_bretagne
