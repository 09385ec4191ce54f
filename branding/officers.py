"""Who reviews partners and proofs, and the e-mails between them and the partners (all
through the outbox, in the transaction that records what they are about)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.outbox.sending import queue_email
from portal.sites import admin_url, public_url

REVIEW_PERMISSION = ("branding", "review_partners")


def reviewers():
    """Active accounts given the permission to review partners and proofs (by a group or
    directly); superusers are not e-mailed for every request."""
    app_label, codename = REVIEW_PERMISSION
    permission = Permission.objects.filter(content_type__app_label=app_label,
                                           codename=codename).first()
    if permission is None:
        return get_user_model().objects.none()
    return (get_user_model().objects.filter(is_active=True)
            .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
            .distinct().order_by("pk"))


def may_review(user) -> bool:
    return user.has_perm("branding.review_partners")


def _send(to, subject, template, about, kind, **context):
    body = render_to_string(f"branding/emails/{template}.txt", context)
    queue_email(to=to, subject=subject, body=body, about=about, kind=kind)


def tell_reviewers(subject, template, about, kind, link, **context):
    for officer in reviewers():
        _send(officer.email, subject, template, about, kind, link=link, **context)


def access_requested(access):
    tell_reviewers(
        _("Logo portal: %(organisation)s asks for access") % {"organisation":
                                                               access.organisation},
        "access_requested", access, "branding-access-requested",
        admin_url(reverse("branding_access_review", args=[access.pk])), access=access)


def access_decided(access):
    approved = access.is_approved
    subject = (_("Your access to the logo portal is approved") if approved
               else _("Your request for access to the logo portal"))
    _send(access.user.email, subject, "access_decided", access,
          "branding-access-decided", access=access, link=public_url(reverse("branding:logos")))


def proof_sent(proof, step):
    tell_reviewers(
        _("Proof to review: %(title)s (%(organisation)s), planned on %(date)s")
        % {"title": proof.title, "organisation": proof.organisation,
           "date": proof.planned_date.strftime("%d/%m/%Y")},
        "proof_sent", proof, "branding-proof-sent",
        admin_url(reverse("branding_proof_review", args=[proof.pk])), proof=proof, step=step)


def proof_decided(proof, step):
    subject = (_("Your proof “%(title)s” is approved") if step.kind == "approved"
               else _("Your proof “%(title)s”: changes requested")) % {"title": proof.title}
    _send(proof.partner.email, subject, "proof_decided", proof, "branding-proof-decided",
          proof=proof, step=step, link=public_url(reverse("branding:proof", args=[proof.pk])))
