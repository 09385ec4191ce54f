"""Sign-in through ProConnect (portal.proconnect), against a fake ProConnect served in-process.

Nothing goes out on the network: allauth makes its HTTP calls through
``get_adapter().get_requests_session()``; the social account adapter used here mounts a
``requests`` transport adapter on that session which answers from ``FakeProConnect`` (OpenID
configuration, JWKS, token and userinfo endpoints). The keys are generated here, the tokens
signed with PyJWT. Our own code is not mocked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from portal.accounts import SocialAccountAdapter
from portal.models import User

ISSUER = "https://proconnect.example.gouv.fr/api/v2"
CLIENT_ID = "relais-client-id"
CLIENT_SECRET = "relais-client-secret"
SUB = "e3e9a8a0-5b1f-4f4e-9d3c-1234567890ab"

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
# Same "kid" as the real RSA key, but not the provider's key: a forgery.
OTHER_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwks() -> dict:
    rsa_jwk = RSAAlgorithm.to_jwk(RSA_KEY.public_key(), as_dict=True)
    rsa_jwk.update(kid="rsa-1", use="sig", alg="RS256")
    # No "alg" on the EC key: the algorithm has to be inferred from the key type.
    ec_jwk = ECAlgorithm.to_jwk(EC_KEY.public_key(), as_dict=True)
    ec_jwk.update(kid="ec-1", use="sig")
    return {"keys": [rsa_jwk, ec_jwk]}


SIGNERS = {
    "RS256": (RSA_KEY, "rsa-1"),
    "ES256": (EC_KEY, "ec-1"),
}


def sign(claims: dict, alg: str = "RS256", key=None, kid: str | None = None) -> str:
    default_key, default_kid = SIGNERS.get(alg, (None, None))
    return jwt.encode(
        claims,
        key if key is not None else default_key,
        algorithm=alg,
        headers={"kid": kid or default_kid},
    )


def id_token_claims(nonce: str, **overrides) -> dict:
    now = int(time.time())
    return {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": SUB,
        "iat": now,
        "exp": now + 60,
        "nonce": nonce,
        "acr": "eidas1",
        "amr": ["pwd"],
        "idp_id": "fia1v2",
        **overrides,
    }


def userinfo_claims(**overrides) -> dict:
    now = int(time.time())
    return {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 60,
        "sub": SUB,
        "email": "Jean.Dupont@Culture.Gouv.fr",
        "given_name": "Jean",
        "usual_name": "Dupont",
        "uid": "1234",
        "siret": "11004601800013",
        "idp_id": "fia1v2",
        **overrides,
    }


class FakeProConnect:
    """ProConnect's endpoints, answering from what each test sets."""

    def __init__(self):
        self.authorize_params: dict[str, str] = {}
        self.id_token: str | None = None
        self.userinfo_body: str = ""
        self.userinfo_content_type = "application/jwt"
        self.calls: list[str] = []
        self.token_requests: list[dict] = []

    def openid_configuration(self) -> dict:
        return {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "userinfo_endpoint": f"{ISSUER}/userinfo",
            "end_session_endpoint": f"{ISSUER}/session/end",
            "jwks_uri": f"{ISSUER}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            "userinfo_signing_alg_values_supported": ["RS256", "ES256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def answer(self, request: requests.PreparedRequest) -> tuple[int, str, str]:
        url = request.url.split("?")[0]
        self.calls.append(f"{request.method} {url}")
        if url == f"{ISSUER}/.well-known/openid-configuration":
            return 200, "application/json", json.dumps(self.openid_configuration())
        if url == f"{ISSUER}/jwks":
            return 200, "application/json", json.dumps(jwks())
        if url == f"{ISSUER}/token" and request.method == "POST":
            return self.token(request)
        if url == f"{ISSUER}/userinfo":
            if request.headers.get("Authorization") != "Bearer access-token-1":
                return 401, "application/json", '{"error": "invalid_token"}'
            return 200, self.userinfo_content_type, self.userinfo_body
        return 404, "text/plain", "not found"

    def token(self, request) -> tuple[int, str, str]:
        form = {k: v[0] for k, v in parse_qs(request.body).items()}
        self.token_requests.append(form)
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if (
            form.get("code") != "code-1"
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or challenge != self.authorize_params.get("code_challenge")
        ):
            return 400, "application/json", '{"error": "invalid_grant"}'
        body = {
            "access_token": "access-token-1",
            "token_type": "Bearer",
            "expires_in": 60,
            "id_token": self.id_token,
        }
        return 200, "application/json", json.dumps(body)


class FakeProConnectTransport(requests.adapters.BaseAdapter):
    def __init__(self, server: FakeProConnect):
        super().__init__()
        self.server = server

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        status, content_type, body = self.server.answer(request)
        response = requests.Response()
        response.status_code = status
        response.headers["Content-Type"] = content_type
        response._content = body.encode()
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


class OfflineSocialAccountAdapter(SocialAccountAdapter):
    """The project's adapter, with every outgoing HTTP call answered by the fake server."""

    server: FakeProConnect | None = None

    def get_requests_session(self):
        session = super().get_requests_session()
        transport = FakeProConnectTransport(self.server)
        session.mount("https://", transport)
        session.mount("http://", transport)
        return session


@pytest.fixture
def proconnect(settings, db):
    server = FakeProConnect()
    OfflineSocialAccountAdapter.server = server
    settings.SOCIALACCOUNT_ADAPTER = f"{__name__}.OfflineSocialAccountAdapter"
    settings.SOCIALACCOUNT_PROVIDERS = {
        "proconnect": {
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {
                        # The issuer with a final slash: the provider finds .well-known.
                        "server_url": f"{ISSUER}/",
                        "scope": ["openid", "email", "given_name", "usual_name", "uid"],
                        "acr_values": "eidas1",
                    },
                }
            ],
            "OAUTH_PKCE_ENABLED": True,
        }
    }
    yield server
    OfflineSocialAccountAdapter.server = None


