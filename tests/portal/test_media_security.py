"""Files follow the privacy of their collection (issue 7, findings 1, 2 and 4).

Restricted files are stored outside MEDIA_ROOT, so that neither the proxy nor the
development server can serve them; they are read through views that check the user, on both
hosts, for every role. Documents always download in a sandbox. Directorates have their own
collections; public pages cannot use restricted files.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.views.static import serve as development_media_view
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.utils.sendfile import _get_sendfile

from pages.models import PublicationIndexPage, PublicationPage
from portal.media import DOWNLOAD_CONTENT_SECURITY_POLICY
from portal.models import IntranetSettings
from portal.uploads import unsafe_svg_reason
from tests.helpers.pages import add_page
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

ROLES = ["anonymous", "partner", "other_agent", "agent", "editor", "superuser"]


# --- Fixtures and helpers ---------------------------------------------------------------------

def jpeg_bytes(size=(80, 60), colour=(0, 0, 145)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(title, collection, name="vitrail.jpg"):
    image = Image(title=title, description=f"Texte alternatif : {title}", collection=collection)
    image.file = ImageFile(io.BytesIO(jpeg_bytes()), name=name)
    image.save()
    return image


def make_document(title, collection, name="note.pdf", content=b"%PDF-1.4 confidentiel"):
    document = Document(title=title, collection=collection)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def intranet_collection():
    return IntranetSettings.load().intranet_collection


def root_collection():
    return Collection.get_first_root_node()


@pytest.fixture
def people(make_user, directorates):
    """One account per role; the agent works at DRAC Bretagne, the other agent at Normandie."""
    bretagne, normandie = directorates
    return {
        "partner": make_user("partenaire@example.org", "Partenaires"),
        "other_agent": make_user("agent.normandie@example.org", normandie.staff_group),
        "agent": make_user("agent.bretagne@example.org", bretagne.staff_group),
        "editor": make_user("editrice@example.org", "Rédacteurs"),
        "superuser": make_user("root@example.org", superuser=True),
    }


def client_for(role, host, people):
    client = Client(HTTP_HOST=host)
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.fixture
def bretagne_files(sites, directorates):
    """An image and a document of DRAC Bretagne's collection."""
    collection = directorates[0].collection
    image = make_image("Chantier de la cathédrale", collection, "chantier.jpg")
    document = make_document("Compte rendu du comité", collection, "comite.pdf")
    return image, image.get_rendition("fill-100x100"), document


@pytest.fixture
def intranet_files(sites):
    image = make_image("Séminaire du réseau", intranet_collection(), "seminaire.jpg")
    document = make_document("Note de service", intranet_collection(), "note.pdf")
    return image, image.get_rendition("fill-100x100"), document


@pytest.fixture
def nginx(settings):
    # wagtail.utils.sendfile remembers the backend it loaded: forget it before and after.
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    _get_sendfile.clear()
    yield
    _get_sendfile.clear()


def is_under(path: Path, folder) -> bool:
    return path.resolve().is_relative_to(Path(folder).resolve())


# --- Finding 1: where files are stored --------------------------------------------------------

def test_restricted_files_are_stored_outside_media_root(intranet_files):
    image, rendition, document = intranet_files
    for file in (image.file, rendition.file, document.file):
        path = Path(file.path)
        assert path.exists()
        assert is_under(path, settings.PRIVATE_MEDIA_ROOT)
        assert not is_under(path, settings.MEDIA_ROOT)
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    assert rendition.restricted and rendition.url.startswith("/private-media/images/")


def test_public_renditions_are_stored_where_the_proxy_serves_them(sites):
    image = make_image("Phare du Créac'h", root_collection(), "phare.jpg")
    rendition = image.get_rendition("fill-100x100")
    assert not rendition.restricted
    assert rendition.url == f"/media/{rendition.file.name}"
    assert is_under(Path(rendition.file.path), settings.MEDIA_ROOT)
    # Originals are source material that pages never show: restricted whatever the collection.
    assert is_under(Path(image.file.path), settings.PRIVATE_MEDIA_ROOT)


def test_the_development_media_view_cannot_reach_restricted_files(intranet_files, sites):
    """With DEBUG=true, /media/ is django.views.static.serve on MEDIA_ROOT (portal/urls.py)."""
    image, rendition, document = intranet_files
    public = make_image("Affiche", root_collection(), "affiche.jpg").get_rendition("width-50")
    request = RequestFactory().get("/media/")
    for name in (document.file.name, image.file.name, rendition.file.name):
        with pytest.raises(Http404):
            development_media_view(request, name, document_root=settings.MEDIA_ROOT)
    assert development_media_view(request, public.file.name,
                                  document_root=settings.MEDIA_ROOT).status_code == 200


