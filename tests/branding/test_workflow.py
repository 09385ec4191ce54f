"""Partners ask for access and send proofs; officers decide in the admin; e-mails go both
ways through the outbox; the dashboard shows proofs due soon; downloads export."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from branding.models import PartnerAccess, Proof
from portal.outbox.models import OutgoingEmail
from portal.roles import PARTNERS
from tests.helpers.branding import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def test_a_partner_asks_for_access_and_an_officer_approves(public_client, make_user, reviewer,
                                                           sites):
    newcomer = make_user("musee@example.org")
    public_client.force_login(newcomer)
    response = public_client.post("/logos/acces/", {
        "organisation": "Musée de Pont-Aven", "project_reference": "DRAC-2026-77",
        "intended_use": "Affiche de l’exposition"})
    assert response.status_code == 302
    access = PartnerAccess.objects.get(user=newcomer)
    to_officer = OutgoingEmail.objects.about(access).get()
    assert to_officer.to == reviewer.email and "Musée de Pont-Aven" in to_officer.body
    assert to_officer.body.startswith("Bonjour,")
    assert f"/admin/logo-portal/partners/{access.pk}/review/" in to_officer.body

    public_client.force_login(reviewer)
    page = public_client.get(f"/admin/logo-portal/partners/{access.pk}/review/")
    assert page.status_code == 200 and "DRAC-2026-77" in page.content.decode()
    missing_reason = public_client.post(f"/admin/logo-portal/partners/{access.pk}/review/",
                                        {"decision": "refused"})
    assert missing_reason.status_code == 200
    public_client.post(f"/admin/logo-portal/partners/{access.pk}/review/",
                       {"decision": "approved"})
    access.refresh_from_db()
    assert access.is_approved and access.decided_by == reviewer
    assert newcomer.groups.filter(name=PARTNERS).exists()
    to_partner = OutgoingEmail.objects.about(access).get(to=newcomer.email)
    assert "/logos/fichiers/" in to_partner.body
    assert to_partner.body.startswith("Bonjour,")


def test_a_partner_may_not_decide(public_client, approved_partner, sites):
    access = approved_partner.partner_access
    public_client.force_login(approved_partner)
    response = public_client.get(f"/admin/logo-portal/partners/{access.pk}/review/")
    assert response.status_code in (302, 403)


def test_a_proof_goes_to_the_officers_and_back(public_client, approved_partner, reviewer,
                                               sites):
    public_client.force_login(approved_partner)
    planned = timezone.localdate() + dt.timedelta(days=5)
    response = public_client.post("/logos/epreuves/nouvelle/", {
        "title": "Affiche 2026", "kind": "poster", "planned_date": planned.isoformat(),
        "file": upload("affiche.pdf", pdf_bytes(), "application/pdf")})
    proof = Proof.objects.get()
    assert response["Location"] == f"/logos/epreuves/{proof.pk}/"
    assert proof.preview.name.endswith(".png") and proof.status == "submitted"
    assert OutgoingEmail.objects.about(proof).get().to == reviewer.email
    preview = public_client.get(f"/logos/epreuves/{proof.pk}/apercu.png")
    assert b"".join(preview.streaming_content).startswith(b"\x89PNG")

    public_client.force_login(reviewer)
    dashboard = public_client.get("/admin/").content.decode()
    assert "Affiche 2026" in dashboard  # due within ten days
    review = f"/admin/logo-portal/proofs/{proof.pk}/review/"
    assert public_client.post(review, {"decision": "changes"}).status_code == 200  # no comment
    public_client.post(review, {"decision": "changes", "comment": "Le bloc-marque en premier."})
    proof.refresh_from_db()
    assert proof.status == "changes"
    to_partner = OutgoingEmail.objects.about(proof).get(to=approved_partner.email)
    assert "Le bloc-marque en premier." in to_partner.body

    public_client.force_login(approved_partner)
    page = public_client.get(f"/logos/epreuves/{proof.pk}/").content.decode()
    assert "Le bloc-marque en premier." in page
    public_client.post(f"/logos/epreuves/{proof.pk}/", {
        "file": upload("affiche-v2.png", __import__("tests.helpers.branding", fromlist=["x"])
                       .png_bytes((800, 1100)), "image/png"),
        "planned_date": planned.isoformat(), "comment": "Corrigé"})
    proof.refresh_from_db()
    assert proof.status == "submitted" and proof.file.name.endswith(".png")

    public_client.force_login(reviewer)
    public_client.post(review, {"decision": "approved", "comment": ""})
    proof.refresh_from_db()
    assert proof.status == "approved"
    assert [step.kind for step in proof.steps.all()] == [
        "submitted", "changes", "resubmitted", "approved"]


def test_a_refused_proof_format_saves_nothing(public_client, approved_partner, sites):
    public_client.force_login(approved_partner)
    response = public_client.post("/logos/epreuves/nouvelle/", {
        "title": "Affiche", "kind": "poster", "planned_date": "2026-12-31",
        "file": upload("affiche.pdf", b"GIF89a" + b"\0" * 50)})
    assert response.status_code == 200
    assert "PDF, PNG" in response.content.decode() or "PDF, PNG" in str(
        response.context["form"].errors)
    assert not Proof.objects.exists()


def test_only_approved_partners_send_proofs(public_client, partner, sites):
    public_client.force_login(partner)
    assert public_client.get("/logos/epreuves/nouvelle/").status_code == 403


def test_officers_export_the_downloads(public_client, public_logo, admin_client, sites):
    variant = public_logo.current_version().variants.first()
    public_client.get(f"/logos/fichiers/{variant.pk}/telecharger/")
    csv = admin_client.get("/admin/branding_downloads/?export=csv")
    assert csv.status_code == 200
    assert "JEP 2026" in b"".join(csv.streaming_content).decode() if csv.streaming else (
        "JEP 2026" in csv.content.decode())
    counts = admin_client.get("/admin/logo-portal/download-counts/?export=xlsx")
    assert counts.status_code == 200
    assert "spreadsheetml" in counts["Content-Type"]


def test_an_old_proof_file_keeps_its_step(approved_partner):
    proof = Proof(partner=approved_partner, organisation="F", title="A", kind="poster",
                  planned_date=timezone.localdate())
    proof.file.save("a.pdf", ContentFile(pdf_bytes()), save=False)
    proof.save()
    assert Proof.objects.due_soon().get() == proof
