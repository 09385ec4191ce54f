"""The admin never answers 500 when Elasticsearch is down (issue 7, finding 7).

The production search settings (``portal.settings.elasticsearch_backends``) point at a closed
local port, where connections are refused: searches fall back to the database index, kept up
to date beside Elasticsearch, and saving or publishing still works.
"""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import StandardPage
from portal.settings import elasticsearch_backends
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(settings, tmp_path, public_home):
    """A page, a document and an image, indexed in the database as usual."""
    settings.MEDIA_ROOT = tmp_path
    add_page(public_home, "Fouilles de Carnac", "fouilles-carnac")
    document = get_document_model()(title="Guide des fouilles")
    document.file.save("guide.txt", ContentFile(b"Guide"), save=False)
    document.save()
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (0, 0, 145)).save(buffer, "PNG")
    image = get_image_model()(title="Menhir de Carnac", description="Un menhir")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="menhir.png")
    image.save()


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends("http://127.0.0.1:9", "relais-test")


def fallback_logs(caplog):
    return [record.getMessage() for record in caplog.records
            if record.name == "portal.search_backend" and record.levelno == logging.WARNING]


@pytest.mark.parametrize("url,expected", [
    ("/admin/pages/search/?q=fouilles", "Fouilles de Carnac"),
    ("/admin/choose-page/search/?q=fouilles", "Fouilles de Carnac"),
    ("/admin/documents/?q=guide", "Guide des fouilles"),
    ("/admin/documents/chooser/results/?q=guide", "Guide des fouilles"),
    ("/admin/images/?q=menhir", "Menhir de Carnac"),
    ("/admin/images/chooser/results/?q=menhir", "Menhir de Carnac"),
])
def test_admin_searches_fall_back_to_the_database(admin_client, content, elasticsearch_down,
                                                  caplog, url, expected):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert any("searched the database instead" in message for message in fallback_logs(caplog))


def test_snippet_searches_answer_too(admin_client, sites, elasticsearch_down):
    assert admin_client.get("/admin/snippets/pages/newscategory/?q=patrimoine").status_code == 200


def test_publishing_with_elasticsearch_down_works_and_is_logged(
    admin_client, public_home, elasticsearch_down, caplog
):
    data = nested_form_data({"title": "Chantier de fouilles", "slug": "chantier", "summary": "",
                             "body": streamfield([]), "action-publish": "publish"})
    response = admin_client.post(f"/admin/pages/add/pages/standardpage/{public_home.pk}/", data)
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="chantier")
    assert page.live
    assert any(record.name.endswith("index") and "search backend" in record.getMessage()
               for record in caplog.records), [r.getMessage() for r in caplog.records]
    # The database index, the spare, has it: the admin finds it during the outage.
    assert page in get_search_backend("database").search("chantier", StandardPage)
    found = admin_client.get("/admin/pages/search/?q=chantier")
    assert "Chantier de fouilles" in found.content.decode()
