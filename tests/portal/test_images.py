import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png_upload(name="vitrail.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 0, 145)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_an_image_without_alternative_text_is_refused_with_a_field_error(admin_client):
    response = admin_client.post("/admin/images/add/", {
        "title": "Vitrail", "file": png_upload(), "description": "", "collection": 1,
    })
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not get_image_model().objects.exists()


def test_an_image_with_alternative_text_is_saved_and_used_as_alt(admin_client):
    response = admin_client.post("/admin/images/add/", {
        "title": "Vitrail", "file": png_upload(), "collection": 1,
        "description": "Vitrail bleu de la cathédrale de Quimper",
    })
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.default_alt_text == "Vitrail bleu de la cathédrale de Quimper"


def test_a_file_that_is_not_an_image_is_refused(admin_client):
    fake = SimpleUploadedFile("photo.png", b"this is not a picture", content_type="image/png")
    response = admin_client.post("/admin/images/add/", {
        "title": "Photo", "file": fake, "collection": 1, "description": "Une photo",
    })
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
