import pytest
from django.contrib.auth.models import Group

from events.models import Region
from events.officers import OFFICER_GROUP
from events.seeding import ensure_national_event, ensure_regional_pages
from tests.helpers.accounts import activate_totp


@pytest.fixture
def edition(public_home):
    page = ensure_national_event(public_home, 2026)
    ensure_regional_pages(page, Region.objects.filter(slug__in=["bretagne", "normandie"]))
    return page


@pytest.fixture
def organiser(make_user):
    return make_user("organisatrice@example.org", first_name="Anne", last_name="Le Bihan")


@pytest.fixture
def bretagne(db):
    return Region.objects.get(slug="bretagne")


@pytest.fixture
def officer_bretagne(make_user, directorates):
    user = make_user("officier.bretagne@example.org", directorates[0].staff_group,
                     OFFICER_GROUP)
    activate_totp(user)
    return user


@pytest.fixture
def officer_normandie(make_user, directorates):
    user = make_user("officier.normandie@example.org", directorates[1].staff_group,
                     Group.objects.get(name=OFFICER_GROUP))
    activate_totp(user)
    return user
