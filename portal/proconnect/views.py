"""ProConnect's OAuth2 adapter and views, on top of allauth's OpenID Connect ones.

- The ID token must come back with the nonce sent at login (kept in allauth's state).
- The userinfo endpoint answers ``Content-Type: application/jwt``: a JWT signed with a key
  published at the provider's ``jwks_uri``. It is verified (signature, issuer, audience,
  expiry) with allauth's jwtkit. A plain JSON answer is still accepted.
"""

from __future__ import annotations

import hmac

import jwt
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import Http404
from django.urls import reverse

PROVIDER_ID = "proconnect"
# Asymmetric algorithms only: the verification key comes from the JWKS, and accepting an
# HMAC algorithm there would let a token be "signed" with the public key.
SIGNING_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}
)
JWT_MEDIA_TYPE = "application/jwt"


def lookup_kid_jwk(keys_data: dict, kid: str):
    """The signing key with this ``kid`` in a JWKS.

    Unlike allauth's ``jwtkit.lookup_kid_jwk``, which takes a key without "alg" for RS256,
    this infers the algorithm from the key type (an EC P-256 key is ES256), skips encryption
    keys and keys without a "kid".
    """
    for data in keys_data.get("keys", []):
        if data.get("kid") == kid and data.get("use", "sig") == "sig":
            return jwt.PyJWK(data).key
    return None


class ProConnectOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    # The state allauth stashed at login, handed over by the callback view.
    state: dict | None = None

    def __init__(self, request, provider_id=PROVIDER_ID) -> None:
        super().__init__(request, provider_id)

    def get_callback_url(self, request, app):
        callback_url = reverse(f"{PROVIDER_ID}_callback")
        return build_absolute_uri(request, callback_url, self.redirect_uri_protocol)

    def complete_login(self, request, app, token, **kwargs):
        id_token = kwargs["response"].get("id_token")
        if not id_token:
            raise OAuth2Error("ProConnect sent no id_token.")
        id_token_claims = self._decode_id_token(app, id_token)
        userinfo = self._fetch_user_info(token.token)
        sub = id_token_claims.get("sub")
        if not sub or not isinstance(sub, str) or userinfo.get("sub") != sub:
            raise OAuth2Error("The userinfo subject does not match the ID token's.")
        return self.get_provider().sociallogin_from_response(
            request, {"userinfo": userinfo, "id_token": id_token_claims}
        )

    def _decode_id_token(self, app, id_token: str) -> dict:
        claims = self._verify_jwt(id_token, audience=app.client_id)
        expected = (self.state or {}).get("nonce")
        received = claims.get("nonce")
        if not (
            isinstance(expected, str)
            and expected
            and isinstance(received, str)
            and hmac.compare_digest(expected.encode(), received.encode())
        ):
            raise OAuth2Error("The ID token's nonce does not match the one sent.")
        return claims

    def _fetch_user_info(self, access_token: str) -> dict:
        headers = {"Authorization": f"Bearer {access_token}"}
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers=headers)
            response.raise_for_status()
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type == JWT_MEDIA_TYPE:
            userinfo = self._verify_jwt(
                response.text.strip(), audience=self.get_provider().app.client_id
            )
        else:
            userinfo = response.json()
        if not isinstance(userinfo, dict):
            raise OAuth2Error("The userinfo answer is not a set of claims.")
        return userinfo

    def _verify_jwt(self, token: str, *, audience: str) -> dict:
        """Check a JWT's signature against the JWKS, its issuer, audience and expiry."""
        try:
            algorithm = jwt.get_unverified_header(token).get("alg")
            if algorithm not in SIGNING_ALGORITHMS:
                raise OAuth2Error(f"Refused JWT signing algorithm: {algorithm!r}")
            return jwtkit.verify_and_decode(
                credential=token,
                keys_url=self.openid_config["jwks_uri"],
                issuer=self.openid_config["issuer"],
                audience=audience,
                lookup_kid=lookup_kid_jwk,
            )
        except (jwt.PyJWTError, KeyError, TypeError, ValueError) as e:
            # A malformed token or JWKS (no "kid", unknown key type...): refused, not a 500.
            raise OAuth2Error("Invalid JWT") from e


class ProConnectCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        # allauth unstashes the state (which holds the nonce sent at login) here, into a
        # local variable the adapter never sees: hand it to the adapter, which checks the
        # ID token's nonce against it. Without it the nonce check fails, so a change in
        # allauth would refuse sign-ins rather than skip the check.
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


@login_not_required
def oauth2_login(request):
    try:
        return OAuth2LoginView.adapter_view(ProConnectOAuth2Adapter)(request)
    except SocialApp.DoesNotExist as e:
        raise Http404 from e


@login_not_required
def oauth2_callback(request):
    try:
        return ProConnectCallbackView.adapter_view(ProConnectOAuth2Adapter)(request)
    except SocialApp.DoesNotExist as e:
        raise Http404 from e
