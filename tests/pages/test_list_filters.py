"""News, publications and the admin's lists of the pages app on the one filter base
(portal.filters): a malformed or unknown value answers 400 with a message naming the field
in words; the inputs that gave a 500 no longer do."""

import pytest

from pages.models import NewsIndexPage, PublicationIndexPage, PublicationPage
from tests.events.test_bad_input import in_english

pytestmark = pytest.mark.django_db
HUGE = "9" * 26


@pytest.fixture
def news(public_home):
    page = NewsIndexPage(title="Actualités", slug="actualites")
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def publications(public_home):
    page = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=page)
    page.save_revision().publish()
    guide = PublicationPage(title="Guide", slug="guide", publication_type="guide")
    page.add_child(instance=guide)
    guide.save_revision().publish()
    return page


@pytest.mark.parametrize("query,message", [
    ("year=²", "Year: unknown value"),
    (f"year={HUGE}", "Year: unknown value"),
    ("category=%00", "Category: unknown value"),
    ("tag=" + "x" * 3000, "Tag: unknown value"),
    ("category=a&category=b", "Category: give one value only"),
])
def test_news_filters_name_the_field_in_words(public_client, news, query, message):
    response = public_client.get(f"/en/actualites/?{query}")
    assert response.status_code == 400
    assert response.context["filter_errors"] == [message]
    assert message in response.content.decode()


@pytest.mark.parametrize("query,message", [
    ("type=roman", "Type: unknown value"),
    (f"collection={HUGE}", "Collection: unknown value"),
    ("collection=%00", "Collection: unknown value"),
    ("year=²", "Year: unknown value"),
])
def test_publication_filters_name_the_field_in_words(public_client, publications, query,
                                                     message):
    response = public_client.get(f"/en/publications/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert [page.title for page in response.context["publications"]] == ["Guide"]


def test_filters_in_use_offer_the_way_back(public_client, publications):
    reset = '>Reset</a>'
    assert reset not in public_client.get("/en/publications/").content.decode()
    assert reset in public_client.get("/en/publications/?type=guide").content.decode()


@pytest.mark.parametrize("url,message", [
    (f"/admin/publication_downloads/?publication={HUGE}", "Publication: unknown value"),
    ("/admin/publication_downloads/?year=99999", "Year: 2999 at most"),
    (f"/admin/publication_downloads/?year={HUGE}", "Year: 2999 at most"),
    (f"/admin/snippets/pages/papercopyrequest/?publication={HUGE}",
     "Publication: unknown value"),
    (f"/admin/snippets/pages/question/?topic={HUGE}", "unknown value"),
])
def test_admin_lists_answer_400_with_the_message(admin_client, publications, url, message):
    in_english(admin_client)
    response = admin_client.get(url)
    assert response.status_code == 400
    assert any(message in str(line) for line in response.context["messages"])

