"""Registration to the directorate's own events: a seat while there is room, then the
waiting list; a confirmation e-mail with a signed cancellation link; a cancelled seat goes
to the first person waiting."""

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.mail import send_after_commit
from events.models import DirectorateEventPage, Registration, RegistrationStatus

TOKEN_SALT = "events.registration.cancel"


class RegistrationForm(forms.Form):
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


def is_full(page) -> bool:
    return page.capacity is not None and seats_taken(page) >= page.capacity


def register(page, data) -> Registration | None:
    """A seat or a place on the waiting list; None when full without a waiting list."""
    with transaction.atomic():
        # Lock the page row so that two people cannot take the last seat together.
        DirectorateEventPage.objects.select_for_update().filter(pk=page.pk).first()
        if not is_full(page):
            status = RegistrationStatus.CONFIRMED
        elif page.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            return None
        return Registration.objects.create(page=page, status=status, **data)


def send_registration_mail(request, registration, kind: str) -> None:
    context = {"registration": registration, "page": registration.page,
               "cancel_url": cancellation_url(request, registration), "kind": kind,
               "page_url": registration.page.full_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("events/email/registration_subject.txt", context).strip()
        body = render_to_string("events/email/registration.txt", context)
    send_after_commit(subject, body, registration.email)


def serve_registration(page, request):
    """The event page; on POST, the registration form."""
    open_for_registration = page.registration_enabled and page.end > timezone.now()
    form = RegistrationForm(request.POST or None) if open_for_registration else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            registration = register(page, form.cleaned_data)
        except IntegrityError:
            form.add_error("email", _("This e-mail address is already registered."))
        else:
            if registration is None:
                form.add_error(None, _("Sorry, the event is full."))
            else:
                send_registration_mail(request, registration, registration.status)
                return redirect(page.get_url(request) + "?inscription=" + registration.status)
    return page.render(request, context_overrides={
        "registration_form": form,
        "is_full": is_full(page) if page.registration_enabled else False,
        "registered": request.GET.get("inscription", ""),
    })


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
