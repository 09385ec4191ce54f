"""The officers' decisions in the Wagtail admin: a partner's access, a proof (with its
preview, history and comments)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from branding import workflow
from branding.forms import AccessDecisionForm, DecisionForm
from branding.models import PartnerAccess, Proof
from branding.models.partners import AccessStatus
from branding.models.proofs import ProofStatus
from branding.officers import may_review


def _reviewer(request):
    if not may_review(request.user):
        raise PermissionDenied


def review_access(request, pk):
    _reviewer(request)
    access = get_object_or_404(PartnerAccess.objects.select_related("user", "decided_by"),
                               pk=pk)
    form = AccessDecisionForm(request.POST or None)
    if request.method == "POST":
        if access.status != AccessStatus.PENDING:
            messages.error(request, _("This request has already been decided."))
            return redirect("branding_partners:index")
        if form.is_valid():
            workflow.decide_access(access, request.user, form.cleaned_data["decision"],
                                   form.cleaned_data["reason"])
            messages.success(request, _("%(organisation)s: decision recorded; the partner is "
                                        "told by e-mail.") % {"organisation":
                                                              access.organisation})
            return redirect("branding_partners:index")
    return TemplateResponse(request, "branding/admin/review_access.html", {
        "access": access, "form": form, "page_title": str(access),
        "header_title": access.organisation, "header_icon": "group",
    })


def review_proof(request, pk):
    _reviewer(request)
    proof = get_object_or_404(Proof.objects.select_related("partner"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if proof.status != ProofStatus.SUBMITTED:
            messages.error(request, _("This proof is not awaiting review."))
            return redirect("branding_proof_review", pk=proof.pk)
        if form.is_valid():
            workflow.decide_proof(proof, request.user, form.cleaned_data["decision"],
                                  form.cleaned_data["comment"])
            messages.success(request, _("“%(title)s”: decision recorded; the partner is told "
                                        "by e-mail.") % {"title": proof.title})
            return redirect("branding_proofs:index")
    return TemplateResponse(request, "branding/admin/review_proof.html", {
        "proof": proof, "form": form, "steps": proof.steps.select_related("author"),
        "page_title": proof.title, "header_title": proof.title,
        "header_icon": "doc-empty-inverse",
    })
