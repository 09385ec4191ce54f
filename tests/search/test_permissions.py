"""Permission-exact search: every query carries a filter built from the visitor, and no one
ever finds what they may not open — not in hits, totals, facets or suggestions.

The Elasticsearch side is asserted on the bodies our code sends; the database side runs for
real, and every hit is opened over HTTP by the visitor who found it.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from search import engines
from search.models import SearchEntry
from search.queries import (
    Audience,
    SearchParams,
    build_autocomplete,
    build_search,
    es_permission_filter,
)

pytestmark = pytest.mark.django_db

PUBLIC_ONLY = {"bool": {"filter": [{"terms": {"site": ["public"]}}],
                        "should": [{"term": {"visibility": "everyone"}}],
                        "minimum_should_match": 1}}


def staff_filter(*group_ids):
    should = [{"term": {"visibility": "everyone"}}, {"term": {"visibility": "staff"}}]
    if group_ids:
        should.append({"bool": {"filter": [
            {"term": {"visibility": "groups"}},
            {"terms": {"groups": [str(group) for group in sorted(group_ids)]}},
        ]}})
    return {"bool": {"filter": [{"terms": {"site": ["public", "intranet"]}}],
                     "should": should, "minimum_should_match": 1}}


@pytest.fixture
def roles(partner, staff_bretagne, staff_normandie, editor, make_user):
    return {
        "anonymous": AnonymousUser(),
        "partner": partner,
        "staff_bretagne": staff_bretagne,
        "staff_normandie": staff_normandie,
        "editor": editor,
        "superuser": make_user("root@example.org", superuser=True),
    }


# --- The filter, role by role ---------------------------------------------------------------


def test_the_filter_of_each_role(roles, directorates):
    bretagne, normandie = (directorate.staff_group_id for directorate in directorates)
    editors_group = roles["editor"].groups.get().pk
    on_the_intranet = {name: es_permission_filter(Audience.of(user, intranet=True)).to_dict()
                       for name, user in roles.items()}
    assert on_the_intranet["anonymous"] == PUBLIC_ONLY
    # A partner has no intranet access: public content only, even if asked there.
    assert on_the_intranet["partner"] == PUBLIC_ONLY
    assert on_the_intranet["staff_bretagne"] == staff_filter(bretagne)
    assert on_the_intranet["staff_normandie"] == staff_filter(normandie)
    assert on_the_intranet["editor"] == staff_filter(editors_group)
    assert on_the_intranet["superuser"] == {"terms": {"site": ["public", "intranet"]}}


def test_the_public_site_searches_public_content_whoever_asks(roles):
    for user in roles.values():
        assert es_permission_filter(Audience.of(user, intranet=False)).to_dict() == PUBLIC_ONLY


def test_every_query_body_carries_the_filter(roles, directorates):
    audience = Audience.of(roles["staff_bretagne"], intranet=True)
    expected = es_permission_filter(audience).to_dict()
    body = build_search(SearchParams("patrimoine", facets={"type": "document"}),
                        audience).to_dict()
    # In the query itself: hits, total, highlights and every facet's counts are computed
    # on what the visitor may open (no global aggregation escapes it).
    assert body["query"]["bool"]["filter"] == [expected]
    assert "global" not in str(body["aggs"])
    assert body["track_total_hits"] is True
    suggestions = build_autocomplete("patr", audience, "fr").to_dict()
    assert suggestions["query"]["bool"]["filter"] == [expected]
    assert build_search(SearchParams("x"), audience)._index == [
        "relais-search-public-fr", "relais-search-intranet-fr"]
    public = Audience.of(roles["staff_bretagne"], intranet=False)
    assert build_search(SearchParams("x", language="en"), public)._index == [
        "relais-search-public-en"]


# --- The database, for real ----------------------------------------------------------------


def host_client(user, host):
    client = Client(HTTP_HOST=host)
    if user.is_authenticated:
        client.force_login(user)
    return client


def opens(user, url) -> bool:
    parts = urlsplit(url)
    response = host_client(user, parts.netloc).get(parts.path)
    return response.status_code == 200


def findable(user, *, intranet: bool) -> set[str]:
    """The keys of the entries about "patrimoine" this visitor can open from where they
    search: opened one by one over HTTP, on the host the entry's URL names."""
    keys = set()
    for row in SearchEntry.objects.all():
        if "patrimoine" not in row.heading.lower():
            continue
        if not intranet and row.site != "public":
            continue
        if opens(user, row.url):
            keys.add(row.key)
    return keys


