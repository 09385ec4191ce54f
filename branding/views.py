"""The logo portal on the public site: the logos and their files, a partner's access, terms
and downloads, and their proofs. Files are sent by ``portal.media`` after the checks, never
generated here."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from branding import access, workflow
from branding.forms import AccessRequestForm, NewProofVersionForm, ProofForm, TermsForm
from branding.models import Download, KitItem, LogoVariant, Proof
from branding.models.assets import VariantKind
from branding.models.proofs import ProofStatus
from branding.officers import may_review
from events.models import NationalEventPage
from portal.listing import paginate
from portal.media import DOWNLOAD_CONTENT_SECURITY_POLICY, send_stored_file
from portal.sites import is_intranet_request


def _public_site_only(request):
    if is_intranet_request(request):
        raise Http404("The logo portal is on the public website.")


def _send(request, file, filename, media_type, attachment=True):
    response = send_stored_file(request, file.storage, file.name, attachment=attachment,
                                attachment_filename=filename, mimetype=media_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CONTENT_SECURITY_POLICY
    return response


# --- Logos ------------------------------------------------------------------------------------

def logos(request):
    _public_site_only(request)
    user = request.user
    return render(request, "branding/logos.html", {
        "logos": access.logos_for(user),
        "partner_access": access.partner_access(user),
        "terms": access.terms_to_accept(user) if user.is_authenticated else None,
    })


def download(request, pk):
    """A variant of an offered version: checked, recorded, then sent from storage."""
    _public_site_only(request)
    variant = get_object_or_404(LogoVariant.objects.select_related("version__logo"), pk=pk)
    version, logo = variant.version, variant.version.logo
    manager = request.user.has_perm("branding.change_logo")
    if not version.is_offered() and not manager:
        raise Http404("This version is no longer offered.")
    if not logo.is_public:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if not access.may_download(request.user, logo):
            raise PermissionDenied(_("These files are for approved partners."))
        if not manager and access.terms_to_accept(request.user):
            return redirect(f"{reverse('branding:terms')}?next={request.path}")
    if request.method != "HEAD":
        workflow.record_download(request.user, variant)
    return _send(request, variant.file, variant.filename, variant.media_type)


@require_GET
def preview(request, slug):
    """The web picture of a logo's current version, for the guidelines and the lists (not a
    download: not recorded)."""
    _public_site_only(request)
    logo = next((item for item in access.logos_for(request.user) if item.slug == slug), None)
    if logo is None:
        raise Http404
    variant = next((item for item in logo.current.variants.all()
                    if item.kind == VariantKind.WEB_MEDIUM), None)
    if variant is None:
        raise Http404
    return _send(request, variant.file, variant.filename, variant.media_type, attachment=False)


# --- A partner's access -----------------------------------------------------------------------

@login_required
def partner_space(request):
    _public_site_only(request)
    user = request.user
    downloads = (Download.objects.filter(user=user).select_related("logo", "version")
                 .order_by("-downloaded_at"))
    return render(request, "branding/partner_space.html", {
        "partner_access": access.partner_access(user),
        "terms": access.terms_to_accept(user),
        "downloads": paginate(request, downloads, 20),
        "proofs": Proof.objects.filter(partner=user).order_by("-submitted_at")[:5],
    })


@login_required
def request_access(request):
    _public_site_only(request)
    current = access.partner_access(request.user)
    if current is not None and current.status != "refused":
        messages.info(request, _("Your request is already recorded."))
        return redirect("branding:partner_space")
    form = AccessRequestForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        workflow.request_access(request.user, form)
        messages.success(request, _("Your request is sent: you will receive an e-mail once an "
                                    "officer has answered."))
        return redirect("branding:partner_space")
    return render(request, "branding/request_access.html", {"form": form})


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
def terms(request):
    _public_site_only(request)
    if not access.is_approved_partner(request.user):
        raise PermissionDenied(_("The terms of use are accepted by approved partners."))
    current = access.terms_to_accept(request.user)
    next_url = _next_url(request, reverse("branding:logos"))
    if current is None:
        return redirect(next_url)
    form = TermsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workflow.accept_terms(request.user, current)
        messages.success(request, _("Thank you: you may now download the partners' logos."))
        return redirect(next_url)
    return render(request, "branding/terms.html", {"terms": current, "form": form,
                                                    "next": next_url})


# --- Proofs -----------------------------------------------------------------------------------

def _partner(request):
    _public_site_only(request)
    if not access.is_approved_partner(request.user):
        raise PermissionDenied(_("Proofs are sent by approved partners."))


@login_required
def proofs(request):
    _partner(request)
    items = Proof.objects.filter(partner=request.user).order_by("-submitted_at")
    return render(request, "branding/proofs.html", {"proofs": paginate(request, items, 20)})


@login_required
def new_proof(request):
    _partner(request)
    form = ProofForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proof = workflow.submit_proof(request.user, form)
        messages.success(request, _("Your proof is sent; the officers answer before your "
                                    "planned date."))
        return redirect("branding:proof", pk=proof.pk)
    return render(request, "branding/proof_form.html", {"form": form})


def _own_proof(request, pk) -> Proof:
    """The partner's own proof; another partner's answers 404, as one that does not exist."""
    _public_site_only(request)
    return get_object_or_404(Proof, pk=pk, partner=request.user)


@login_required
def proof(request, pk):
    item = _own_proof(request, pk)
    form = None
    if item.status == ProofStatus.CHANGES:
        form = NewProofVersionForm(request.POST or None, request.FILES or None,
                                   initial={"planned_date": item.planned_date})
        if request.method == "POST" and form.is_valid():
            workflow.resubmit_proof(item, request.user, form)
            messages.success(request, _("The new version is sent."))
            return redirect("branding:proof", pk=item.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("This proof is not waiting for a new version."))
    steps = item.steps.select_related("author")
    return render(request, "branding/proof.html", {"proof": item, "steps": steps,
                                                    "form": form})


def _readable_proof(request, pk) -> Proof:
    if not request.user.is_authenticated:
        raise Http404
    if may_review(request.user):
        return get_object_or_404(Proof, pk=pk)
    return _own_proof(request, pk)


@login_required
def proof_file(request, pk):
    item = _readable_proof(request, pk)
    filename = item.file.name.rpartition("/")[2]
    return _send(request, item.file, filename, mimetypes.guess_type(filename)[0])


@login_required
def proof_preview(request, pk):
    item = _readable_proof(request, pk)
    if not item.preview:
        raise Http404
    return _send(request, item.preview, "apercu.png", "image/png", attachment=False)


# --- National-event kits ----------------------------------------------------------------------

def _kit_event(request, event_id):
    _public_site_only(request)
    event = get_object_or_404(NationalEventPage.objects.live(), pk=event_id)
    if not request.user.is_authenticated:
        return event, redirect(f"{reverse('account_login')}?next={request.path}")
    if not access.may_use_kit(request.user, event):
        raise PermissionDenied(_("The kit is for approved partners and for organisers with "
                                 "a published event."))
    return event, None


def kits(request):
    """The national events that have a kit."""
    _public_site_only(request)
    events = (NationalEventPage.objects.live().filter(kit_items__isnull=False).distinct()
              .order_by("-edition_year"))
    return render(request, "branding/kits.html", {"events": events})


def kit(request, event_id):
    event, refusal = _kit_event(request, event_id)
    if refusal:
        return refusal
    return render(request, "branding/kit.html", {"event": event,
                                                 "items": event.kit_items.all()})


def kit_file(request, pk):
    item = get_object_or_404(KitItem.objects.select_related("national_event"), pk=pk)
    _event, refusal = _kit_event(request, item.national_event_id)
    if refusal:
        return refusal
    return _send(request, item.file, item.filename, mimetypes.guess_type(item.filename)[0])
