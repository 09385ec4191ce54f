"""Registration to the directorate's own events: a seat while there is room, then the
waiting list; a confirmation e-mail with a signed cancellation link; a cancelled seat goes
to the first person waiting."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import DirectorateEventPage, Registration, RegistrationStatus
from portal.antispam import HoneypotFormMixin, RateLimit, handle_public_form
from portal.outbox.sending import queue_email

TOKEN_SALT = "events.registration.cancel"
# Ten per visitor address in ten minutes: colleagues behind one office address can still
# register one after the other.
REGISTRATION_RATE_LIMIT = RateLimit("registration", limit=10, period=10 * 60)


class RegistrationForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("First and last name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=200,
                                   required=False)


def cancellation_token(registration) -> str:
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def cancellation_url(request, registration) -> str:
    return request.build_absolute_uri(
        reverse("events:cancel_registration", args=[cancellation_token(registration)]))


def seats_taken(page) -> int:
    return page.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def seats_left(page) -> int | None:
    """Seats still free (None: no limit)."""
    if page.capacity is None:
        return None
    return max(page.capacity - seats_taken(page), 0)


def is_full(page) -> bool:
    return seats_left(page) == 0


def register(page, form) -> Registration:
    """A seat or a place on the waiting list; a ValidationError when the event is full
    without a waiting list or the address is already registered."""
    with transaction.atomic():
        # Lock the page row so that two people cannot take the last seat together.
        DirectorateEventPage.objects.select_for_update().filter(pk=page.pk).first()
        if not is_full(page):
            status = RegistrationStatus.CONFIRMED
        elif page.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            raise ValidationError(_("Sorry, the event is full."))
        data = {name: form.cleaned_data[name] for name in ("name", "email", "organisation")}
        try:
            with transaction.atomic():
                return Registration.objects.create(page=page, status=status, **data)
        except IntegrityError as error:
            raise ValidationError(
                {"email": _("This e-mail address is already registered.")}) from error


def send_registration_mail(request, registration, kind: str) -> None:
    context = {"registration": registration, "page": registration.page,
               "cancel_url": cancellation_url(request, registration), "kind": kind,
               "page_url": registration.page.full_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("events/emails/registration_subject.txt", context).strip()
        body = render_to_string("events/emails/registration.txt", context)
    queue_email(to=registration.email, subject=subject, body=body, about=registration,
                kind=f"registration-{kind}")


def serve_registration(page, request):
    """The event page; on POST, the registration form (the flow of every public form)."""
    form, status = None, 200
    if page.registration_enabled and page.end > timezone.now():
        form = RegistrationForm(request.POST if request.method == "POST" else None)
        submission = handle_public_form(
            request, form, rate_limit=REGISTRATION_RATE_LIMIT,
            store=lambda form: register(page, form),
            notify=lambda registration: send_registration_mail(request, registration,
                                                               registration.status),
        )
        if submission.stored is not None:
            registered = submission.stored.status
            return redirect(page.get_url(request) + "?inscription=" + registered)
        status = submission.status
    left = seats_left(page) if page.registration_enabled else None
    response = page.render(request, context_overrides={
        "registration_form": form,
        "is_full": left == 0,
        "seats_left": left,
        "registered": request.GET.get("inscription", ""),
    })
    response.status_code = status
    return response


def promote_waiting(request, page) -> None:
    if is_full(page):
        return
    waiting = page.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at").first()
    if waiting is not None:
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.save(update_fields=["status"])
        send_registration_mail(request, waiting, "promoted")


def cancel_registration(request, token):
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    registration = Registration.objects.select_related("page").filter(pk=pk).first()
    if registration is None:
        raise Http404
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        with transaction.atomic():
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = timezone.now()
            registration.save(update_fields=["status", "cancelled_at"])
            promote_waiting(request, registration.page)
    return render(request, "events/registration_cancel.html", {"registration": registration})
