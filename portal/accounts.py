"""Accounts: allauth adapters and the rule that the Wagtail admin needs a second factor."""

import string
import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.utils import get_next_redirect_url
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.views import ActivateTOTPView
from allauth.mfa.utils import is_mfa_enabled
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


def can_reach_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")


def has_totp(user) -> bool:
    return is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


def signed_in_moments_ago(request) -> bool:
    records = get_authentication_records(request, request.user)
    if not records:
        return False
    return time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT


class AccountAdapter(DefaultAccountAdapter):
    def is_reauthentication_required(self, *, app, **kwargs):
        # An editor who has just signed in is sent straight to set up their first
        # authenticator; asking for the password again at that moment only confuses.
        # Changing or removing an existing authenticator still asks for it.
        request = self.request
        if (
            app == "allauth.mfa"
            and request is not None
            and request.user.is_authenticated
            and not Authenticator.objects.filter(user=request.user).exists()
            and signed_in_moments_ago(request)
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_login_redirect_url(self, request):
        # Someone who can edit lands in the admin, where the MFA check meets them at once.
        if can_reach_admin(request.user) and not has_totp(request.user):
            return reverse("mfa_activate_totp")
        return super().get_login_redirect_url(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").lower()
        return user


def totp_code_lifetime() -> int:
    """Seconds during which a TOTP code is accepted: its own period and the tolerated ones on
    either side (MFA_TOTP_TOLERANCE), plus one period for clocks that differ between servers."""
    return (2 * mfa_settings.TOTP_TOLERANCE + 2) * mfa_settings.TOTP_PERIOD


def mark_totp_code_used(user, code: str) -> bool:
    """Remember a TOTP code as used for as long as it stays valid; False if it already was.

    allauth remembers used codes for one period only, while the tolerance keeps them valid for
    three: without this, a code seen over a shoulder or in a proxy log could sign in again.
    """
    # allauth accepts "123 456" or "123-456" for 123456: the digits are the code.
    digits = "".join(character for character in code if character in string.digits)
    key = f"relais:totp-used:{user.pk}:{digits}"
    return cache.add(key, True, timeout=totp_code_lifetime())


class RefuseReplayedTOTPCodeMixin:
    def clean_code(self):
        code = super().clean_code()
        if (
            self.authenticator.type == Authenticator.Type.TOTP
            and not mark_totp_code_used(self.user, code)
        ):
            self._emit_authentication_failed(self.authenticator)
            raise get_mfa_adapter().validation_error("incorrect_code")
        return code


class TOTPAuthenticateForm(RefuseReplayedTOTPCodeMixin, AuthenticateForm):
    """allauth's second-factor form at sign-in (MFA_FORMS["authenticate"])."""


class TOTPReauthenticateForm(RefuseReplayedTOTPCodeMixin, ReauthenticateForm):
    """allauth's second-factor form before a sensitive change (MFA_FORMS["reauthenticate"])."""


class ActivateTOTPThenContinueView(ActivateTOTPView):
    """allauth's page that sets up TOTP (same URL and name), which then goes on to where the
    user was going (``next``: the admin page that sent them here), not to the recovery codes.

    allauth shows the recovery codes next, and that page asks for the password again (an
    authenticator now exists): someone sent to set up TOTP on their way to the admin would be
    left there. The codes are made all the same and stay under the account's two-factor page.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["redirect_field_value"] = get_next_redirect_url(self.request) or ""
        return context

    def get_success_url(self) -> str:
        next_url = get_next_redirect_url(self.request)
        if next_url:
            return next_url
        if can_reach_admin(self.request.user):
            return ADMIN_PREFIX
        return super().get_success_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.did_generate_recovery_codes:
            messages.info(self.request, _(
                "Recovery codes were made for you: if you lose your phone, one of them signs "
                "you in. Print or copy them from the two-factor authentication page of your "
                "account."))
        return response


class AdminAccessMiddleware:
    """Who may use the Wagtail admin: signed-in accounts with admin access and TOTP set up.

    A signed-in account without admin access gets the 403 page: Wagtail would send it to the
    login page, which sends a signed-in visitor back to the admin, and round again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX) or not request.user.is_authenticated:
            return self.get_response(request)
        if not can_reach_admin(request.user):
            raise PermissionDenied("This account has no access to the administration.")
        if not has_totp(request.user):
            messages.warning(
                request,
                _("The administration requires two-factor authentication. "
                  "Set up an authenticator application to continue."),
            )
            activate_url = reverse("mfa_activate_totp")
            return redirect(f"{activate_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
