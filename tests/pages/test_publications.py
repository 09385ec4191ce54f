import io
import json
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pages.demo.files import demo_image, minimal_pdf
from pages.models import (
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
from pages.validators import normalise_isbn, normalise_issn, validate_isbn, validate_issn
from portal.models import SiteIdentity
from portal.outbox.models import OutgoingEmail
from portal.outbox.sending import queue_email
from tests.helpers.accounts import activate_totp

Document = get_document_model()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_document(title, filename, data):
    document = Document(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_pdf(title="Rapport"):
    return make_document(title, "rapport.pdf", minimal_pdf(title))


@pytest.fixture
def index(public_home):
    page = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_publication(index, title, slug, **fields):
    page = PublicationPage(title=title, slug=slug, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def magazine(index):
    return add_publication(
        index, "Culture & territoires n° 12", "magazine-12", publication_type="magazine",
        publication_format="both", publication_date=date(2025, 4, 2), issn="2116-4827",
        paper_copies_available=30, contact_email="diffusion@example.org", pdf=make_pdf(),
    )


# --- ISBN and ISSN ---------------------------------------------------------------------------

@pytest.mark.parametrize("isbn", [
    "978-2-11-145128-5", "9782111451285", "978 2 11 145128 5",  # ISBN-13
    "2-07-036822-X", "207036822x", "2 86822 013 4",  # ISBN-10, with X
])
def test_valid_isbns_pass(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize("isbn,code", [
    ("978-2-11-145128-4", "isbn_checksum"),
    ("2-07-036822-1", "isbn_checksum"),
    ("2070368229", "isbn_checksum"),
    ("X-07-036822-1", "isbn_format"),
    ("97821114512", "isbn_format"),
    ("1234567890123", "isbn_prefix"),
    ("ISBN 978-2-11-145128-5", "isbn_format"),
])
def test_invalid_isbns_fail_with_a_reason(isbn, code):
    with pytest.raises(ValidationError) as error:
        validate_isbn(isbn)
    assert error.value.code == code


@pytest.mark.parametrize("issn", ["2116-4827", "21164827", "1775-321X", "1775 321x"])
def test_valid_issns_pass(issn):
    validate_issn(issn)


@pytest.mark.parametrize("issn,code", [
    ("2116-4828", "issn_checksum"), ("1775-3210", "issn_checksum"), ("2116-482", "issn_format"),
])
def test_invalid_issns_fail_with_a_reason(issn, code):
    with pytest.raises(ValidationError) as error:
        validate_issn(issn)
    assert error.value.code == code


def test_identifiers_are_stored_normalised(index):
    page = add_publication(index, "Guide", "guide", isbn="978 2-11-145128-5", issn="1775321x")
    page.refresh_from_db()
    assert page.isbn == "9782111451285"
    assert page.issn == "1775-321X"
    assert normalise_isbn("2-07-036822-x") == "207036822X"
    assert normalise_issn("2116 4827") == "2116-4827"


# --- Admin: bad input is a field error -------------------------------------------------------

def test_admin_refuses_an_upload_that_is_not_a_real_pdf(admin_client):
    fake = SimpleUploadedFile("rapport.pdf", b"PK\x03\x04 a Word file in disguise")
    response = admin_client.post("/admin/documents/add/", {"title": "Rapport", "file": fake,
                                                           "collection": 1})
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == [
        "file_signature"]
    assert not Document.objects.exists()

    real = SimpleUploadedFile("rapport.pdf", minimal_pdf("Rapport"))
    response = admin_client.post("/admin/documents/add/", {"title": "Rapport", "file": real,
                                                           "collection": 1})
    assert response.status_code == 302
    assert Document.objects.get().file_size == len(minimal_pdf("Rapport"))


def publication_form_data(page, **changes):
    data = {
        "title": page.title, "slug": page.slug, "summary": "", "publication_type": "guide",
        "publication_format": "digital", "publication_date": "2025-03-01",
        "page_count": "", "isbn": "", "issn": "", "paper_copies_available": "0",
        "contact_email": "", "body": streamfield([]), "pdf": "", "cover_image": "",
        "listing_image": "", "collection": "",
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_admin_refuses_a_publication_file_that_is_not_a_pdf(admin_client, index):
    page = add_publication(index, "Guide", "guide")
    disguised = make_document("Faux PDF", "faux.pdf", b"<html>not a pdf</html>")
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/",
                                 publication_form_data(page, pdf=disguised.pk))
    assert response.status_code == 200
    assert "pdf" in response.context["form"].errors
    page.refresh_from_db()
    assert page.pdf is None

    genuine = make_pdf()
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/",
                                 publication_form_data(page, pdf=genuine.pk))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().pdf == genuine


def test_admin_shows_a_field_error_for_a_wrong_isbn(admin_client, index):
    page = add_publication(index, "Guide", "guide")
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/",
                                 publication_form_data(page, isbn="978-2-11-145128-4"))
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["isbn"]] == [
        "isbn_checksum"]


# --- Paper-copy requests ---------------------------------------------------------------------

def order(client, page, **changes):
    data = {"quantity": "3", "name": "Gwenaëlle Le Bihan", "organisation": "Médiathèque",
            "email": "g.lebihan@example.org",
            "postal_address": "12 rue de la Tour d’Auvergne\n29800 Landerneau",
            "message": "Pour le fonds local", "website": ""}
    data.update(changes)
    return client.post(page.url, data)


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the outbox's sending task) after each request."""
    def run(request, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(*args, **kwargs)
    return run


def test_a_paper_copy_request_is_stored_and_the_officer_notified(public_client, magazine,
                                                                 after_commit):
    response = after_commit(order, public_client, magazine)
    assert response.status_code == 302
    assert response["Location"] == "/publications/magazine-12/#paper-copies"
    paper_request = PaperCopyRequest.objects.get()
    assert paper_request.publication_title == "Culture & territoires n° 12"
    assert paper_request.quantity == 3
    email = paper_request.emails.get()
    assert (email.status, email.attempts, email.kind) == ("sent", 1, "paper-copy-request")
    [message] = mail.outbox
    assert message.to == ["diffusion@example.org"]
    assert message.reply_to == ["g.lebihan@example.org"]
    assert "Culture & territoires n° 12" in message.subject
    assert "29800 Landerneau" in message.body
    assert f"/admin/snippets/pages/papercopyrequest/edit/{paper_request.pk}/" in message.body
    page_after = public_client.get(response["Location"])
    assert 'class="fr-alert fr-alert--success' in page_after.content.decode()


def test_without_an_officer_the_site_contact_is_notified(public_client, magazine, sites,
                                                         after_commit):
    magazine.contact_email = ""
    magazine.save_revision().publish()
    identity = SiteIdentity.for_site(sites[0])
    identity.contact_email = "communication@example.org"
    identity.save()
    after_commit(order, public_client, magazine)
    assert mail.outbox[0].to == ["communication@example.org"]


def test_without_anyone_to_notify_the_request_is_still_taken(public_client, magazine,
                                                             after_commit):
    magazine.contact_email = ""
    magazine.save_revision().publish()
    assert after_commit(order, public_client, magazine).status_code == 302
    assert PaperCopyRequest.objects.count() == 1
    assert not OutgoingEmail.objects.exists() and mail.outbox == []


def test_a_request_survives_a_failing_mail_server_and_the_command_retries_it(
    public_client, magazine, smtp_server_down, after_commit
):
    response = after_commit(order, public_client, magazine)
    assert response.status_code == 302  # the visitor is not bothered by our mail server
    paper_request = PaperCopyRequest.objects.get()
    email = paper_request.emails.get()
    assert (email.status, email.attempts, email.sent_at) == ("failed", 1, None)
    assert "ConnectionRefusedError" in email.last_error

    smtp_server_down.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("retry_notifications", stdout=(output := io.StringIO()))  # former name
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")
    assert "1 e-mail(s) sent" in output.getvalue()
    [message] = smtp_server_down.received
    assert message["To"] == "diffusion@example.org"
    assert message["Reply-To"] == "g.lebihan@example.org"

    call_command("retry_notifications", stdout=io.StringIO())
    assert len(smtp_server_down.received) == 1  # a notified request is not sent twice


def test_the_honeypot_stops_robots(public_client, magazine, after_commit):
    response = after_commit(order, public_client, magazine, website="http://spam.example")
    assert response.status_code == 400
    assert not PaperCopyRequest.objects.exists()
    assert not OutgoingEmail.objects.exists() and mail.outbox == []


def test_too_many_requests_from_one_address_are_refused_keeping_the_input(
    public_client, magazine
):
    for _number in range(5):
        assert order(public_client, magazine).status_code == 302
    response = order(public_client, magazine, name="Sixième demande")
    assert response.status_code == 429
    assert response.context["order_form"].non_field_errors()
    assert 'value="Sixième demande"' in response.content.decode()
    assert PaperCopyRequest.objects.count() == 5


@pytest.mark.parametrize("changes,field", [
    ({"email": "pas-une-adresse"}, "email"),
    ({"quantity": "0"}, "quantity"),
    ({"quantity": "21"}, "quantity"),
    ({"quantity": "trois"}, "quantity"),
    ({"postal_address": ""}, "postal_address"),
])
def test_bad_values_give_dsfr_errors_and_keep_the_input(public_client, magazine, changes,
                                                        field):
    response = order(public_client, magazine, **changes)
    assert response.status_code == 200
    assert field in response.context["order_form"].errors
    html = response.content.decode()
    assert "fr-input-group--error" in html
    assert f'aria-describedby="id_{field}-messages"' in html
    assert 'value="Gwenaëlle Le Bihan"' in html
    assert not PaperCopyRequest.objects.exists()


def test_quantity_is_bounded_by_the_stock(public_client, magazine):
    magazine.paper_copies_available = 4
    magazine.save_revision().publish()
    response = order(public_client, magazine, quantity="5")
    assert "quantity" in response.context["order_form"].errors
    assert order(public_client, magazine, quantity="4").status_code == 302


@pytest.mark.parametrize("copies,paper_or_digital", [(0, "both"), (10, "digital")])
def test_no_order_form_without_paper_stock(public_client, index, copies, paper_or_digital):
    page = add_publication(index, "Guide", "guide", paper_copies_available=copies,
                           publication_format=paper_or_digital)
    response = public_client.get(page.url)
    assert response.context["order_form"] is None
    assert 'name="postal_address"' not in response.content.decode()
    assert order(public_client, page).status_code == 200
    assert not PaperCopyRequest.objects.exists()


# --- Downloads -------------------------------------------------------------------------------

def test_downloads_are_counted_per_file_and_month(public_client, magazine):
    url = magazine.url + "telecharger/"
    browser = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0"}
    response = public_client.get(url, **browser)
    assert response.status_code == 302
    assert response["Location"] == magazine.pdf.url
    served = public_client.get(response["Location"])
    assert b"".join(served.streaming_content).startswith(b"%PDF-")
    public_client.get(url, REMOTE_ADDR="192.0.2.7", **browser)  # another visitor
    public_client.head(url, **browser)  # link checkers and previews do not count
    this_month = timezone.localdate().replace(day=1)
    assert DownloadCount.objects.get(month=this_month).count == 2

    DownloadCount.record(magazine, magazine.pdf, day=date(2024, 11, 17))
    new_file = make_pdf("Nouvelle version")
    DownloadCount.record(magazine, new_file)
    counts = {(row.document_id, row.month): row.count for row in DownloadCount.objects.all()}
    assert counts == {(magazine.pdf.pk, this_month): 2, (magazine.pdf.pk, date(2024, 11, 1)): 1,
                      (new_file.pk, this_month): 1}


def test_a_publication_without_file_has_no_download(public_client, index):
    page = add_publication(index, "Affiche", "affiche", publication_format="paper")
    assert public_client.get(page.url + "telecharger/").status_code == 404
    assert "fr-download" not in public_client.get(page.url).content.decode()


def test_publication_page_shows_file_format_and_size(public_client, magazine):
    html = public_client.get(magazine.url).content.decode()
    assert 'href="/publications/magazine-12/telecharger/"' in html
    assert re.search(r'class="fr-download__detail">PDF – \d+', html)


@pytest.fixture
def editor_client(client, editor):
    activate_totp(editor)
    client.force_login(editor)
    return client


def test_download_counts_report_for_editors(editor_client, index, magazine):
    other = add_publication(index, "Guide", "guide", pdf=make_pdf("Guide"))
    DownloadCount.record(magazine, magazine.pdf, day=date(2025, 3, 4))
    DownloadCount.record(magazine, magazine.pdf, day=date(2025, 3, 9))
    DownloadCount.record(other, other.pdf, day=date(2024, 3, 4))

    assert "/admin/publication_downloads/" in editor_client.get("/admin/").content.decode()
    response = editor_client.get("/admin/publication_downloads/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Culture &amp; territoires n° 12" in html and "Guide" in html
    assert "/admin/publication_downloads/new/" not in html
    # Titled "Téléchargements", months by their names in the reader's language.
    assert re.search(r"<h1[^>]*>\s*Téléchargements\s*<", html)
    assert "mars 2025" in html and "mars 2024" in html and "2025-03" not in html

    response = editor_client.get("/admin/publication_downloads/",
                                 {"publication": magazine.pk, "export": "csv"})
    content = b"".join(response.streaming_content)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # For French spreadsheets: UTF-8 with a byte-order mark, semicolons, months in words.
    assert content.startswith(b"\xef\xbb\xbf")
    rows = content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 2  # header and one month
    assert rows[0] == "Publication;Fichier;Mois;Téléchargements"
    assert rows[1].endswith(";mars 2025;2")
    assert "mars 2025" in html and "2025-03" not in html

    response = editor_client.get("/admin/publication_downloads/", {"year": "2024"})
    assert [row.publication_id for row in response.context["object_list"]] == [other.pk]
    assert editor_client.get("/admin/publication_downloads/new/")["Location"] == "/admin/"


def test_exported_requests_write_dates_the_french_way_and_run_no_formula(admin_client,
                                                                         magazine):
    request = PaperCopyRequest.objects.create(
        publication=magazine, publication_title=magazine.title, name='=HYPERLINK("x")',
        email="anne@example.org", postal_address="x", quantity=1)
    response = admin_client.get("/admin/snippets/pages/papercopyrequest/", {"export": "csv"})
    row = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[1]
    created = timezone.localtime(request.created_at)
    assert row.startswith(created.strftime("%d/%m/%Y %H:%M") + ";")
    assert """;"'=HYPERLINK(""x"")";""" in row


def test_paper_copy_requests_are_listed_in_the_admin_by_status(admin_client, magazine):
    PaperCopyRequest.objects.create(publication=magazine, publication_title=magazine.title,
                                    name="Anne", email="anne@example.org", postal_address="x",
                                    quantity=1, status="sent")
    PaperCopyRequest.objects.create(publication=magazine, publication_title=magazine.title,
                                    name="Bruno", email="bruno@example.org",
                                    postal_address="x", quantity=2)
    url = "/admin/snippets/pages/papercopyrequest/"
    response = admin_client.get(url, {"status": "new"})
    assert response.status_code == 200
    assert [item.name for item in response.context["object_list"]] == ["Bruno"]
    assert admin_client.get(url + "add/")["Location"] == "/admin/"

    bruno = PaperCopyRequest.objects.get(name="Bruno")
    edit_url = f"{url}edit/{bruno.pk}/"
    assert "bruno@example.org" in admin_client.get(edit_url).content.decode()
    response = admin_client.post(edit_url, {"status": "sent", "officer_note": "Envoyé le 3/10"})
    assert response.status_code == 302
    bruno.refresh_from_db()
    assert (bruno.status, bruno.officer_note, bruno.name) == ("sent", "Envoyé le 3/10", "Bruno")


def test_officers_see_whether_the_officer_was_notified(admin_client, magazine):
    anne = PaperCopyRequest.objects.create(
        publication=magazine, publication_title=magazine.title, name="Anne",
        email="anne@example.org", postal_address="x", quantity=1)
    PaperCopyRequest.objects.create(publication=magazine, publication_title=magazine.title,
                                    name="Bruno", email="bruno@example.org",
                                    postal_address="x", quantity=2)
    email = queue_email(to="diffusion@example.org", subject="Demande", body="…", about=anne)
    OutgoingEmail.objects.filter(pk=email.pk).update(status="sent", sent_at=timezone.now())
    url = "/admin/snippets/pages/papercopyrequest/"
    notified = admin_client.get(url, {"notified": "true"}).context["object_list"]
    assert [item.name for item in notified] == ["Anne"]
    waiting = admin_client.get(url, {"notified": "false"}).context["object_list"]
    assert [item.name for item in waiting] == ["Bruno"]
    html = admin_client.get(f"{url}edit/{anne.pk}/").content.decode()
    assert "Envoyé à diffusion@example.org" in html
    assert f"/admin/outbox/inspect/{email.pk}/" in html
    response = admin_client.get(url, {"export": "csv"})
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert "Agent prévenu le" in rows[0]


# --- Listing ---------------------------------------------------------------------------------

@pytest.fixture
def catalogue(index):
    series = PublicationCollection.objects.create(name="Guides pratiques", slug="guides")
    other = PublicationCollection.objects.create(name="Patrimoines", slug="patrimoines")
    add_publication(index, "Guide A", "guide-a", publication_type="guide", collection=series,
                    publication_date=date(2025, 1, 10))
    add_publication(index, "Guide B", "guide-b", publication_type="guide", collection=series,
                    publication_date=date(2024, 6, 1))
    add_publication(index, "Rapport C", "rapport-c", publication_type="report",
                    publication_date=date(2025, 5, 1))
    add_publication(index, "Brochure D", "brochure-d", publication_type="brochure",
                    collection=other, publication_date=date(2023, 9, 1))
    return index


def listed_titles(response):
    return [page.title for page in response.context["publications"]]


@pytest.mark.parametrize("query,titles", [
    ({}, ["Rapport C", "Guide A", "Guide B", "Brochure D"]),
    ({"type": "guide"}, ["Guide A", "Guide B"]),
    ({"year": "2025"}, ["Rapport C", "Guide A"]),
    ({"collection": "guides"}, ["Guide A", "Guide B"]),
    ({"type": "guide", "year": "2024"}, ["Guide B"]),
    ({"type": "poster"}, []),
])
def test_listing_filters(public_client, catalogue, query, titles):
    response = public_client.get("/publications/", query)
    assert response.status_code == 200
    assert listed_titles(response) == titles


@pytest.mark.parametrize("query", [
    {"type": "roman"}, {"year": "deux-mille"}, {"year": "1850"},
    {"collection": "inconnue"}, {"year": "2025", "type": "<script>"},
])
def test_invalid_filters_give_a_400_with_a_friendly_message(public_client, catalogue, query):
    response = public_client.get("/publications/", query)
    assert response.status_code == 400
    assert 'class="fr-alert fr-alert--warning' in response.content.decode()
    assert len(listed_titles(response)) == 4


def test_listing_offers_only_years_and_collections_in_use(public_client, catalogue):
    form = public_client.get("/publications/").context["filters"].form
    assert [value for value, _label in form.fields["year"].choices][1:] == [2025, 2024, 2023]
    assert sorted(c.slug for c in form.fields["collection"].queryset) == ["guides",
                                                                          "patrimoines"]


def test_listing_is_paginated_keeping_the_filters(public_client, index):
    for number in range(14):
        add_publication(index, f"Guide {number:02}", f"guide-{number}", publication_type="guide")
    response = public_client.get("/publications/", {"type": "guide", "page": "2"})
    assert len(listed_titles(response)) == 2
    assert 'href="?type=guide&amp;page=1"' in response.content.decode()
    assert public_client.get("/publications/", {"page": "abc"}).status_code == 200


def test_intranet_listing_hides_publications_of_other_directorates(
    intranet_client, intranet_home, staff_bretagne, staff_normandie, directorates
):
    index = PublicationIndexPage(title="Publications internes", slug="publications")
    intranet_home.add_child(instance=index)
    index.save_revision().publish()
    add_publication(index, "Note réseau", "note-reseau")
    restricted = add_publication(index, "Bilan Bretagne", "bilan-bretagne")
    restriction = PageViewRestriction.objects.create(page=restricted,
                                                     restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([directorates[0].staff_group])

    intranet_client.force_login(staff_bretagne)
    assert listed_titles(intranet_client.get("/publications/")) == ["Bilan Bretagne",
                                                                    "Note réseau"]
    intranet_client.force_login(staff_normandie)
    assert listed_titles(intranet_client.get("/publications/")) == ["Note réseau"]


# --- schema.org ------------------------------------------------------------------------------

def json_ld(response):
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                       response.content.decode(), re.S)
    return json.loads(script.group(1))


def test_json_ld_describes_a_book_with_its_isbn(public_client, index):
    page = add_publication(index, "Les enclos </script> paroissiaux", "enclos",
                           isbn="2-07-036822-X", page_count=48, publication_format="paper",
                           publication_date=date(2024, 5, 20),
                           summary="Un patrimoine unique.")
    data = json_ld(public_client.get(page.url))
    assert data["@type"] == "Book"
    assert data["isbn"] == "207036822X"
    assert data["name"] == "Les enclos </script> paroissiaux"
    assert data["numberOfPages"] == 48
    assert data["bookFormat"] == "https://schema.org/Paperback"
    assert data["datePublished"] == "2024-05-20"
    assert data["url"] == "http://localhost:8000/publications/enclos/"


def test_json_ld_describes_a_magazine_issue_with_its_issn(public_client, magazine):
    magazine.collection = PublicationCollection.objects.create(name="Culture & territoires",
                                                               slug="ct")
    magazine.save_revision().publish()
    data = json_ld(public_client.get(magazine.url))
    assert data["@type"] == "PublicationIssue"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Culture & territoires",
                                "issn": "2116-4827"}
    assert data["encoding"]["contentUrl"] == (
        "http://localhost:8000/publications/magazine-12/telecharger/")


# --- Speed -----------------------------------------------------------------------------------

def add_many(index, count):
    collection = PublicationCollection.objects.create(name="Série", slug="serie")
    cover = demo_image("Couverture", "couverture.jpg", 40, 56, "#000091", "#6a6af4")
    pdf = make_pdf()
    return [add_publication(index, f"Publication {number}", f"publication-{number}",
                            collection=collection, cover_image=cover, pdf=pdf,
                            publication_date=date(2000 + number % 25, 1, 1))
            for number in range(count)]


@pytest.mark.parametrize("count", [5, 50])
def test_publication_list_queries_do_not_grow(public_client, index, count,
                                              django_assert_max_num_queries):
    add_many(index, count)
    public_client.get("/publications/")  # warm the site-root cache and create renditions
    with django_assert_max_num_queries(24):
        response = public_client.get("/publications/")
    assert response.content.decode().count("relais-publication-card") == min(count, 12)


@pytest.mark.parametrize("count", [5, 50])
def test_publication_page_queries_do_not_grow(public_client, index, count,
                                              django_assert_max_num_queries):
    publications = add_many(index, count)
    url = publications[0].url
    public_client.get(url)
    with django_assert_max_num_queries(30):
        response = public_client.get(url)
    assert response.content.decode().count("relais-publication-card") == 3


# --- Demo and admin --------------------------------------------------------------------------

def demo_counts():
    from wagtail.embeds.models import Embed
    from wagtail.images import get_image_model

    Image = get_image_model()
    return [model.objects.count() for model in (PublicationPage, PublicationCollection,
                                                 DownloadCount, PaperCopyRequest, Document,
                                                 Image, Embed)]


def test_demo_content_loads_once_and_its_pages_open(public_client):
    call_command("load_demo", stdout=io.StringIO())
    first = demo_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert demo_counts() == first
    assert first[0] == 12  # ten publications and two English translations
    for url in ("/publications/", "/publications/culture-et-territoires-12/",
                "/publications/?type=magazine",
                "/patrimoine-et-architecture/dossier-journees-europeennes-du-patrimoine/",
                "/en/publications/", "/en/publications/annual-report/"):
        assert public_client.get(url).status_code == 200, url
    magazine = public_client.get("/publications/culture-et-territoires-12/")
    assert magazine.context["order_form"] is not None


def test_publication_editor_opens_in_the_admin(admin_client, magazine, index):
    assert admin_client.get(f"/admin/pages/{magazine.pk}/edit/").status_code == 200
    assert admin_client.get(
        f"/admin/pages/add/pages/publicationpage/{index.pk}/").status_code == 200
    assert admin_client.get("/admin/snippets/pages/publicationcollection/").status_code == 200


def test_demo_reports_are_pdfs_of_several_pages_of_text():
    import pypdfium2

    from pages.demo.files import report_pdf
    from pages.demo.texts import report_sections

    data = report_pdf("Rapport d’activité 2025",
                      report_sections("Rapport d’activité 2025", "Une année en région.", 2025))
    document = pypdfium2.PdfDocument(data)
    try:
        assert len(document) >= 3
        first = document[0].get_textpage().get_text_range()
        assert "Rapport d’activité 2025" in first and "Avant-propos" in first
        last = document[len(document) - 1].get_textpage().get_text_range()
        assert f"page {len(document)} sur {len(document)}" in last
        assert len(document[1].get_textpage().get_text_range().split()) > 300
    finally:
        document.close()
