import datetime as dt

import pytest
from django.utils import timezone

from branding.models import Logo, TermsOfUse
from branding.models.assets import Audience, LogoOwner
from portal.roles import EDITORS
from tests.helpers.accounts import activate_totp
from tests.helpers.branding import approve, make_version


@pytest.fixture
def partner_logo(db):
    logo = Logo.objects.create(name="DRAC Bretagne", slug="drac", owner=LogoOwner.DIRECTORATE,
                               audience=Audience.PARTNERS)
    make_version(logo, published_at=timezone.now() - dt.timedelta(days=1))
    return logo


@pytest.fixture
def public_logo(db):
    logo = Logo.objects.create(name="JEP 2026", slug="jep", owner=LogoOwner.NATIONAL_EVENT,
                               audience=Audience.PUBLIC)
    make_version(logo, published_at=timezone.now() - dt.timedelta(days=1))
    return logo


@pytest.fixture
def terms(db):
    return TermsOfUse.objects.create(version="2026-1", text="Sans déformation.",
                                     published_at=timezone.now() - dt.timedelta(days=1))


@pytest.fixture
def approved_partner(partner):
    approve(partner)
    return partner


@pytest.fixture
def reviewer(make_user):
    officer = make_user("officier@example.org", EDITORS)
    activate_totp(officer)
    return officer
