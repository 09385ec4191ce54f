"""Event images are photographs decided by their content (issue 7, finding 4): JPEG, PNG or
WebP, at most 40 megapixels, stored with the extension of their real format."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import LocalEvent
from tests.events.test_organisers import details

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(public_client, organiser):
    public_client.force_login(organiser)
    return public_client


def picture(image_format, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, image_format)
    return buffer.getvalue()


def propose(client, edition, name, content):
    return client.post("/evenements/proposer/", details(
        edition, image=SimpleUploadedFile(name, content, "application/octet-stream"),
        image_alt="La façade de la chapelle"))


def test_a_jpeg_named_pdf_is_stored_and_served_as_a_jpeg(organiser_client, edition, organiser):
    response = propose(organiser_client, edition, "affiche.pdf", picture("JPEG"))
    assert response.status_code == 302
    event = LocalEvent.objects.get(organiser=organiser)
    assert event.image.name.endswith("/affiche.jpg")
    assert event.image.url.endswith(".jpg")


@pytest.mark.parametrize("name, image_format, extension", [
    ("photo.png", "WEBP", "webp"), ("photo.webp", "PNG", "png"), ("photo.jpeg", "JPEG", "jpg"),
])
def test_the_stored_name_follows_the_real_format(organiser_client, edition, organiser, name,
                                                 image_format, extension):
    assert propose(organiser_client, edition, name, picture(image_format)).status_code == 302
    assert LocalEvent.objects.get(organiser=organiser).image.name.endswith(f".{extension}")


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused(organiser_client, edition, image_format):
    response = propose(organiser_client, edition, f"photo.{image_format.lower()}",
                       picture(image_format))
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["image"]
    assert error.code == "image_format"
    assert not LocalEvent.objects.exists()


def test_an_image_of_too_many_pixels_is_refused_with_its_size(organiser_client, edition):
    # A flat 10000 × 10000 PNG weighs little but would take 300 MB once decoded.
    big = picture("PNG", size=(10_000, 10_000))
    assert len(big) < 5 * 1024 * 1024
    response = propose(organiser_client, edition, "plan.png", big)
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["image"]
    assert error.code == "image_too_many_pixels"
    assert error.params == {"width": 10_000, "height": 10_000, "megapixels": 100, "limit": 40}
    assert 'value="Visite de la chapelle"' in response.content.decode()
    assert not LocalEvent.objects.exists()


def test_a_decompression_bomb_is_refused(organiser_client, edition):
    # The header claims 400 megapixels: Pillow refuses to open it (decompression bomb).
    bomb = picture("PNG", size=(1, 1))
    width_height = (20_000).to_bytes(4, "big") * 2
    bomb = bomb[:16] + width_height + bomb[24:]  # IHDR says 20000 × 20000
    response = propose(organiser_client, edition, "bombe.png", bomb)
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    assert not LocalEvent.objects.exists()
