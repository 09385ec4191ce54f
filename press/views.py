"""Public views of the pressroom: its list, subscription with double opt-in, unsubscribing,
the press-enquiry form and the zip file of a press kit."""

import tempfile
import zipfile
from pathlib import PurePath

from django.core import signing
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.antispam import RateLimit, handle_public_form
from portal.filters import InvalidFilters, answer_invalid_filters
from portal.listing import paginate
from portal.media import restricted_among
from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url, public_url
from press import distribution
from press.filters import ReleaseFilters
from press.forms import EnquiryForm, SubscriptionForm
from press.models import ContactList, Journalist, LegalBasis, Subscription

RELEASES_PER_PAGE = 10
SUBSCRIPTION_RATE_LIMIT = RateLimit("press-subscription", limit=5, period=10 * 60)
ENQUIRY_RATE_LIMIT = RateLimit("press-enquiry", limit=5, period=10 * 60)
SUBSCRIPTION_SALT = "relais.press.subscription"
SUBSCRIPTION_MAX_AGE = 7 * 24 * 60 * 60
SUBSCRIBERS_LIST = "Abonnés de la salle de presse"


def pressroom_index(room, request):
    releases, kits = room.released_items()
    releases = releases.order_by("-date", "-pk")
    filters = ReleaseFilters(request.GET, releases, request=request)

    def respond(page_obj):
        return room.render(request, context_overrides={
            "filters": filters, "page_obj": page_obj,
            "kits": list(kits.order_by("-date", "-pk")[:6]),
            "feed_url": room.feed_url(request),
        })

    try:
        page_obj = paginate(request, filters.qs, RELEASES_PER_PAGE)
    except InvalidFilters as error:
        return answer_invalid_filters(request, error, respond(None))
    return respond(page_obj)


# --- Subscription (double opt-in) -------------------------------------------------------------

def subscribe(room, request):
    form = SubscriptionForm(request.POST if request.method == "POST" else None)

    def store(form):
        subscription = form.save(commit=False)
        subscription.language = get_language()[:2]
        subscription.save()
        return subscription

    def notify(subscription):
        link = public_url(reverse("press_confirm_subscription", args=[
            signing.dumps(subscription.pk, salt=SUBSCRIPTION_SALT)]))
        context = {"subscription": subscription, "link": link, "room": room}
        queue_email(to=subscription.email, subject=_("Confirm your subscription to our "
                                                      "press releases"),
                    body=render_to_string("press/emails/confirm_subscription.txt", context),
                    about=subscription, kind="press-subscription")

    submission = handle_public_form(request, form, rate_limit=SUBSCRIPTION_RATE_LIMIT,
                                    store=store, notify=notify)
    response = room.render(request, template="press/subscribe.html", context_overrides={
        "form": form, "sent": submission.stored is not None})
    response.status_code = submission.status
    return response


@require_http_methods(["GET", "POST"])
def confirm_subscription(request, token):
    try:
        pk = signing.loads(token, salt=SUBSCRIPTION_SALT, max_age=SUBSCRIPTION_MAX_AGE)
        subscription = Subscription.objects.get(pk=pk)
    except (signing.BadSignature, Subscription.DoesNotExist, TypeError, ValueError):
        return render(request, "press/subscription_confirmed.html", {"invalid": True},
                      status=400)
    # A GET only shows the button: link checkers in mail servers open links too.
    if request.method == "POST" and subscription.confirmed_at is None:
        confirm(subscription)
    return render(request, "press/subscription_confirmed.html",
                  {"subscription": subscription, "token": token})


