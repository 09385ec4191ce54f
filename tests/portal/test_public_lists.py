"""Every parameter of every public list (portal.filters.LISTS) with the inputs that used to
give a 500 somewhere: numbers beyond 64 bits, Unicode digits, NUL characters, very long
texts, dates at the ends of the calendar, markup, a parameter given twice. Each answer is a
page (200) or a 400 that names the field in words; never a 500, never the markup echoed.

URLS says where each list is served: a list added to LISTS without its URLs here fails
test_every_public_list_is_tried, so that the later property-based tests (hypothesis) can
iterate over the same table."""

import html
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import translation

from portal.filters import LISTS
from tests.helpers.lists import LIST_URLS as URLS
from tests.helpers.lists import fill_lists
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert(1)</script>"
# Values no parameter may answer with a 500; (value, must every filter refuse it?).
NASTY = [
    ("9" * 26, False), ("²", False), ("٣", False), ("-1", False), ("0001-01-01", False),
    ("9999-12-31", False), (MARKUP, False), ("\x00", True), ("é" * 3000, True),
]
# Free text: any of the values above but NUL and length is a fine search.
TEXT_PARAMETERS = {"q", "commune"}


@pytest.fixture
def lists(public_home, intranet_home, make_user, staff_bretagne):
    """Each list with something in it, so that filters meet real rows."""
    fill_lists(public_home, make_user("organisatrice@example.org"))
    return {PUBLIC_HOST: Client(HTTP_HOST=PUBLIC_HOST),
            INTRANET_HOST: _signed_in(Client(HTTP_HOST=INTRANET_HOST), staff_bretagne)}


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_every_public_list_is_tried():
    assert set(URLS) == set(LISTS)


def _problems(client, url, filters_class, parameter, query, *, must_refuse):
    """What is wrong with the answer to ``url?query`` (nothing: an empty list)."""
    response = client.get(f"{url}?{query}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    problems = []
    if response.status_code not in (200, 400):
        problems.append(f"answers {response.status_code}")
    if MARKUP in text:
        problems.append("echoes the markup")
    if must_refuse and response.status_code != 400:
        problems.append(f"is not refused ({response.status_code})")
    if response.status_code == 400:
        with translation.override("en"):
            label = str(filters_class.base_filters[parameter].label)
        if html.escape(f"{label}: ") not in text:
            problems.append(f"does not name {label!r} in words")
    return problems


@pytest.mark.parametrize("name,host,url", [
    (name, host, url) for name, urls in URLS.items() for host, url in urls])
def test_no_parameter_gives_a_500(lists, name, host, url):
    filters_class, client = LISTS[name], lists[host]
    failures = []
    for parameter in filters_class.parameters():
        # A regional programme's region is its own, whatever the address says.
        is_filter = parameter != "page" and not (parameter == "region" and url.endswith(
            "bretagne/"))
        for value, refused in NASTY:
            must_refuse = is_filter and (refused or parameter not in TEXT_PARAMETERS)
            failures += [f"{parameter}={value[:30]!r}: {problem}" for problem in _problems(
                client, url, filters_class, parameter, urlencode({parameter: value}),
                must_refuse=must_refuse)]
        # Given twice: a filter takes one value, the page number forgives.
        failures += [f"{parameter} twice: {problem}" for problem in _problems(
            client, url, filters_class, parameter, f"{parameter}=1&{parameter}=2",
            must_refuse=is_filter)]
    assert failures == []
