"""Spam protection for public forms without any third-party captcha: a honeypot field that
people never see, and a per-IP rate limit kept in the cache (Redis in production)."""

from allauth.account.adapter import get_adapter
from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
