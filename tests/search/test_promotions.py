"""Promoted results (Wagtail's search_promotions) shown first, only to those who may open
the page and on its site; each search counted without knowing who; the admin's report of
frequent queries and of those that found nothing."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search import indexing
from search.models import QuerySiteDay
from tests.helpers.pages import add_page
from tests.helpers.search import restrict
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def promoted(sites, directorates):
    public_home, intranet_home = sites[0].root_page, sites[1].root_page
    pages = {
        "public": add_page(public_home, "Programme des Journées", "programme"),
        "network": add_page(intranet_home, "Kit interne des Journées", "kit-interne"),
        "bretagne": add_page(intranet_home, "Bénévoles bretons des Journées", "benevoles"),
        "unpublished": add_page(public_home, "Ancien programme", "ancien"),
        "other": add_page(public_home, "Les Journées du patrimoine", "journees"),
    }
    restrict(pages["bretagne"], directorates[0].staff_group)
    pages["unpublished"].unpublish()
    query = Query.get("JEP")
    for order, name in enumerate(("bretagne", "network", "unpublished", "public")):
        SearchPromotion.objects.create(query=query, page=pages[name], sort_order=order,
                                       description=f"Choisi : {name}")
    SearchPromotion.objects.create(query=query, external_link_url="https://www.culture.gouv.fr/",
                                   external_link_text="Le site du ministère", sort_order=9)
    indexing.rebuild()
    return pages


def promoted_titles(page: str) -> list[str]:
    if "relais-search-promoted" not in page:
        return []
    section = page.split("relais-search-promoted", 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].rsplit(">", 1)[1] for part in section.split("<h3")[1:]]


def test_the_public_site_promotes_public_live_pages_and_links(public_client, promoted,
                                                              staff_bretagne):
    page = public_client.get("/recherche/?q=jep").content.decode()
    assert promoted_titles(page) == ["Programme des Journées", "Le site du ministère"]
    assert "Choisi : public" in page and "Choisi : network" not in page
    # A member of staff on the public host sees the same: the public site's content only.
    public_client.force_login(staff_bretagne)
    page = public_client.get("/recherche/?q=JEP").content.decode()
    assert promoted_titles(page) == ["Programme des Journées", "Le site du ministère"]


def test_the_intranet_promotes_what_the_agent_may_open(client, promoted, staff_bretagne,
                                                       staff_normandie):
    client.force_login(staff_normandie)
    page = client.get("/recherche/?q=JEP", HTTP_HOST=INTRANET_HOST).content.decode()
    assert promoted_titles(page) == ["Kit interne des Journées", "Programme des Journées",
                                     "Le site du ministère"]
    client.force_login(staff_bretagne)
    page = client.get("/recherche/?q=JEP", HTTP_HOST=INTRANET_HOST).content.decode()
    assert promoted_titles(page)[0] == "Bénévoles bretons des Journées"


def test_promoted_results_come_first_and_are_not_listed_twice(public_client, promoted):
    page = public_client.get("/recherche/?q=journees").content.decode()
    assert promoted_titles(page) == []  # no promotion for this query
    SearchPromotion.objects.create(query=Query.get("journees"), page=promoted["public"])
    page = public_client.get("/recherche/?q=journees").content.decode()
    assert page.index("relais-search-promoted") < page.index("relais-search-results")
    results = page.split("relais-search-results", 1)[1]
    assert "Programme des Journ" not in results
    assert "patrimoine" in results  # the other hits stay


def test_each_search_is_counted_per_site_without_knowing_who(client, public_client, promoted,
                                                             staff_bretagne):
    public_client.get("/recherche/?q=Journées")
    public_client.get("/recherche/?q=journées")
    public_client.get("/recherche/?q=xylophone")
    public_client.get("/recherche/?q=journées&type=page")  # a refinement: not a new search
    client.force_login(staff_bretagne)
    client.get("/recherche/?q=journées", HTTP_HOST=INTRANET_HOST)
    journees = Query.objects.get(query_string="journées")
    assert QueryDailyHits.objects.get(query=journees).hits == 3
    public = QuerySiteDay.objects.get(query=journees, site="public")
    assert (public.searches, public.without_results, public.date) == (2, 0,
                                                                      timezone.localdate())
    assert public.last_results == 2
    assert QuerySiteDay.objects.get(query=journees, site="intranet").searches == 1
    missed = QuerySiteDay.objects.get(query__query_string="xylophone")
    assert (missed.searches, missed.without_results, missed.last_results) == (1, 1, 0)
    fields = {field.name for field in QuerySiteDay._meta.get_fields()}
    assert fields == {"id", "query", "site", "date", "searches", "without_results",
                      "last_results"}


@pytest.fixture
def counted(db):
    today = timezone.localdate()

    def count(query, site, searches, without_results, days_ago=0):
        QuerySiteDay.objects.create(query=Query.get(query), site=site, searches=searches,
                                    without_results=without_results,
                                    date=today - dt.timedelta(days=days_ago))

    count("horaires", "public", 30, 0)
    count("horaires", "intranet", 5, 0)
    count("bugdet", "intranet", 4, 4)
    count("fouilles", "public", 12, 2)
    count("ancienne", "public", 50, 50, days_ago=40)
    return today


def report_rows(response) -> list[str]:
    page = response.content.decode()
    return [row.split("</td>", 1)[0].split(">")[-1].strip()
            for row in page.split("<tbody>", 1)[1].split("<tr")[1:]] if "<tbody>" in page else []


def test_the_report_lists_frequent_queries_and_those_that_found_nothing(admin_client, counted):
    since = (counted - dt.timedelta(days=30)).isoformat()
    response = admin_client.get(f"/admin/reports/searches/?date_from={since}")
    assert response.status_code == 200
    assert report_rows(response) == ["horaires", "fouilles", "bugdet"]
    page = re.sub(r"\s+<", "<", re.sub(r">\s+", ">", response.content.decode()))
    assert ">35<" in page  # both sites
    nothing = admin_client.get(f"/admin/reports/searches/?date_from={since}&nothing_found=1")
    assert report_rows(nothing) == ["bugdet", "fouilles"]
    public = admin_client.get("/admin/reports/searches/?site=public")
    assert report_rows(public) == ["ancienne", "horaires", "fouilles"]


def test_the_report_exports_csv_and_xlsx(admin_client, counted):
    csv = admin_client.get("/admin/reports/searches/?export=csv&nothing_found=1")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # for French spreadsheets (portal.reports)
    lines = body.decode("utf-8-sig").splitlines()
    day = counted.strftime("%d/%m/%Y")
    assert lines[1].startswith("ancienne;50;50;")
    assert lines[2:] == [f"bugdet;4;4;{day}", f"fouilles;12;2;{day}"]
    xlsx = admin_client.get("/admin/reports/searches/?export=xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_bad_dates_in_the_report_are_answered_not_500(admin_client, counted):
    response = admin_client.get("/admin/reports/searches/?date_from=2026-13-45")
    assert response.status_code in (200, 400)


def test_officers_promote_results_and_read_the_report(editor, make_user):
    moderator = make_user("moderateur@example.org", "Modérateurs")
    for user in (editor, moderator):
        assert user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        assert user.has_perm("wagtailsearchpromotions.change_searchpromotion")
        assert user.has_perm("search.view_querysiteday")
