"""The intranet's document library: who reads which document, versions kept when a file is
replaced, the library page's filters, and the review reminders."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.library.models import LibraryIndexPage
from pages.library.reviews import documents_to_remind, remind_owner, remind_owners
from portal.media import collection_is_restricted
from portal.models import IntranetSettings
from portal.outbox.models import OutgoingEmail
from tests.helpers.accounts import activate_totp
from tests.helpers.library import make_reference, pdf_document

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def library(intranet_home):
    page = LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
    intranet_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def documents(directorates):
    bretagne, normandie = directorates
    return {
        "network": make_reference("Note sur le télétravail", reference="NS-2026-001"),
        "bretagne": make_reference("Procédure d'achat Bretagne", kind="procedure",
                                   directorates=[bretagne], date=dt.date(2025, 6, 1),
                                   owner_service="Bureau des ressources humaines"),
        "both": make_reference("Formulaire de mission", kind="form",
                               directorates=[bretagne, normandie]),
    }


def listed(response):
    return [item.title for item in response.context["page_obj"].object_list]


def test_files_follow_the_directorates_they_apply_to(documents, directorates):
    bretagne, normandie = directorates
    intranet = IntranetSettings.load().intranet_collection
    assert documents["network"].document.collection == intranet
    assert documents["bretagne"].document.collection == bretagne.collection
    shared = documents["both"].document.collection
    assert collection_is_restricted(shared)
    groups = {group for restriction in shared.get_view_restrictions()
              for group in restriction.groups.all()}
    assert groups == {bretagne.staff_group, normandie.staff_group}
    documents["both"].directorates.set([normandie])
    documents["both"].document.refresh_from_db()
    assert documents["both"].document.collection == normandie.collection


def test_each_agent_reads_the_network_and_their_directorates_documents(
        intranet_client, library, documents, staff_normandie):
    intranet_client.force_login(staff_normandie)
    response = intranet_client.get("/bibliotheque/")
    assert listed(response) == ["Formulaire de mission", "Note sur le télétravail"]
    assert intranet_client.get(documents["both"].download_url).status_code == 200
    assert intranet_client.get(documents["bretagne"].download_url).status_code == 403
    # Nor through the file's own address.
    document = documents["bretagne"].document
    assert intranet_client.get(document.url).status_code == 403


def test_nothing_of_the_library_on_the_public_site(public_client, library, documents,
                                                   staff_bretagne):
    public_client.force_login(staff_bretagne)
    assert public_client.get("/bibliotheque/").status_code == 404
    assert public_client.get(documents["network"].download_url).status_code == 404
    assert public_client.get(documents["network"].document.url).status_code == 404
    assert b"bibliotheque" not in public_client.get("/sitemap.xml").content


def test_replacing_the_file_keeps_the_earlier_version(intranet_client, library, documents,
                                                      staff_bretagne, editor):
    note = documents["network"]
    first = note.document
    note.document = pdf_document("Note sur le télétravail v2")
    note.save()
    assert [(version.number, version.document) for version in note.versions.all()] == [
        (1, first)]
    intranet_client.force_login(staff_bretagne)
    current = intranet_client.get(note.download_url)
    assert current["Content-Disposition"].startswith("attachment")
    assert b"v2" in body(current)
    assert intranet_client.get(f"{note.download_url}versions/1/").status_code == 403
    activate_totp(editor)
    intranet_client.force_login(editor)
    earlier = intranet_client.get(f"{note.download_url}versions/1/")
    assert earlier.status_code == 200 and b"v2" not in body(earlier)
    assert intranet_client.get(f"{note.download_url}versions/2/").status_code == 404


def test_the_editor_sees_the_versions_in_the_admin(admin_client, documents):
    note = documents["network"]
    note.document = pdf_document("Nouvelle version")
    note.save()
    page = admin_client.get(f"/admin/snippets/pages/referencedocument/edit/{note.pk}/")
    assert page.status_code == 200
    assert f"/bibliotheque/documents/{note.pk}/versions/1/" in page.content.decode()


@pytest.mark.parametrize(("params", "expected"), [
    ({"kind": "form"}, ["Formulaire de mission"]),
    ({"year": "2025"}, ["Procédure d'achat Bretagne"]),
    ({"service": "Bureau des ressources humaines"}, ["Procédure d'achat Bretagne"]),
    ({"directorate": "drac-normandie"}, ["Formulaire de mission", "Note sur le télétravail"]),
    ({}, ["Formulaire de mission", "Note sur le télétravail", "Procédure d'achat Bretagne"]),
])
def test_the_library_filters_by_type_service_year_and_directorate(
        intranet_client, library, documents, staff_bretagne, params, expected):
    intranet_client.force_login(staff_bretagne)
    response = intranet_client.get("/bibliotheque/", params)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize("params", [{"kind": "memo"}, {"year": "1999"},
                                    {"directorate": "nowhere"}, {"kind": ["note", "form"]}])
def test_bad_library_filters_answer_400(intranet_client, library, documents, staff_bretagne,
                                        params):
    intranet_client.force_login(staff_bretagne)
    assert intranet_client.get("/bibliotheque/", params).status_code == 400


def test_the_library_page_keeps_its_query_count_flat(intranet_client, library, documents,
                                                     staff_bretagne, directorates):
    intranet_client.force_login(staff_bretagne)
    intranet_client.get("/bibliotheque/")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert intranet_client.get("/bibliotheque/").status_code == 200
        return len(queries)

    before = count()
    for number in range(8):
        make_reference(f"Note {number}", directorates=[directorates[0]])
    # New files redraw the cached layout (portal.layout): compare warm pages.
    intranet_client.get("/bibliotheque/")
    assert count() == before


def test_owners_are_reminded_once_per_review_date(documents, editor):
    note = documents["network"]
    note.owner, note.review_date = editor, dt.date(2026, 1, 1)
    note.save()
    documents["bretagne"].review_date = dt.date(2027, 1, 1)
    documents["bretagne"].owner = editor
    documents["bretagne"].save()
    assert remind_owners(dt.date(2026, 2, 1)) == 1
    assert remind_owners(dt.date(2026, 2, 2)) == 0
    email = OutgoingEmail.objects.about(note).get()
    assert email.to == editor.email and "Note sur le télétravail" in email.subject
    assert email.body.startswith("Bonjour,")
    note.review_date = dt.date(2026, 6, 1)
    note.save()
    assert remind_owners(dt.date(2026, 7, 1)) == 1


def test_a_document_read_by_two_servers_at_once_is_reminded_once(documents, editor):
    note = documents["network"]
    note.owner, note.review_date = editor, dt.date(2026, 1, 1)
    note.save()
    # Both servers' cron read the same overdue document before either reminded it.
    first, second = (list(documents_to_remind(dt.date(2026, 2, 1))) for _server in range(2))
    assert remind_owner(first[0], dt.date(2026, 2, 1)) is True
    assert remind_owner(second[0], dt.date(2026, 2, 1)) is False
    assert OutgoingEmail.objects.about(note).count() == 1


def test_overdue_documents_are_marked_in_the_admin(admin_client, documents):
    documents["bretagne"].review_date = dt.date(2020, 1, 1)
    documents["bretagne"].save()
    response = admin_client.get("/admin/snippets/pages/referencedocument/?review_overdue=1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Procédure d&#x27;achat Bretagne" in page or "Procédure d'achat Bretagne" in page
    assert "Note sur le télétravail" not in page


def test_a_file_used_on_a_public_page_cannot_become_a_library_file(public_home):
    from django.core.exceptions import ValidationError

    from tests.helpers.pages import add_publications

    _, (publication,) = add_publications(public_home, 1)
    public_file = pdf_document("Rapport public")
    publication.pdf = public_file
    publication.save_revision().publish()

    reference = make_reference("Note sur les achats")
    reference.document = public_file
    with pytest.raises(ValidationError) as refused:
        reference.full_clean()
    assert "Téléversez plutôt une copie" in str(refused.value.message_dict["document"])

    reference.document = pdf_document("Note sur les achats v2")
    reference.full_clean()  # a file nobody else uses is fine, and so is the document's own
    reference.save()
    reference.full_clean()
