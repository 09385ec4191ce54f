"""A partner signs up and asks for access, an officer approves, the partner accepts the terms,
downloads a PNG and sends a proof, which the officer approves."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from branding.models import Logo, PartnerAccess, Proof, TermsOfUse
from branding.models.assets import LogoOwner
from tests.helpers.accounts import PASSWORD, activate_totp, current_totp_code
from tests.helpers.branding import make_version, pdf_bytes

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "festival@example.org"


@pytest.fixture
def logo(sites):
    logo = Logo.objects.create(name="DRAC Bretagne", slug="drac", owner=LogoOwner.DIRECTORATE)
    make_version(logo, published_at=timezone.now() - dt.timedelta(days=1))
    TermsOfUse.objects.create(version="2026-1", text="Reproduce the logos unchanged.",
                              published_at=timezone.now() - dt.timedelta(days=1))
    return logo


@pytest.fixture
def officer(make_user):
    user = make_user("officier@example.org")
    user.user_permissions.add(*Permission.objects.filter(codename__in=[
        "access_admin", "review_partners", "view_partneraccess", "view_proof"]))
    return user, activate_totp(user)


def sign_in(page, urls, email, next_path):
    page.context.clear_cookies()
    page.goto(urls["public"] + f"/en/accounts/login/?next={next_path}")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def officer_opens(page, urls, officer, path):
    user, secret = officer
    page.context.clear_cookies()
    page.goto(urls["public"] + path)
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.locator("input[name=code]").fill(current_totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def test_partner_journey_from_sign_up_to_an_approved_proof(page, new_page, urls, logo, officer,
                                                           tmp_path):
    # The partner signs up, confirms the address, and asks for access.
    page.goto(urls["public"] + "/en/accounts/signup/")
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://localhost:8000", urls["public"]))
    page.locator("main form button[type=submit]").click()
    page.goto(urls["public"] + "/en/logos/acces/")
    page.get_by_label("Organisation").fill("Festival des Vieilles Pierres")
    page.get_by_label("Project or grant reference").fill("DRAC-BRE-2026-0142")
    page.get_by_label("Intended use").fill("Posters and programme of the 2026 festival")
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("[data-status=pending]")).to_be_visible()

    # The officer approves in the admin (in a browser of their own: a TOTP code is
    # accepted once, so they sign in once).
    access = PartnerAccess.objects.get(user__email=EMAIL)
    desk = new_page()
    officer_opens(desk, urls, officer, f"/admin/logo-portal/partners/{access.pk}/review/")
    expect(desk.get_by_text("DRAC-BRE-2026-0142")).to_be_visible()
    desk.locator("input[name=decision][value=approved]").check()
    desk.locator("main form[method=post] button[type=submit]").click()
    expect(desk).to_have_url(re.compile(r"/admin/branding_partners/$"))

    # The partner accepts the terms, then downloads the medium web PNG.
    sign_in(page, urls, EMAIL, "/en/logos/fichiers/")
    page.get_by_role("link", name="Read and accept the terms").click()
    expect(page.get_by_text("Reproduce the logos unchanged.")).to_be_visible()
    page.get_by_text("I have read and accept these terms of use").click()  # DSFR checkbox
    page.get_by_role("button", name="Accept and continue").click()
    expect(page).to_have_url(re.compile(r"/en/logos/fichiers/$"))
    with page.expect_download() as download_info:
        page.locator("a[data-kind=web-medium]").click()
    assert download_info.value.path().read_bytes().startswith(b"\x89PNG")
    assert download_info.value.suggested_filename == "drac-v1-web-800.png"

    # The partner sends a proof of the poster.
    proof_file = tmp_path / "affiche.pdf"
    proof_file.write_bytes(pdf_bytes())
    page.goto(urls["public"] + "/en/logos/epreuves/nouvelle/")
    page.get_by_label("Title").fill("Poster 2026")
    page.get_by_label("Kind of document").select_option("poster")
    page.get_by_label("Planned print or publication date").fill(
        (timezone.localdate() + dt.timedelta(days=8)).isoformat())
    page.locator("input[name=file]").set_input_files(str(proof_file))
    page.get_by_role("button", name="Send the proof").click()
    expect(page.locator("[data-status=submitted]")).to_be_visible()

    # The officer sees the preview and approves.
    proof = Proof.objects.get()
    desk.goto(urls["public"] + f"/admin/logo-portal/proofs/{proof.pk}/review/")
    expect(desk.locator("main img[src$='/apercu.png']")).to_be_visible()
    desk.locator("input[name=decision][value=approved]").check()
    desk.locator("main form[method=post] button[type=submit]").click()
    expect(desk).to_have_url(re.compile(r"/admin/branding_proofs/$"))

    sign_in(page, urls, EMAIL, f"/en/logos/epreuves/{proof.pk}/")
    expect(page.locator("[data-status=approved]")).to_be_visible()
    expect(page.locator("[data-step=approved]")).to_be_visible()
