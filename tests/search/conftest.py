"""Fixtures of the search tests: a recording Elasticsearch client in place of the real one,
and helpers to index what the tests create."""

import pytest

from search import connection
from tests.helpers.elasticsearch import RecordingElasticsearch


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


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text pypdf can extract."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out


def add_document(title, collection=None, *, name="fichier.txt", data=b"Texte", tags=()):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    if tags:
        document.tags.add(*tags)
    return document


def restrict(page, *groups):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def content(sites, directorates, make_user):
    """Something of every kind, public and restricted, the word "patrimoine" in each title,
    indexed by a rebuild (the database only)."""
    from wagtail.models import Collection, Locale

    from events.models import EventStatus, Region
    from events.seeding import ensure_national_event
    from pages.contact.models import Question
    from pages.models import StandardPage
    from portal.media import intranet_collection_path
    from search import indexing
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

    edition = ensure_national_event(public_home.specific)
    organiser = make_user("organisatrice@example.org")
    items["event"] = make_event(edition, organiser, title="Patrimoine en fête à Rennes")
    items["submitted_event"] = make_event(edition, organiser, status=EventStatus.SUBMITTED,
                                          title="Patrimoine proposé")
    items["edition"] = edition
    items["region"] = Region.objects.get(slug="bretagne")
    items["question"] = Question.objects.create(
        reference="Q-2026-000001", name="Jean", email="jean@example.org",
        subject="Patrimoine", message="Une question sur le patrimoine",
        locale=Locale.get_default())
    indexing.rebuild()
    return items
