"""Who may download what: public logos for everyone; partners-only logos for approved partners
who accepted the terms of use in force; nothing of another partner's proofs."""

from django.db.models import Prefetch
from django.utils import timezone

from branding.models import Logo, LogoVariant, LogoVersion, PartnerAccess, TermsOfUse
from branding.models.assets import Audience
from events.models import LocalEvent


def partner_access(user) -> PartnerAccess | None:
    if not user.is_authenticated:
        return None
    try:
        return user.partner_access
    except PartnerAccess.DoesNotExist:
        return None


def is_approved_partner(user) -> bool:
    access = partner_access(user)
    return access is not None and access.is_approved


def terms_to_accept(user) -> TermsOfUse | None:
    """The terms in force when this user has not accepted them yet (None once accepted, or
    when no terms are in force)."""
    terms = TermsOfUse.objects.current()
    if terms is None or terms.acceptances.filter(user=user).exists():
        return None
    return terms


def sees_partner_logos(user) -> bool:
    return is_approved_partner(user) or user.has_perm("branding.change_logo")


def logos_for(user):
    """The logos this user may see, each with its offered versions' variants prefetched,
    in the editors' order (two queries whatever the number of logos)."""
    logos = Logo.objects.all()
    if not sees_partner_logos(user):
        logos = logos.filter(audience=Audience.PUBLIC)
    now = timezone.now()
    versions = (LogoVersion.objects.offered(now).order_by("-published_at", "-number")
                .prefetch_related(Prefetch("variants",
                                           queryset=LogoVariant.objects.order_by("pk"))))
    logos = list(logos.prefetch_related(Prefetch("versions", queryset=versions,
                                                 to_attr="offered_versions")))
    for logo in logos:
        logo.current = logo.offered_versions[0] if logo.offered_versions else None
    return [logo for logo in logos if logo.current is not None]


def logos_for_request(request):
    """``logos_for`` the request's user, read once per request: the guidelines page and each
    logo preview in its rules share them."""
    if not hasattr(request, "_relais_logos"):
        request._relais_logos = logos_for(request.user)
    return request._relais_logos


def may_download(user, logo: Logo) -> bool:
    """Whether the user may have this logo's files (terms aside: see ``terms_to_accept``)."""
    return logo.is_public or sees_partner_logos(user)


def may_use_kit(user, national_event) -> bool:
    """Approved partners, officers, and organisers with a published event in this edition."""
    if not user.is_authenticated:
        return False
    if sees_partner_logos(user):
        return True
    return LocalEvent.objects.filter(organiser=user, edition=national_event).published().exists()
