"""A TOTP code is accepted once and refused for as long as it stays valid (issue 7, finding 5).

MFA_TOTP_TOLERANCE = 1 keeps a code valid during its own 30-second period and the ones on
either side; allauth alone forgets a used code after one period.
"""

import time

import pytest
from django.test import Client

from tests.helpers.accounts import PASSWORD, activate_totp, current_totp_code
from tests.helpers.sites import PUBLIC_HOST

pytestmark = pytest.mark.django_db

PERIOD = 30


@pytest.fixture
def clock(monkeypatch):
    """The time allauth (code periods) and the cache (expiry) read, moved by the test.

    It starts one second into a period: the code of that period stays valid up to +58 s (the
    next period, allowed by the tolerance); allauth alone accepts it again from +30 s.
    """
    now = [(int(time.time()) // PERIOD) * PERIOD + 1.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


@pytest.fixture
def secret(editor):
    return activate_totp(editor)


def sign_in_with_code(editor, code):
    client = Client(HTTP_HOST=PUBLIC_HOST)
    response = client.post("/accounts/login/", {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    return client, response


def is_signed_in(client):
    return client.get("/").wsgi_request.user.is_authenticated


@pytest.mark.parametrize("seconds_later", [0, 10, 29, 40, 58])
def test_a_used_code_is_refused_while_it_stays_valid(clock, editor, secret, sites, seconds_later):
    code = current_totp_code(secret)
    client, response = sign_in_with_code(editor, code)
    assert response.status_code == 302 and is_signed_in(client)

    clock[0] += seconds_later
    replay, response = sign_in_with_code(editor, code)
    assert response.status_code == 200
    assert "Code incorrect." in response.content.decode()
    assert not is_signed_in(replay)

    # The account itself is fine: the code of the moment signs in, once.
    fresh_code = current_totp_code(secret)
    if fresh_code != code:
        client, response = sign_in_with_code(editor, fresh_code)
        assert response.status_code == 302 and is_signed_in(client)


def test_a_code_typed_with_a_space_is_the_same_code(clock, editor, secret, sites):
    code = current_totp_code(secret)
    assert sign_in_with_code(editor, code)[1].status_code == 302
    clock[0] += 40
    _client, response = sign_in_with_code(editor, f"{code[:3]} {code[3:]}")
    assert response.status_code == 200


def test_the_sign_in_code_cannot_confirm_a_sensitive_change(clock, editor, secret, sites):
    code = current_totp_code(secret)
    client, _response = sign_in_with_code(editor, code)
    clock[0] += 40
    response = client.post("/accounts/2fa/reauthenticate/", {"code": code})
    assert response.status_code == 200
    assert "Code incorrect." in response.content.decode()
    fresh = client.post("/accounts/2fa/reauthenticate/", {"code": current_totp_code(secret)})
    assert fresh.status_code == 302
