"""Guidance when creating: every block of every StreamField says what it is for, shows a
preview in the block chooser, and has an icon of its own within its field."""

import pytest
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import get_page_models

pytestmark = pytest.mark.django_db


def stream_fields():
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield f"{model.__name__}.{field.name}", field.stream_block


STREAM_FIELDS = dict(stream_fields())


def test_every_page_stream_field_is_walked():
    assert {"StandardPage.body", "MultimediaFolderPage.body", "FAQPage.sections",
            "NewsArticlePage.related_links", "GuidelinesPage.body"} <= set(STREAM_FIELDS)


@pytest.mark.parametrize("name", sorted(STREAM_FIELDS))
def test_each_block_has_a_description_a_preview_and_its_own_icon(name):
    stream_block = STREAM_FIELDS[name]
    missing = {}
    for block_name, block in stream_block.child_blocks.items():
        problems = []
        if not str(block.get_description()).strip():
            problems.append("description")
        if not block.is_previewable or block.get_preview_value() in (None, "", {}):
            problems.append("preview")
        if problems:
            missing[block_name] = problems
    assert missing == {}
    icons = [block.meta.icon for block in stream_block.child_blocks.values()]
    assert len(icons) == len(set(icons)), icons


def test_every_block_preview_renders_with_the_site_styles(admin_client):
    blocks = {block.definition_prefix: (name, block_name)
              for name, stream_block in STREAM_FIELDS.items()
              for block_name, block in stream_block.child_blocks.items()}
    with translation.override("fr"):
        for block_id, where in blocks.items():
            response = admin_client.get("/admin/block-preview/", {"id": block_id})
            assert response.status_code == 200, where
            html = response.content.decode()
            assert "dsfr" in html and "relais.css" in html, where


def test_a_preview_shows_the_block_as_the_site_draws_it(admin_client):
    heading = STREAM_FIELDS["StandardPage.body"].child_blocks["quote"]
    html = admin_client.get("/admin/block-preview/",
                            {"id": heading.definition_prefix}).content.decode()
    assert "Victor Hugo" in html and "fr-quote" in html