def test_private_media_settings_refuse_nested_folders(tmp_path):
    import subprocess
    import sys

    env = {"MEDIA_ROOT": str(tmp_path / "media"),
           "PRIVATE_MEDIA_ROOT": str(tmp_path / "media" / "private"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", "import portal.settings"], env=env,
                            capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_ROOT must be two separate folders" in result.stderr


# --- Finding 1 and 2: who reads what, on which host -------------------------------------------

BRETAGNE_EXPECTED = {
    PUBLIC_HOST: {"anonymous": 404, "partner": 404, "other_agent": 404, "agent": 404,
                  "editor": 200, "superuser": 200},
    INTRANET_HOST: {"anonymous": 302, "partner": 403, "other_agent": 403, "agent": 200,
                    "editor": 200, "superuser": 200},
}
INTRANET_EXPECTED = {
    PUBLIC_HOST: BRETAGNE_EXPECTED[PUBLIC_HOST],
    INTRANET_HOST: {**BRETAGNE_EXPECTED[INTRANET_HOST], "other_agent": 200},
}


@pytest.mark.parametrize("host", [PUBLIC_HOST, INTRANET_HOST])
@pytest.mark.parametrize("role", ROLES)
def test_directorate_files_are_read_by_its_staff_and_editors_only(
    bretagne_files, people, role, host
):
    _image, rendition, document = bretagne_files
    client = client_for(role, host, people)
    expected = BRETAGNE_EXPECTED[host][role]
    for url in (rendition.url, document.url):
        response = client.get(url)
        assert response.status_code == expected, (url, role, host)
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("host", [PUBLIC_HOST, INTRANET_HOST])
@pytest.mark.parametrize("role", ROLES)
def test_intranet_files_are_read_on_the_intranet_by_staff(intranet_files, people, role, host):
    _image, rendition, document = intranet_files
    client = client_for(role, host, people)
    for url in (rendition.url, document.url):
        assert client.get(url).status_code == INTRANET_EXPECTED[host][role], (url, role, host)


def test_served_rendition_is_the_image(intranet_files, people):
    _image, rendition, _document = intranet_files
    response = client_for("agent", INTRANET_HOST, people).get(rendition.url)
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xff\xd8\xff")
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]


def test_originals_are_served_to_those_who_manage_images_only(intranet_files, people, sites):
    image, _rendition, _document = intranet_files
    public_image = make_image("Phare", root_collection(), "phare.jpg")
    for original in (image, public_image):
        url = original.file.url
        assert url.startswith("/private-media/original_images/")
        assert client_for("agent", INTRANET_HOST, people).get(url).status_code == 404
        assert client_for("anonymous", PUBLIC_HOST, people).get(url).status_code == 404
        assert client_for("editor", PUBLIC_HOST, people).get(url).status_code == 200


def test_documents_are_not_served_by_the_private_media_view(intranet_files, people):
    _image, _rendition, document = intranet_files
    client = client_for("superuser", INTRANET_HOST, people)
    assert client.get(f"/private-media/{document.file.name}").status_code == 404
    assert client.get("/private-media/images/unknown.jpg").status_code == 404


def test_intranet_pages_show_their_images_to_staff(intranet_home, people):
    """The intranet home's cards use restricted renditions, which the view serves."""
    image = make_image("Séminaire", intranet_collection(), "seminaire.jpg")
    add_page(intranet_home, "Vie du réseau", "vie-du-reseau", listing_image=image,
             summary="Les nouvelles du réseau")
    client = client_for("agent", INTRANET_HOST, people)
    html = client.get("/").content.decode()
    rendition = image.renditions.get()
    assert rendition.restricted and f'src="{rendition.url}"' in html
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")


def test_nginx_sends_restricted_files_with_x_accel_redirect(bretagne_files, people, nginx):
    _image, rendition, document = bretagne_files
    client = client_for("agent", INTRANET_HOST, people)
    for url, name in ((rendition.url, rendition.file.name), (document.url, document.file.name)):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/internal-media/{name}"
        assert response.content == b""
    # The check comes first: a refused visitor gets no X-Accel-Redirect.
    refused = client_for("other_agent", INTRANET_HOST, people).get(document.url)
    assert refused.status_code == 403 and not refused.has_header("X-Accel-Redirect")


def test_apache_sends_restricted_files_with_x_sendfile(bretagne_files, people, settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.xsendfile"
    _get_sendfile.clear()
    try:
        _image, rendition, _document = bretagne_files
        response = client_for("agent", INTRANET_HOST, people).get(rendition.url)
        assert response["X-Sendfile"] == rendition.file.path
        assert response.content == b""
    finally:
        _get_sendfile.clear()


# --- Renditions follow their image's privacy --------------------------------------------------

def test_an_image_moved_into_a_restricted_collection_takes_its_renditions_along(
    sites, django_capture_on_commit_callbacks
):
    image = make_image("Vitrail", root_collection())
    public_path = Path(image.get_rendition("fill-100x100").file.path)
    assert public_path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        image.collection = intranet_collection()
        image.save()
    assert not public_path.exists()
    rendition = Image.objects.get(pk=image.pk).get_rendition("fill-100x100")
    assert rendition.restricted and is_under(Path(rendition.file.path),
                                             settings.PRIVATE_MEDIA_ROOT)

    with django_capture_on_commit_callbacks(execute=True):
        image.collection = root_collection()
        image.save()
    assert not Path(rendition.file.path).exists()
    assert not Image.objects.get(pk=image.pk).get_rendition("fill-100x100").restricted


def test_a_collection_made_private_takes_its_images_renditions_along(
    sites, django_capture_on_commit_callbacks
):
    collection = root_collection().add_child(name="Presse – embargo")
    image = make_image("Maquette", collection)
    public_path = Path(image.get_rendition("width-50").file.path)
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    assert not public_path.exists()
    assert Image.objects.get(pk=image.pk).get_rendition("width-50").restricted


# --- Finding 2: directorates' collections ------------------------------------------------------

def test_each_directorate_has_a_collection_for_its_staff(directorates, sites):
    bretagne, normandie = directorates
    for directorate in (bretagne, normandie):
        collection = directorate.collection
        assert collection.name == directorate.short_name
        assert collection.get_parent() == intranet_collection()
        [restriction] = collection.get_view_restrictions().filter(collection=collection)
        assert list(restriction.groups.all()) == [directorate.staff_group]
    bretagne.short_name = "DRAC de Bretagne"
    bretagne.save()
    bretagne.collection.refresh_from_db()
    assert bretagne.collection.name == "DRAC de Bretagne"


def test_a_document_of_the_bretagne_space_is_not_for_normandie(intranet_home, directorates,
                                                              people):
    bretagne_space = add_page(intranet_home, "Espace Bretagne", "espace-bretagne")
    restriction = PageViewRestriction.objects.create(
        page=bretagne_space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([directorates[0].staff_group])
    document = make_document("Budget 2026", directorates[0].collection, "budget.pdf")
    bretagne_space.body = [
        ("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Budget</a></p>'))]
    bretagne_space.save_revision().publish()

    agent = client_for("agent", INTRANET_HOST, people)
    assert document.url in agent.get("/espace-bretagne/").content.decode()
    assert agent.get(document.url).status_code == 200
    normandie = client_for("other_agent", INTRANET_HOST, people)
    assert normandie.get(document.url).status_code == 403


def chooser_upload_collection(client, chooser, referer):
    response = client.get(f"/admin/{chooser}/chooser/", HTTP_REFERER=referer)
    assert response.status_code == 200
    return response.context["creation_form"]["collection"].value()


@pytest.mark.parametrize("chooser", ["documents", "images"])
def test_uploads_from_a_page_chooser_default_to_its_readers_collection(
    admin_client, public_home, intranet_home, directorates, chooser
):
    network = add_page(intranet_home, "Vie du réseau", "vie")
    space = add_page(intranet_home, "Espace Bretagne", "espace-bretagne")
    restriction = PageViewRestriction.objects.create(
        page=space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([directorates[0].staff_group])
    public = add_page(public_home, "Patrimoine", "patrimoine")
    base = f"http://{PUBLIC_HOST}/admin/pages/"
    assert (chooser_upload_collection(admin_client, chooser, f"{base}{network.pk}/edit/")
            == intranet_collection().pk)
    assert (chooser_upload_collection(admin_client, chooser, f"{base}{space.pk}/edit/")
            == directorates[0].collection.pk)
    # A new page under the Bretagne space: its parent decides.
    assert (chooser_upload_collection(
        admin_client, chooser, f"{base}add/pages/standardpage/{space.pk}/")
        == directorates[0].collection.pk)
    # A public page, or no page at all: Wagtail's default (the root collection).
    for referer in (f"{base}{public.pk}/edit/", ""):
        assert chooser_upload_collection(admin_client, chooser, referer) in (
            None, root_collection().pk)


def test_the_chooser_still_needs_the_admin(public_client, sites):
    response = public_client.get("/admin/documents/chooser/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def publish_page(client, page, **fields):
    data = nested_form_data({"title": page.title, "slug": page.slug, "summary": "",
                             "body": streamfield([]), "action-publish": "publish", **fields})
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_a_public_page_cannot_use_a_restricted_image(admin_client, public_home, intranet_home):
    secret = make_image("Plan de prévention", intranet_collection())
    page = add_page(public_home, "Patrimoine", "patrimoine")
    response = publish_page(admin_client, page, listing_image=secret.pk)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "listing_image" in errors and "« Plan de prévention »" in errors["listing_image"][0]
    page.refresh_from_db()
    assert page.specific.listing_image is None

    intranet_page = add_page(intranet_home, "Vie du réseau", "vie")
    assert publish_page(admin_client, intranet_page, listing_image=secret.pk).status_code == 302


def test_a_public_page_cannot_link_a_restricted_document(admin_client, public_home, directorates):
    secret = make_document("Budget 2026", directorates[0].collection, "budget.pdf")
    fine = make_document("Rapport public", root_collection(), "rapport.pdf")
    page = add_page(public_home, "Patrimoine", "patrimoine")

    def body_linking(*documents):
        entity_map = {str(number): {"type": "DOCUMENT", "mutability": "MUTABLE",
                                    "data": {"id": document.pk}}
                      for number, document in enumerate(documents)}
        ranges = [{"offset": number, "length": 1, "key": number}
                  for number in range(len(documents))]
        return streamfield([("paragraph", json.dumps({
            "blocks": [{"key": "a", "text": "ab", "type": "unstyled", "depth": 0,
                        "inlineStyleRanges": [], "entityRanges": ranges}],
            "entityMap": entity_map}))])

    response = publish_page(admin_client, page, body=body_linking(fine, secret))
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert "« Budget 2026 »" in error and "Rapport public" not in error
    assert publish_page(admin_client, page, body=body_linking(fine)).status_code == 302


def test_the_download_link_of_a_public_publication_never_reveals_a_restricted_file(
    public_client, public_home, directorates
):
    index = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=index)
    secret = make_document("Budget 2026", directorates[0].collection, "budget-secret.pdf")
    # Saved without the admin's form (as when a file is moved to a restricted collection
    # after the page was published).
    publication = PublicationPage(title="Rapport", slug="rapport", pdf=secret)
    index.add_child(instance=publication)
    publication.save_revision().publish()
    response = public_client.get(publication.url + "telecharger/")
    assert response.status_code == 404
    assert "budget-secret" not in response.get("Location", "")
    assert "budget-secret" not in public_client.get(publication.url).content.decode()
    assert not publication.download_counts.exists()


# --- Finding 4: what a downloaded file may do -------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("rapport.pdf", b"%PDF-1.4 rapport"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'),
    ("page.txt", b"<html><script>alert(1)</script></html>"),
])
def test_documents_download_as_attachments_in_a_sandbox(public_client, sites, name, content):
    document = make_document("Fichier", root_collection(), name, content)
    response = public_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_CONTENT_SECURITY_POLICY
    assert b"".join(response.streaming_content) == content


EVIL_SVGS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)'
              b"</script></svg>",
    "event": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "external": b'<svg xmlns="http://www.w3.org/2000/svg" '
                b'xmlns:xlink="http://www.w3.org/1999/xlink">'
                b'<image xlink:href="https://evil.example/track.png"/></svg>',
    "entity": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
}


@pytest.mark.parametrize("reason, svg", [
    *EVIL_SVGS.items(),
    ("script", b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">'
               b"<text>x</text></a></svg>"),
    ("script", b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div '
               b'xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>'),
    ("external", b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style>'
                 b"</svg>"),
    ("external", b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/y)"/>'
                 b"</svg>"),
    ("invalid", b"<html><body>not svg</body></html>"),
    ("invalid", b"<svg"),
])
def test_unsafe_svg_reasons(reason, svg):
    assert unsafe_svg_reason(svg) == reason


def test_plain_drawings_are_safe_svg():
    drawing = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
               b' viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0"/>'
               b'</linearGradient></defs><rect width="10" height="10" fill="url(#g)"/>'
               b'<use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
               b"<text>Marianne</text></svg>")
    assert unsafe_svg_reason(drawing) is None


@pytest.mark.parametrize("reason", EVIL_SVGS)
def test_the_admin_refuses_an_svg_document_with_a_script(admin_client, reason):
    upload = SimpleUploadedFile("logo.svg", EVIL_SVGS[reason], content_type="image/svg+xml")
    response = admin_client.post("/admin/documents/add/", {"title": "Logo", "file": upload,
                                                           "collection": root_collection().pk})
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == f"svg_{reason}"
    assert not Document.objects.exists()

    clean = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    response = admin_client.post("/admin/documents/add/", {"title": "Logo", "file": clean,
                                                           "collection": root_collection().pk})
    assert response.status_code == 302

