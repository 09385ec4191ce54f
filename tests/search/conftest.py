"""Fixtures of the search tests: a recording Elasticsearch client in place of the real one,
and helpers to index what the tests create."""

import pytest

from search import connection
from tests.helpers.elasticsearch import RecordingElasticsearch
from tests.helpers.search import add_document, minimal_pdf, restrict


@pytest.fixture(autouse=True)
def _closed_circuit():
    connection.reset()
    yield
    connection.reset()


@pytest.fixture
def recording_client(settings, monkeypatch):
    """Elasticsearch "configured", every request recorded and answered with nothing."""
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9"
    client = RecordingElasticsearch()
    monkeypatch.setattr(connection, "get_client", lambda: client)
    from search import indexing

    indexing._ensured.clear()
    yield client
    indexing._ensured.clear()


@pytest.fixture
def content(sites, directorates, make_user):
    """Something of every kind, public and restricted (a person and a service of the staff
    directory too), the word "patrimoine" in each title,
    indexed by a rebuild (the database only)."""
    from wagtail.models import Collection, Locale

    from events.models import EventStatus, Region
    from events.seeding import ensure_national_event
    from pages.contact.models import Question
    from pages.models import StandardPage
    from portal.media import intranet_collection_path
    from search import indexing
    from tests.helpers.directory import make_person, make_service
    from tests.helpers.events import make_event
    from tests.helpers.pages import add_page

    public_home, intranet_home = sites[0].root_page, sites[1].root_page
    bretagne, normandie = directorates
    items = {}
    items["public"] = add_page(public_home, "Patrimoine de la région", "patrimoine",
                               summary="Les monuments de la région.")
    items["intranet"] = add_page(intranet_home, "Patrimoine : notes de service", "notes")
    items["bretagne"] = add_page(intranet_home, "Patrimoine breton : réunion", "bzh")
    restrict(items["bretagne"], bretagne.staff_group)
    items["bretagne_child"] = add_page(items["bretagne"], "Patrimoine breton : compte rendu",
                                       "compte-rendu")
    items["normandie"] = add_page(intranet_home, "Patrimoine normand : réunion", "normandie")
    restrict(items["normandie"], normandie.staff_group)
    draft = StandardPage(title="Patrimoine en brouillon", slug="brouillon", live=False)
    public_home.add_child(instance=draft)
    draft.save_revision()
    items["draft"] = draft

    intranet_collection = Collection.objects.get(path=intranet_collection_path())
    items["public_document"] = add_document("Patrimoine : guide public")
    items["intranet_document"] = add_document("Patrimoine : procédure interne",
                                              intranet_collection)
    items["bretagne_document"] = add_document(
        "Patrimoine breton : budget", bretagne.collection, name="budget.pdf",
        data=minimal_pdf("Budget des fouilles de Carnac"))
    items["normandie_document"] = add_document("Patrimoine normand : budget",
                                               normandie.collection)

    edition = ensure_national_event(public_home.specific, 2026)
    organiser = make_user("organisatrice@example.org")
    items["event"] = make_event(edition, organiser, title="Patrimoine en fête à Rennes")
    items["submitted_event"] = make_event(edition, organiser, status=EventStatus.SUBMITTED,
                                          title="Patrimoine proposé")
    items["edition"] = edition
    items["region"] = Region.objects.get(slug="bretagne")
    # The staff directory: for the staff, whatever their directorate; archived people never.
    items["service"] = make_service(bretagne, "Service du patrimoine")
    items["person"] = make_person(bretagne, "Claire", "Patrimoine-Le Goff",
                                  service=items["service"], job_title="Cheffe de service")
    items["archived_person"] = make_person(bretagne, "Patrimoine", "Archivée")
    items["archived_person"].archive()
    items["question"] = Question.objects.create(
        reference="Q-2026-000001", name="Jean", email="jean@example.org",
        subject="Patrimoine", message="Une question sur le patrimoine",
        locale=Locale.get_default())
    indexing.rebuild()
    return items
