"""A visitor finds a publication by its type and downloads it."""

import io
import re

import pytest
from django.db.models import Sum
from django.utils import timezone
from playwright.sync_api import expect

from pages.models import DownloadCount, PublicationPage
from pages.publications import demo as demo_publications

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def publications(sites, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    public, intranet = sites
    demo_publications.load(public.root_page.specific, intranet.root_page.specific, io.StringIO())


def total_downloads(publication):
    return DownloadCount.objects.filter(publication=publication).aggregate(
        total=Sum("count"))["total"] or 0


def test_visitor_filters_the_publications_and_downloads_a_guide(page, urls, publications):
    page.goto(urls["public"] + "/publications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Publications")
    expect(page.locator(".fr-card__title")).to_have_count(10)

    filters = page.locator("form.relais-filters")
    filters.get_by_label(re.compile("^Type")).select_option("guide")
    filters.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"\?type=guide"))
    expect(page.locator(".fr-card__title")).to_have_text([
        f"Guide des aides à la création {demo_publications.ago(279).year}",  # as the demo names it
        "Restaurer un monument historique",
        "Archéologie préventive : mode d’emploi",
    ])

    guide = PublicationPage.objects.get(slug="restaurer-un-monument-historique")
    downloads_before = total_downloads(guide)
    page.get_by_role("link", name="Restaurer un monument historique").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Restaurer un monument historique")
    download_link = page.locator(".fr-download").get_by_role("link")
    expect(download_link).to_contain_text("PDF – ")
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "restaurer-un-monument-historique.pdf"
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
    assert total_downloads(guide) == downloads_before + 1
    this_month = timezone.localdate().replace(day=1)
    assert DownloadCount.objects.filter(publication=guide, month=this_month).exists()
