"""Who downloads what: public logos for everyone, partners-only ones for approved partners
who accepted the terms in force; every download recorded; ids changed in the URL lead
nowhere."""

import datetime as dt

import pytest
from django.utils import timezone

from branding.models import Download, Proof, TermsOfUse
from branding.models.assets import VariantKind
from portal.roles import PARTNERS
from tests.helpers.branding import approve, pdf_bytes
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db


def variant_of(logo, kind=VariantKind.WEB_MEDIUM):
    return logo.current_version().variants.get(kind=kind)


def download_url(variant):
    return f"/logos/fichiers/{variant.pk}/telecharger/"


def test_anyone_downloads_a_public_logo_and_it_is_recorded(public_client, public_logo, sites):
    variant = variant_of(public_logo)
    response = public_client.get(download_url(variant))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    record = Download.objects.get()
    assert (record.user, record.logo, record.variant, record.kind) == (
        None, public_logo, variant, VariantKind.WEB_MEDIUM)


def test_partner_files_ask_anonymous_visitors_to_sign_in(public_client, partner_logo, sites):
    response = public_client.get(download_url(variant_of(partner_logo)))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Download.objects.exists()


def test_an_account_without_approved_access_gets_a_403(public_client, partner, partner_logo,
                                                       sites):
    public_client.force_login(partner)  # in the Partners group, but never approved here
    assert public_client.get(download_url(variant_of(partner_logo))).status_code == 403
    assert "drac" not in public_client.get("/logos/fichiers/").content.decode()


def test_an_approved_partner_accepts_the_terms_before_the_first_download(
        public_client, approved_partner, partner_logo, terms, sites):
    public_client.force_login(approved_partner)
    url = download_url(variant_of(partner_logo))
    response = public_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/logos/conditions/?next={url}"
    assert not Download.objects.exists()
    refused = public_client.post("/logos/conditions/", {"next": url})
    assert refused.status_code == 200 and not terms.acceptances.exists()
    accepted = public_client.post("/logos/conditions/", {"accept": "on", "next": url})
    assert accepted["Location"] == url
    assert public_client.get(url).status_code == 200
    record = Download.objects.get()
    assert (record.user, record.email, record.organisation) == (
        approved_partner, approved_partner.email, "Festival des Vieilles Pierres")


def test_new_terms_are_asked_again(public_client, approved_partner, partner_logo, terms,
                                   sites):
    public_client.force_login(approved_partner)
    public_client.post("/logos/conditions/", {"accept": "on"})
    url = download_url(variant_of(partner_logo))
    assert public_client.get(url).status_code == 200
    TermsOfUse.objects.create(version="2026-2", text="Nouvelles conditions.")
    assert public_client.get(url)["Location"].startswith("/logos/conditions/")


def test_an_expired_version_is_no_longer_offered(public_client, public_logo, sites):
    version = public_logo.current_version()
    variant = variant_of(public_logo)
    version.expires_at = timezone.now() - dt.timedelta(minutes=1)
    version.save()
    assert public_logo.current_version() is None
    assert public_client.get(download_url(variant)).status_code == 404
    assert "JEP 2026" not in public_client.get("/logos/fichiers/").content.decode()


def test_the_portal_is_not_on_the_intranet(client, public_logo, staff_bretagne, sites):
    client.force_login(staff_bretagne)
    response = client.get(download_url(variant_of(public_logo)), HTTP_HOST=INTRANET_HOST)
    assert response.status_code == 404


def test_a_partner_cannot_read_another_partners_proof(public_client, approved_partner,
                                                      make_user, sites):
    from django.core.files.base import ContentFile

    other = make_user("autre@example.org", PARTNERS)
    approve(other, organisation="Musée")
    proof = Proof(partner=other, organisation="Musée", title="Affiche", kind="poster",
                  planned_date=timezone.localdate())
    proof.file.save("affiche.pdf", ContentFile(pdf_bytes()), save=False)
    proof.save()
    public_client.force_login(approved_partner)
    for suffix in ("", "fichier/", "apercu.png"):
        assert public_client.get(f"/logos/epreuves/{proof.pk}/{suffix}").status_code == 404


def test_the_logo_list_costs_the_same_whatever_the_number_of_logos(
        public_client, public_logo, approved_partner, terms, sites, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    public_client.force_login(approved_partner)
    public_client.get("/logos/fichiers/")
    with CaptureQueriesContext(connection) as one_logo:
        public_client.get("/logos/fichiers/")
    from branding.models import Logo

    second = Logo.objects.create(name="DRAC Bretagne", slug="drac2", owner="directorate")
    from tests.helpers.branding import make_version

    make_version(second, published_at=timezone.now() - dt.timedelta(days=1))
    # A new logo redraws the cached layout (portal.layout): compare warm pages.
    public_client.get("/logos/fichiers/")
    with CaptureQueriesContext(connection) as two_logos:
        response = public_client.get("/logos/fichiers/")
    html = response.content.decode()
    assert "JEP 2026" in html and "DRAC Bretagne" in html
    assert html.count("/telecharger/") == 2 * len(VariantKind.values)
    assert len(two_logos) == len(one_logo) <= 32
