"""Download counts count people: once per visitor, file and day, never robots that say so
(issue 7, finding 9)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from pages.models import DownloadCount, PublicationIndexPage, PublicationPage
from tests.pages.test_publications import make_pdf

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
HEADLESS = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "HeadlessChrome/126.0.0.0 Safari/537.36")
ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "WhatsApp/2.24.6.77 A",
    "Mozilla/5.0 (compatible; ArchiveSpider/3.0)",
    "Mozilla/5.0 (compatible; SiteCrawler/1.2)",
    "Intranet-Link-Preview/1.0",
    "curl/8.5.0",
    "python-requests/2.32.3",
    HEADLESS,
    "",
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def guide(public_home):
    index = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=index)
    index.save_revision().publish()
    page = PublicationPage(title="Guide des aides", slug="guide", publication_type="guide",
                           publication_format="digital", pdf=make_pdf("Guide"))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def download(client, publication, user_agent=FIREFOX, address="192.0.2.10", method="get"):
    response = getattr(client, method)(publication.url + "telecharger/",
                                       HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    assert response.status_code == 302  # robots get the file too: they are only not counted
    assert response["Location"] == publication.pdf.url
    return response


def downloads(publication):
    return DownloadCount.objects.filter(publication=publication).aggregate(
        total=Sum("count"))["total"] or 0


def test_a_visitor_counts_once_per_file_and_day(public_client, guide):
    for _ in range(3):
        download(public_client, guide)
    assert downloads(guide) == 1
    download(public_client, guide, address="198.51.100.4")  # someone else
    download(public_client, guide, user_agent=SAFARI)  # another person behind the same address
    assert downloads(guide) == 3


def test_a_new_file_counts_again_the_same_day(public_client, guide):
    download(public_client, guide)
    guide.pdf = make_pdf("Guide, nouvelle édition")
    guide.save_revision().publish()
    download(public_client, guide)
    counts = DownloadCount.objects.filter(publication=guide)
    assert sorted(row.count for row in counts) == [1, 1]


def test_the_same_visitor_counts_again_the_next_day(public_client, guide, monkeypatch):
    download(public_client, guide)
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    download(public_client, guide)
    assert downloads(guide) == 2


@pytest.mark.parametrize("user_agent", ROBOTS)
def test_robots_that_say_so_are_not_counted(public_client, guide, user_agent):
    download(public_client, guide, user_agent=user_agent)
    assert downloads(guide) == 0


def test_head_requests_are_not_counted(public_client, guide):
    download(public_client, guide, method="head")
    assert downloads(guide) == 0
    download(public_client, guide)
    assert downloads(guide) == 1


def test_the_cache_keeps_no_address_nor_user_agent(public_client, guide):
    download(public_client, guide, address="203.0.113.99")
    keys = list(cache._cache)  # the local-memory cache of the tests
    assert keys and not any("203.0.113.99" in key or "Firefox" in key for key in keys)
    assert not any(b"203.0.113.99" in value or b"Firefox" in value
                   for value in cache._cache.values())

