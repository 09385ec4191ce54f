"""The ProConnect provider: allauth's OpenID Connect provider with ProConnect's rules.

- ``state`` and ``nonce`` of at least 32 characters (ProConnect refuses shorter ones);
  allauth's generic provider sends a 16-character state and no nonce at all.
- ``acr_values`` from the app settings, sent only when set.
- ProConnect claims: ``usual_name`` is the family name, and the e-mail address is a verified
  professional address.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
    OpenIDConnectProviderAccount,
)
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.http import urlencode

from .views import PROVIDER_ID, ProConnectOAuth2Adapter

# 43 characters drawn from 62 give 256 bits; ProConnect wants at least 32 characters.
STATE_LENGTH = 43
NONCE_LENGTH = 43
DEFAULT_SCOPE = ["openid", "email", "given_name", "usual_name", "uid", "siret", "idp_id"]


def claims_of(data: dict) -> dict:
    """The user's claims: the userinfo answer, or else the ID token's claims."""
    return data.get("userinfo") or data.get("id_token") or {}


class ProConnectAccount(OpenIDConnectProviderAccount):
    def to_str(self):
        return claims_of(self.account.extra_data).get("email") or super().to_str()


class ProConnectProvider(OpenIDConnectProvider):
    id = PROVIDER_ID
    name = "ProConnect"
    account_class = ProConnectAccount
    oauth2_adapter_class = ProConnectOAuth2Adapter

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.name = self.app.name or ProConnectProvider.name

    @property
    def server_url(self):
        # Accepts the issuer (https://auth.agentconnect.gouv.fr/api/v2, with or without a
        # final slash) or the full .well-known/openid-configuration URL.
        return self.wk_server_url(self.app.settings["server_url"].strip().rstrip("/"))

    # One ProConnect app, with plain URLs (not the generic /<provider_id>/login/ ones).
    def get_login_url(self, request, **kwargs):
        url = reverse(f"{self.id}_login")
        if kwargs:
            url = f"{url}?{urlencode(kwargs)}"
        return url

    def get_callback_url(self):
        return reverse(f"{self.id}_callback")

    def get_oauth2_adapter(self, request):
        return self.oauth2_adapter_class(request, self.id)

    def get_default_scope(self):
        return list(DEFAULT_SCOPE)

    def get_auth_params(self):
        params = super().get_auth_params()
        acr_values = self.app.settings.get("acr_values")
        if isinstance(acr_values, list | tuple):
            acr_values = " ".join(str(value) for value in acr_values if value)
        acr_values = (acr_values or "").strip()
        if acr_values:
            params["acr_values"] = acr_values
        return params

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        # A fresh nonce for each sign-in: sent to ProConnect, and kept in allauth's stashed
        # state so that the callback can check it against the ID token's "nonce" claim.
        nonce = get_random_string(NONCE_LENGTH)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = dict(auth_params)
        # Neither may be overridden by request parameters (?auth_params=...).
        auth_params.pop("state", None)
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def stash_redirect_state(
        self, request, process, next_url=None, data=None, state_id=None, **kwargs
    ):
        # allauth's state ID (the "state" parameter) has 16 characters: too short here.
        if state_id is None:
            state_id = get_random_string(STATE_LENGTH)
        return super().stash_redirect_state(
            request, process, next_url, data, state_id=state_id, **kwargs
        )

    def extract_common_fields(self, data):
        claims = claims_of(data)
        return {
            "email": (claims.get("email") or "").strip().lower() or None,
            "first_name": claims.get("given_name") or "",
            "last_name": claims.get("usual_name") or claims.get("family_name") or "",
        }

    def extract_email_addresses(self, data):
        email = (claims_of(data).get("email") or "").strip().lower()
        if not email:
            return []
        # ProConnect only hands out verified professional addresses.
        return [EmailAddress(email=email, verified=True, primary=True)]


provider_classes = [ProConnectProvider]
