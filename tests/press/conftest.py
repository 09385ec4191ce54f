import pytest
from django.conf import settings
from django.test import Client

from tests.helpers.accounts import activate_totp
from tests.helpers.press import make_room, press_officer


@pytest.fixture
def room(public_home):
    return make_room(public_home)


@pytest.fixture
def officer(db):
    return press_officer()


@pytest.fixture
def officer_client(officer, sites):
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(officer)
    return client


@pytest.fixture
def editor_client(editor, sites):
    activate_totp(editor)
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(editor)
    return client
