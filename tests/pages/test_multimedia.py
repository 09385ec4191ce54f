import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.blocks import AudioBlock, GalleryBlock, VideoBlock
from pages.demo.files import demo_image, minimal_pdf, silent_mp3
from pages.models import MultimediaFolderPage

Document = get_document_model()

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://video.example.org/w/patrimoine"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


class RecordingFinder(EmbedFinder):
    """Stands for a video provider: records every time Wagtail would have asked it."""

    calls = []

    def __init__(self, **options):
        pass

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        RecordingFinder.calls.append(url)
        return {"title": "", "author_name": "", "provider_name": "Example", "type": "video",
                "thumbnail_url": "", "width": 640, "height": 360,
                "html": '<iframe src="https://video.example.org/embed/fetched"></iframe>'}


@pytest.fixture
def recording_finder(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.pages.test_multimedia.RecordingFinder"}]
    get_finders.cache_clear()
    RecordingFinder.calls = []
    yield RecordingFinder.calls
    get_finders.cache_clear()


def store_embed(url, title="Vidéo"):
    Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", width=560, height=315,
                         html=f'<iframe src="{url}/embed" title="{title}"></iframe>')


def make_document(title, filename, data):
    document = Document(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def gallery_item(image, alt, caption="", credit=""):
    return {"image": {"image": image, "decorative": False, "alt_text": alt},
            "caption": caption, "credit": credit}


def add_folder(parent, body, slug="dossier"):
    folder = MultimediaFolderPage(title="Dossier JEP", slug=slug, body=body)
    parent.add_child(instance=folder)
    folder.save_revision().publish()
    return folder


def full_body(count):
    images = [demo_image(f"Photo {number}", f"photo-{number}.jpg", 30, 20, "#000091", "#fff")
              for number in range(count)]
    sound = make_document("Podcast", "podcast.mp3", silent_mp3(1))
    pdfs = [make_document(f"Programme {number}", f"programme-{number}.pdf",
                          minimal_pdf(f"Programme {number}")) for number in range(count)]
    body = [("gallery", {"title": "En images", "images": [
        gallery_item(image, f"Texte alternatif {number}", f"Légende {number}", "DRAC")
        for number, image in enumerate(images)]})]
    for number in range(count):
        url = f"{VIDEO_URL}-{number}"
        store_embed(url)
        body.append(("video", {"title": f"Vidéo {number}", "video": url,
                               "transcript": f"Transcription {number}"}))
        body.append(("audio", {"title": f"Podcast {number}", "audio": sound,
                               "transcript": f"Texte du podcast {number}"}))
        body.append(("document", {"document": pdfs[number], "title": ""}))
    return body


def test_folder_shows_gallery_video_audio_and_documents(public_client, public_home,
                                                       recording_finder):
    folder = add_folder(public_home, full_body(2))
    html = public_client.get(folder.url).content.decode()
    assert 'alt="Texte alternatif 0"' in html and 'alt="Texte alternatif 1"' in html
    assert "Légende 1 © DRAC</figcaption>" in html
    assert f'<iframe src="{VIDEO_URL}-1/embed" title="Vidéo"></iframe>' in html
    assert html.count('class="fr-transcription"') == 4
    assert "Transcription 0" in html and "Texte du podcast 1" in html
    assert re.search(r'<audio controls preload="none" src="/documents/\d+/podcast\.mp3"', html)
    assert re.search(r'class="fr-download__detail">PDF – \d+', html)
    assert recording_finder == []
    assert "<script>" not in html


def test_a_video_without_stored_embed_is_a_link_and_nothing_is_fetched(
    public_client, public_home, recording_finder
):
    folder = add_folder(public_home, [("video", {"title": "Visite", "video": VIDEO_URL,
                                                 "transcript": "Texte"})])
    html = public_client.get(folder.url).content.decode()
    assert recording_finder == []
    assert not Embed.objects.exists()
    assert f'<a class="fr-link" href="{VIDEO_URL}" rel="noopener">' in html
    assert "<iframe" not in html


def test_decorative_images_get_an_empty_alt(public_client, public_home):
    image = demo_image("Motif", "motif.jpg", 30, 20, "#000091", "#fff")
    folder = add_folder(public_home, [("gallery", {"title": "", "images": [
        {"image": {"image": image, "decorative": True, "alt_text": ""}, "caption": "",
         "credit": ""}]})])
    html = public_client.get(folder.url).content.decode()
    assert re.search(r'<img alt="" [^>]*src="/media/images/motif', html)


def test_a_gallery_image_needs_alt_text_or_to_be_decorative():
    image = demo_image("Photo", "photo.jpg", 30, 20, "#000091", "#fff")
    block = GalleryBlock()
    value = block.to_python({"title": "", "images": [
        {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": "x",
         "credit": ""}]})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    images_error = error.value.block_errors["images"]
    assert isinstance(images_error, ListBlockValidationError)
    assert "alt_text" in images_error.block_errors[0].block_errors["image"].block_errors

    decorative = block.to_python({"title": "", "images": [
        {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": "",
         "credit": ""}]})
    block.clean(decorative)


def test_video_and_audio_need_a_transcript():
    store_embed(VIDEO_URL)
    video = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        video.clean(video.to_python({"title": "Visite", "video": VIDEO_URL, "transcript": ""}))
    assert "transcript" in error.value.block_errors

    sound = make_document("Podcast", "podcast.mp3", silent_mp3(1))
    audio = AudioBlock()
    with pytest.raises(StructBlockValidationError) as error:
        audio.clean(audio.to_python({"title": "Podcast", "audio": sound.pk, "transcript": ""}))
    assert "transcript" in error.value.block_errors


def test_audio_must_be_an_mp3_or_ogg_file():
    pdf = make_document("Programme", "programme.pdf", minimal_pdf("Programme"))
    audio = AudioBlock()
    with pytest.raises(StructBlockValidationError) as error:
        audio.clean(audio.to_python({"title": "Podcast", "audio": pdf.pk, "transcript": "x"}))
    assert error.value.block_errors["audio"].code == "audio_format"


def test_admin_refuses_a_video_without_transcript(admin_client, public_home):
    store_embed(VIDEO_URL)
    data = nested_form_data({
        "title": "Dossier JEP", "slug": "dossier-jep", "summary": "",
        "body": streamfield([("video", {"title": "Visite", "video": VIDEO_URL,
                                        "transcript": ""})]),
        "action-publish": "publish",
    })
    response = admin_client.post(
        f"/admin/pages/add/pages/multimediafolderpage/{public_home.pk}/", data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not MultimediaFolderPage.objects.exists()

    data["body-0-value-transcript"] = "La guide présente le Parlement."
    response = admin_client.post(
        f"/admin/pages/add/pages/multimediafolderpage/{public_home.pk}/", data)
    assert response.status_code == 302
    assert MultimediaFolderPage.objects.get().body[0].value["transcript"].startswith("La guide")


def test_admin_refuses_a_sound_file_that_is_not_one(admin_client):
    fake = SimpleUploadedFile("podcast.mp3", b"%PDF-1.4 a PDF renamed")
    response = admin_client.post("/admin/documents/add/", {"title": "Podcast", "file": fake,
                                                           "collection": 1})
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == [
        "file_signature"]
    real = SimpleUploadedFile("podcast.mp3", silent_mp3(1))
    response = admin_client.post("/admin/documents/add/", {"title": "Podcast", "file": real,
                                                           "collection": 1})
    assert response.status_code == 302


@pytest.mark.parametrize("count", [5, 50])
def test_folder_queries_do_not_grow_with_its_media(public_client, public_home, count,
                                                   recording_finder,
                                                   django_assert_max_num_queries):
    folder = add_folder(public_home, full_body(count))
    public_client.get(folder.url)  # warm the site-root cache and create the renditions
    with django_assert_max_num_queries(23):
        response = public_client.get(folder.url)
    html = response.content.decode()
    assert html.count("<iframe") == count
    assert html.count("<audio") == count
    assert html.count('class="fr-download__link"') == count
    assert html.count('alt="Texte alternatif') == count


def test_folder_editor_opens_in_the_admin(admin_client, public_home):
    folder = add_folder(public_home, full_body(1))
    assert admin_client.get(f"/admin/pages/{folder.pk}/edit/").status_code == 200
