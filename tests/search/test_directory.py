"""The staff directory in the portal search (issue 13): people and services are intranet
results for the staff only, as the directory's pages are, and follow every change of the
directory through the indexing task."""

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.models import Service
from search import engines, indexing
from search.models import SearchEntry
from search.queries import Audience, SearchParams
from tests.helpers.directory import make_person, make_service
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_directory(sites, directorates):
    bretagne, normandie = directorates
    archives = make_service(bretagne, "Bureau des archives", acronym="BA",
                            kind=Service.Kind.BUREAU, missions="Conservation des fonds.")
    people = {
        "gwen": make_person(bretagne, "Gwenaëlle", "Le Bihan", service=archives,
                            job_title="Archiviste principale",
                            subjects="Numérisation\nRestauration des registres",
                            mobile="06 98 76 54 32", hide_mobile=True),
        "zoe": make_person(normandie, "Zoé", "Lecœur", job_title="Chargée de mécénat"),
        "gone": make_person(bretagne, "Paul", "Ancien", job_title="Archiviste retraité"),
    }
    people["gone"].archive()
    indexing.rebuild()
    return {"archives": archives, **people}


def keys(user, query, *, intranet=True):
    results = engines.database_search(SearchParams(query, per_page=50),
                                      Audience.of(user, intranet=intranet))
    return {hit.key for hit in results.hits}


def row(obj, source):
    return SearchEntry.objects.filter(key=f"{source}:{obj.pk}").first()


def test_people_and_services_are_staff_only_intranet_entries(staff_directory):
    person = row(staff_directory["gwen"], "person")
    assert (person.type, person.site, person.visibility, person.language) == (
        "person", "intranet", "staff", "")
    assert person.heading == "Gwenaëlle Le Bihan"
    assert person.url == (f"http://{INTRANET_HOST}/annuaire/personnes/"
                          f"{staff_directory['gwen'].pk}/")
    assert person.summary == "Archiviste principale · Bureau des archives (BA) · DRAC Bretagne"
    assert (person.directorate, person.region) == ("DRAC Bretagne", "Bretagne")
    # Nothing the directory hides: no phone, no e-mail.
    assert "06 98" not in str(SearchEntry.objects.filter(type="person").values())
    assert "@" not in str(SearchEntry.objects.filter(type="person").values())
    service = row(staff_directory["archives"], "service")
    assert (service.type, service.site, service.visibility) == ("service", "intranet", "staff")
    assert service.heading == "Bureau des archives (BA)"
    assert service.summary.endswith("DRAC Bretagne")  # services of the same name elsewhere
    assert row(staff_directory["gone"], "person") is None  # archived


@pytest.mark.parametrize("query", ["Le Bihan", "gwenaelle", "archiviste principale",
                                   "bureau archives", "numérisation", "registres",
                                   "DRAC Bretagne archiviste"])
def test_an_agent_finds_a_colleague_by_any_of_their_words(staff_directory, staff_normandie,
                                                          query):
    assert f"person:{staff_directory['gwen'].pk}" in keys(staff_normandie, query)


def test_never_on_the_public_site_nor_for_partners_or_anonymous(staff_directory, partner,
                                                                staff_bretagne):
    for user in (AnonymousUser(), partner, staff_bretagne):
        assert keys(user, "archiviste", intranet=False) == set()
    for user in (AnonymousUser(), partner):
        assert keys(user, "archiviste", intranet=True) == set()
    assert keys(staff_bretagne, "archiviste") == {f"person:{staff_directory['gwen'].pk}"}


def test_the_search_page_shows_a_colleague_on_the_intranet_only(client, staff_directory,
                                                                staff_bretagne):
    client.force_login(staff_bretagne)
    intranet = client.get("/recherche/?q=Le+Bihan", HTTP_HOST=INTRANET_HOST).content.decode()
    assert f"/annuaire/personnes/{staff_directory['gwen'].pk}/" in intranet
    public = client.get("/recherche/?q=Le+Bihan").content.decode()
    assert "/annuaire/" not in public


def test_the_index_follows_saves_archives_and_deletions(staff_directory, staff_normandie,
                                                       django_capture_on_commit_callbacks):
    gwen, zoe = staff_directory["gwen"], staff_directory["zoe"]
    with django_capture_on_commit_callbacks(execute=True):
        gwen.job_title = "Conservatrice"
        gwen.save()
    assert keys(staff_normandie, "conservatrice") == {f"person:{gwen.pk}"}
    with django_capture_on_commit_callbacks(execute=True):
        staff_directory["archives"].name = "Bureau du patrimoine écrit"
        staff_directory["archives"].save()
    assert f"person:{gwen.pk}" in keys(staff_normandie, "patrimoine écrit")
    assert f"service:{staff_directory['archives'].pk}" in keys(staff_normandie,
                                                               "patrimoine écrit")
    with django_capture_on_commit_callbacks(execute=True):
        gwen.archive()
    assert keys(staff_normandie, "conservatrice") == set()
    with django_capture_on_commit_callbacks(execute=True):
        zoe.delete()
    assert keys(staff_normandie, "mécénat") == set()
    assert row(zoe, "person") is None


def test_a_directorate_renamed_follows_in_its_people(staff_directory, directorates,
                                                     staff_normandie,
                                                     django_capture_on_commit_callbacks):
    bretagne = directorates[0]
    with django_capture_on_commit_callbacks(execute=True):
        bretagne.short_name = "DRAC Armorique"
        bretagne.save()
    assert row(staff_directory["gwen"], "person").directorate == "DRAC Armorique"
    assert row(staff_directory["archives"], "service").directorate == "DRAC Armorique"


def test_a_service_deleted_leaves_its_members_entries(staff_directory, staff_normandie,
                                                      django_capture_on_commit_callbacks):
    gwen, archives = staff_directory["gwen"], staff_directory["archives"]
    with django_capture_on_commit_callbacks(execute=True):
        archives.delete()
    # Its members were read again after the deletion: found, without the service's name.
    assert row(gwen, "person").summary == "Archiviste principale · DRAC Bretagne"
    assert keys(staff_normandie, "bureau archives") == set()
    assert f"person:{gwen.pk}" in keys(staff_normandie, "Le Bihan")