def all_hits(user, *, intranet: bool, facets=None) -> tuple[set, int, dict]:
    audience = Audience.of(user, intranet=intranet)
    results = engines.database_search(
        SearchParams("patrimoine", facets=facets or {}, per_page=100), audience)
    return {hit.key for hit in results.hits}, results.total, results.facets


@pytest.mark.parametrize("role", ["anonymous", "partner", "staff_bretagne", "editor"])
def test_on_the_public_site_each_role_finds_exactly_the_public_content(content, roles, role):
    user = roles[role]
    found, total, facets = all_hits(user, intranet=False)
    assert found == findable(AnonymousUser(), intranet=False)
    assert total == len(found)
    assert {item.value for item in facets["type"]} == {"page", "document", "event",
                                                       "national_event"}
    assert facets["directorate"] == []


@pytest.mark.parametrize("role", ["staff_bretagne", "staff_normandie", "editor", "superuser"])
def test_on_the_intranet_each_role_finds_exactly_what_it_may_open(content, roles, role):
    user = roles[role]
    found, total, facets = all_hits(user, intranet=True)
    expected = findable(user, intranet=True)
    assert found <= expected
    if role == "editor":
        # Editors may download any document they manage (portal.media), as the admin does;
        # search shows them what their groups may read, like everyone else.
        assert expected - found == {f"document:{content[name].pk}" for name in (
            "bretagne_document", "normandie_document")}
    else:
        assert found == expected
    assert total == len(found)
    directorates = {item.value: item.count for item in facets["directorate"]}
    # The staff directory's person and service (DRAC Bretagne) are for every agent.
    if role == "staff_bretagne":
        assert directorates == {"DRAC Bretagne": 5}
    elif role == "staff_normandie":
        assert directorates == {"DRAC Normandie": 2, "DRAC Bretagne": 2}
    elif role == "editor":
        assert directorates == {"DRAC Bretagne": 2}
    else:
        assert directorates == {"DRAC Bretagne": 5, "DRAC Normandie": 2}
    assert {f"person:{content['person'].pk}", f"service:{content['service'].pk}"} <= found


def test_the_agents_of_two_directorates_see_their_own_restricted_content(content, roles):
    bretagne, _total, _facets = all_hits(roles["staff_bretagne"], intranet=True)
    normandie, _total, _facets = all_hits(roles["staff_normandie"], intranet=True)
    keys = lambda *names: {  # noqa: E731
        f"{'document' if 'document' in name else 'page'}:{content[name].pk}" for name in names}
    assert keys("bretagne", "bretagne_child", "bretagne_document") <= bretagne
    assert not keys("normandie", "normandie_document") & bretagne
    assert keys("normandie", "normandie_document") <= normandie
    assert not keys("bretagne", "bretagne_child", "bretagne_document") & normandie


def test_a_selected_facet_narrows_the_hits_but_not_its_own_counts(content, roles):
    user = roles["staff_bretagne"]
    found, total, facets = all_hits(user, intranet=True, facets={"type": "document"})
    assert found and all(key.startswith("document:") for key in found)
    assert total == len(found)
    types = {item.value: item for item in facets["type"]}
    assert types["document"].selected
    assert "page" in types  # the other types stay offered, with their counts


def test_suggestions_follow_the_same_rules(content, roles):
    def titles(user, *, intranet):
        audience = Audience.of(user, intranet=intranet)
        return {item["title"] for item in engines.database_autocomplete("patrim", audience,
                                                                        "fr")}

    assert "Patrimoine breton : réunion" in titles(roles["staff_bretagne"], intranet=True)
    assert "Patrimoine breton : réunion" not in titles(roles["staff_normandie"], intranet=True)
    assert not any("breton" in title or "normand" in title or "notes" in title
                   for title in titles(roles["staff_bretagne"], intranet=False))
    assert "Patrimoine de la région" in titles(AnonymousUser(), intranet=False)


def test_drafts_submissions_and_questions_are_never_found(content, roles):
    found, _total, _facets = all_hits(roles["superuser"], intranet=True)
    assert f"page:{content['draft'].pk}" not in found
    assert f"localevent:{content['submitted_event'].pk}" not in found
    assert f"localevent:{content['event'].pk}" in found
    assert not any(key.startswith("question") for key in found)
    assert f"person:{content['archived_person'].pk}" not in found


@pytest.mark.parametrize("role", ["anonymous", "partner"])
def test_the_directory_is_never_found_without_intranet_access(content, roles, role):
    for intranet in (True, False):
        found, _total, facets = all_hits(roles[role], intranet=intranet)
        assert not {key for key in found if key.startswith(("person:", "service:"))}
        assert not {"person", "service"} & {item.value for item in facets["type"]}
