"""What happens when partners and officers act: each step is stored with its e-mails in one
transaction (the outbox sends them after the commit), so nothing is ever half-saved."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from branding import officers
from branding.checks import proof_preview
from branding.models import Download, PartnerAccess, Proof, ProofStep, TermsAcceptance
from branding.models.partners import PARTNERS_GROUP, AccessStatus
from branding.models.proofs import ProofStatus, StepKind


@transaction.atomic
def request_access(user, form) -> PartnerAccess:
    """A new request, or a refused one asked again with new details."""
    access = form.save(commit=False)
    access.user = user
    access.status = AccessStatus.PENDING
    access.requested_at = timezone.now()
    access.decided_at = access.decided_by = None
    access.refusal_reason = ""
    access.save()
    officers.access_requested(access)
    return access


@transaction.atomic
def decide_access(access: PartnerAccess, officer, decision: str, reason: str = ""):
    access.status = decision
    access.decided_at, access.decided_by = timezone.now(), officer
    access.refusal_reason = reason if decision == AccessStatus.REFUSED else ""
    access.save()
    partners = Group.objects.get(name=PARTNERS_GROUP)
    if decision == AccessStatus.APPROVED:
        access.user.groups.add(partners)
    else:
        access.user.groups.remove(partners)
    officers.access_decided(access)


def accept_terms(user, terms) -> None:
    TermsAcceptance.objects.get_or_create(user=user, terms=terms)


def record_download(user, variant) -> Download:
    access = getattr(user, "partner_access", None) if user.is_authenticated else None
    version = variant.version
    return Download.objects.create(
        user=user if user.is_authenticated else None,
        email=user.email if user.is_authenticated else "",
        organisation=access.organisation if access else "",
        logo_id=version.logo_id, version=version, variant=variant, kind=variant.kind,
    )


def _store_version(proof: Proof, upload, kind: str) -> None:
    """The proof's file and its preview, made before any row is written."""
    preview = proof_preview(upload, kind)
    proof.file.save(upload.name, upload, save=False)
    stem = proof.file.name.rpartition("/")[2].rpartition(".")[0]
    proof.preview.save(f"{stem}-apercu.png", ContentFile(preview), save=False)


def submit_proof(user, form) -> Proof:
    proof = form.save(commit=False)
    proof.partner = user
    proof.organisation = user.partner_access.organisation
    proof.status = ProofStatus.SUBMITTED
    _store_version(proof, form.cleaned_data["file"], form.proof_format)
    with transaction.atomic():
        proof.save()
        step = ProofStep.objects.create(proof=proof, kind=StepKind.SUBMITTED, author=user,
                                        file=proof.file.name)
        officers.proof_sent(proof, step)
    return proof


def resubmit_proof(proof: Proof, user, form) -> Proof:
    upload = form.cleaned_data["file"]
    proof.planned_date = form.cleaned_data["planned_date"]
    _store_version(proof, upload, form.proof_format)
    with transaction.atomic():
        proof.status = ProofStatus.SUBMITTED
        proof.save()
        step = ProofStep.objects.create(proof=proof, kind=StepKind.RESUBMITTED, author=user,
                                        comment=form.cleaned_data.get("comment", ""),
                                        file=proof.file.name)
        officers.proof_sent(proof, step)
    return proof


@transaction.atomic
def decide_proof(proof: Proof, officer, decision: str, comment: str) -> ProofStep:
    proof.status = ProofStatus.APPROVED if decision == "approved" else ProofStatus.CHANGES
    proof.save(update_fields=["status", "updated_at"])
    step = ProofStep.objects.create(
        proof=proof, author=officer, comment=comment,
        kind=StepKind.APPROVED if decision == "approved" else StepKind.CHANGES)
    officers.proof_decided(proof, step)
    return step