def start_login(client, server: FakeProConnect) -> dict[str, str]:
    response = client.post(reverse("proconnect_login"))
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{ISSUER}/authorize"
    params = {k: v[0] for k, v in parse_qs(location.query).items()}
    server.authorize_params = params
    return params


def finish_login(client, params: dict[str, str]):
    return client.get(reverse("proconnect_callback"), {"code": "code-1", "state": params["state"]})


def assert_refused(client, response):
    assert response.status_code < 500
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_login_redirect_sends_long_state_and_nonce_and_acr_values(client, proconnect):
    params = start_login(client, proconnect)

    assert len(params["state"]) >= 32
    assert len(params["nonce"]) >= 32
    assert params["state"] != params["nonce"]
    assert params["acr_values"] == "eidas1"
    assert params["client_id"] == CLIENT_ID
    assert params["response_type"] == "code"
    assert params["redirect_uri"] == "http://testserver/accounts/proconnect/login/callback/"
    assert set(params["scope"].split()) == {"openid", "email", "given_name", "usual_name", "uid"}
    assert params["code_challenge_method"] == "S256"
    # Each sign-in gets its own values.
    again = start_login(client, proconnect)
    assert again["state"] != params["state"]
    assert again["nonce"] != params["nonce"]


@pytest.mark.django_db
def test_acr_values_are_left_out_when_not_set(client, proconnect, settings):
    settings.SOCIALACCOUNT_PROVIDERS["proconnect"]["APPS"][0]["settings"]["acr_values"] = ""
    params = start_login(client, proconnect)
    assert "acr_values" not in params


@pytest.mark.django_db
def test_request_parameters_cannot_replace_state_or_nonce(client, proconnect):
    response = client.post(reverse("proconnect_login"), {"auth_params": "nonce=short&state=short"})
    params = {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
    assert len(params["state"]) >= 32
    assert len(params["nonce"]) >= 32


@pytest.mark.django_db
@pytest.mark.parametrize("alg", ["RS256", "ES256"])
def test_round_trip_with_jwt_userinfo_creates_and_signs_in_the_user(client, proconnect, alg):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]), alg)
    proconnect.userinfo_body = sign(userinfo_claims(jti=str(uuid.uuid4())), alg)

    response = finish_login(client, params)

    assert response.status_code == 302, response.content[:2000]
    user = User.objects.get()
    assert user.email == "jean.dupont@culture.gouv.fr"
    assert user.first_name == "Jean"
    assert user.last_name == "Dupont"
    assert int(client.session[SESSION_KEY]) == user.pk
    address = EmailAddress.objects.get(user=user)
    assert address.email == "jean.dupont@culture.gouv.fr"
    assert address.verified
    assert address.primary
    account = SocialAccount.objects.get(user=user)
    assert account.provider == "proconnect"
    assert account.uid == SUB
    assert account.extra_data["userinfo"]["siret"] == "11004601800013"
    assert account.extra_data["userinfo"]["idp_id"] == "fia1v2"
    assert account.extra_data["id_token"]["nonce"] == params["nonce"]
    # The PKCE verifier went with the token request, and nothing left the process.
    assert proconnect.token_requests[0]["code_verifier"]
    assert f"GET {ISSUER}/userinfo" in proconnect.calls