def confirm(subscription) -> Journalist:
    now = timezone.now()
    with transaction.atomic():
        journalist = Journalist.objects.same_email(subscription.email).first()
        if journalist is None:
            journalist = Journalist(
                first_name=subscription.first_name, last_name=subscription.last_name,
                email=subscription.email, language=subscription.language,
                notes=_("Outlet given: %(outlet)s") % {"outlet": subscription.outlet_name})
        journalist.legal_basis = LegalBasis.CONSENT
        journalist.consent_at = now
        journalist.source = _("Pressroom subscription")
        journalist.unsubscribed_at = None
        journalist.save()
        subscribers, _created = ContactList.objects.get_or_create(name=SUBSCRIBERS_LIST)
        subscribers.members.add(journalist)
        subscription.confirmed_at, subscription.journalist = now, journalist
        subscription.save(update_fields=["confirmed_at", "journalist"])
    return journalist


# --- Unsubscribing (one click) ----------------------------------------------------------------

@csrf_exempt  # the one-click POST comes from the recipient's mail client (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    journalist = distribution.journalist_from_token(token)
    if journalist is None:
        return render(request, "press/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        distribution.unsubscribe(journalist)
        return render(request, "press/unsubscribe.html", {"done": True})
    return render(request, "press/unsubscribe.html", {"token": token})


# --- Press enquiries --------------------------------------------------------------------------

def enquiry(room, request):
    form = EnquiryForm(request.POST if request.method == "POST" else None)

    def store(form):
        enquiry = form.save(commit=False)
        enquiry.journalist = Journalist.objects.same_email(enquiry.email).first()
        enquiry.save()
        return enquiry

    def notify(enquiry):
        context = {"enquiry": enquiry, "room": room, "admin_url": admin_edit_url(enquiry)}
        queue_email(to=room.press_email, subject=_("Press enquiry: %(subject)s") % {
            "subject": enquiry.subject},
            body=render_to_string("press/emails/enquiry_notification.txt", context),
            reply_to=enquiry.email, about=enquiry, kind="press-enquiry")
        queue_email(to=enquiry.email, subject=_("We have received your press enquiry"),
                    body=render_to_string("press/emails/enquiry_acknowledgement.txt", context),
                    reply_to=room.press_email, about=enquiry, kind="press-enquiry")

    submission = handle_public_form(request, form, rate_limit=ENQUIRY_RATE_LIMIT,
                                    store=store, notify=notify)
    if submission.stored is not None:
        return redirect(room.url + room.reverse_subpage("enquiry") + "?envoye=1")
    response = room.render(request, template="press/enquiry.html", context_overrides={
        "form": form, "sent": request.GET.get("envoye") == "1"})
    response.status_code = submission.status
    return response


# --- Press kit zip ----------------------------------------------------------------------------

def kit_zip(kit, request):
    """One zip file of the kit's documents and photos (originals), with their credits."""
    documents = [item.document for item in kit.attachment_list]
    images = kit.image_list
    hidden = {(type(obj), obj.pk) for obj in restricted_among(
        [*documents, *[item.image for item in images]])}
    if not documents and not images:
        raise Http404
    # Closed by the response once sent.
    spool = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115
    names = set()

    def unique(name):
        path = PurePath(name)
        candidate, number = name, 1
        while candidate in names:
            number += 1
            candidate = f"{path.stem}-{number}{path.suffix}"
        names.add(candidate)
        return candidate

    credits = []
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            if (type(document), document.pk) in hidden:
                continue
            with document.file.open("rb") as source:
                archive.writestr(unique("documents/" + PurePath(document.file.name).name),
                                 source.read())
        for item in images:
            if (type(item.image), item.image.pk) in hidden:
                continue
            name = unique("photos/" + PurePath(item.image.file.name).name)
            with item.image.file.open("rb") as source:
                archive.writestr(name, source.read())
            credits.append(f"{name}: © {item.credit}" + (f" — {item.caption}"
                                                           if item.caption else ""))
        archive.writestr("credits.txt", "\n".join([kit.title, "", *credits, ""]))
    spool.seek(0)
    return FileResponse(spool, as_attachment=True,
                        filename=f"{slugify(kit.title) or 'dossier'}.zip",
                        content_type="application/zip")

