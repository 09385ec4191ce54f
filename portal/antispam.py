"""The one flow of every public form (a question, a paper-copy request, a registration…),
and its spam protection without any third-party captcha: a honeypot field that people never
see, and a per-address rate limit kept in the cache (Redis in production).

``handle_public_form`` checks the form (the honeypot is part of it), then the rate limit,
then stores what was sent and queues its e-mails in the same transaction: the e-mails only
leave (through the outbox) once what they are about is safely stored.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.adapter import get_adapter
from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

HONEYPOT_FIELD = "website"


class HoneypotFormMixin(forms.Form):
    """Adds a field hidden from people (and from assistive technologies) that robots fill in.

    Render it with ``{% include "portal/includes/honeypot.html" with field=form.website %}``.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            # A form-wide error: the field itself is hidden, so its own message would be too.
            raise ValidationError(_("Your message looks like spam and was not sent."),
                                  code="honeypot")
        return cleaned_data

    @property
    def caught_by_honeypot(self) -> bool:
        return any(error.code == "honeypot" for error in self.non_field_errors().as_data())


def client_ip(request) -> str:
    """The visitor's address, as allauth's login rate limits see it (proxy settings included)."""
    return get_adapter(request).get_client_ip(request)


def rate_limit_allows(request, action: str, limit: int, period_seconds: int) -> bool:
    """Count one use of ``action`` from this visitor's address.

    False once ``limit`` uses happened within a window of ``period_seconds`` that starts with
    the first of them. The counter lives in the shared cache, so it holds across workers.
    """
    key = f"relais:ratelimit:{action}:{client_ip(request)}"
    cache.add(key, 0, timeout=period_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, timeout=period_seconds)
        count = 1
    return count <= limit


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` forms of one kind (``action``) per visitor address and ``period``
    (seconds)."""

    action: str
    limit: int
    period: int

    def allows(self, request) -> bool:
        return rate_limit_allows(request, self.action, self.limit, self.period)

    def message(self) -> str:
        minutes = self.period // 60
        return ngettext(
            "You have sent this form several times in a short time. Please wait %(minutes)d "
            "minute before sending it again; what you typed is still here.",
            "You have sent this form several times in a short time. Please wait %(minutes)d "
            "minutes before sending it again; what you typed is still here.",
            minutes,
        ) % {"minutes": minutes}


@dataclass
class Submission:
    """What became of a public form: ``stored`` is what ``store`` returned once it was taken;
    otherwise the page shows ``form`` again (with its errors) with the HTTP ``status``."""

    form: forms.Form
    stored: Any = None
    status: int = 200


def handle_public_form(request, form, *, rate_limit: RateLimit,
                       store: Callable[[forms.Form], Any],
                       notify: Callable[[Any], Any] | None = None) -> Submission:
    """Check, store, then notify: the one flow of the public forms (whose form classes
    include ``HoneypotFormMixin``).

    An unbound form is just shown. An invalid one is shown again with its errors (400 when
    the honeypot was filled in); a valid one past the rate limit too (429), keeping what was
    typed. Otherwise ``store(form)`` saves it and ``notify(stored)`` queues its e-mails
    (``portal.outbox.sending.queue_email``), both in one transaction. ``store`` may raise a
    ``ValidationError`` (an event just filled up, an address already registered): nothing is
    kept and the form shows it.
    """
    if not form.is_bound:
        return Submission(form)
    if not form.is_valid():
        return Submission(form, status=400 if form.caught_by_honeypot else 200)
    if not rate_limit.allows(request):
        form.add_error(None, rate_limit.message())
        return Submission(form, status=429)
    try:
        with transaction.atomic():
            stored = store(form)
            if notify is not None:
                notify(stored)
    except ValidationError as error:
        form.add_error(None, error)
        return Submission(form)
    return Submission(form, stored=stored)