@pytest.mark.django_db
def test_json_userinfo_still_works(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_content_type = "application/json; charset=utf-8"
    proconnect.userinfo_body = json.dumps(
        {
            "sub": SUB,
            "email": "Agent@Example.Gouv.fr",
            "given_name": "Anne",
            "usual_name": "Martin",
            "uid": "42",
        }
    )

    response = finish_login(client, params)

    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.first_name, user.last_name) == (
        "agent@example.gouv.fr",
        "Anne",
        "Martin",
    )
    assert EmailAddress.objects.get(user=user).verified
    assert int(client.session[SESSION_KEY]) == user.pk


@pytest.mark.django_db
def test_userinfo_signed_by_another_key_is_refused(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_body = sign(userinfo_claims(), "RS256", key=OTHER_RSA_KEY, kid="rsa-1")

    assert_refused(client, finish_login(client, params))


@pytest.mark.django_db
def test_userinfo_signed_with_hmac_is_refused(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_body = sign(
        userinfo_claims(), "HS256", key="a-shared-secret-of-at-least-32-bytes!!", kid="rsa-1"
    )

    assert_refused(client, finish_login(client, params))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides", [{"aud": "another-client"}, {"iss": "https://evil.example/api/v2"}]
)
def test_userinfo_for_another_client_or_issuer_is_refused(client, proconnect, overrides):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_body = sign(userinfo_claims(**overrides))

    assert_refused(client, finish_login(client, params))


@pytest.mark.django_db
def test_userinfo_for_another_subject_is_refused(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_body = sign(userinfo_claims(sub="someone-else"))

    assert_refused(client, finish_login(client, params))


@pytest.mark.django_db
@pytest.mark.parametrize("nonce", ["x" * 43, None])
def test_wrong_or_missing_nonce_in_id_token_is_refused(client, proconnect, nonce):
    params = start_login(client, proconnect)
    claims = id_token_claims(nonce)
    if nonce is None:
        del claims["nonce"]
    proconnect.id_token = sign(claims)
    proconnect.userinfo_body = sign(userinfo_claims())

    assert_refused(client, finish_login(client, params))
    # Refused before the access token was used.
    assert f"GET {ISSUER}/userinfo" not in proconnect.calls


@pytest.mark.django_db
def test_id_token_signed_by_another_key_is_refused(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(
        id_token_claims(params["nonce"]), "RS256", key=OTHER_RSA_KEY, kid="rsa-1"
    )
    proconnect.userinfo_body = sign(userinfo_claims())

    assert_refused(client, finish_login(client, params))


@pytest.mark.django_db
def test_callback_with_unknown_state_is_refused(client, proconnect):
    params = start_login(client, proconnect)
    proconnect.id_token = sign(id_token_claims(params["nonce"]))
    proconnect.userinfo_body = sign(userinfo_claims())

    assert_refused(client, finish_login(client, {"state": "y" * 43}))
    assert not proconnect.token_requests


@pytest.mark.django_db
def test_login_without_configured_app_is_not_found(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert client.post(reverse("proconnect_login")).status_code == 404


@pytest.mark.django_db
def test_sign_in_page_shows_the_proconnect_button_with_its_label(client, proconnect):
    html = client.get(reverse("account_login")).content.decode()
    before, label = html.split('<a class="fr-btn fr-btn--secondary fr-icon-account-circle-line', 1)
    assert "ProConnect" in label.split("</a>", 1)[0]
    group = re.findall(r'<ul class="([^"]*)">', before)[-1]
    # An icon with its label: the group needs the icon-left modifier.
    assert "fr-btns-group--icon-left" in group.split()
