"""The staff directory on the intranet: who reaches it, search, filters, pages, vCard, chart."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Person
from tests.helpers.directory import make_person

pytestmark = pytest.mark.django_db


def names(response):
    return [person.full_name for person in response.context["page_obj"].object_list]


# --- Who reaches it ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/annuaire/", "/annuaire/personnes/{pk}/",
                                  "/annuaire/personnes/{pk}/contact.vcf",
                                  "/annuaire/services/{service}/",
                                  "/annuaire/organigramme/drac-bretagne/"])
def test_the_public_site_knows_nothing_of_the_directory(public_client, people, secretariat,
                                                        staff_bretagne, path):
    public_client.force_login(staff_bretagne)
    url = path.format(pk=people["helene"].pk, service=secretariat["budget"].pk)
    response = public_client.get(url)
    assert response.status_code == 404
    assert "Prigent" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(intranet, people):
    response = intranet.get("/annuaire/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_partners_are_refused(intranet, people, partner):
    intranet.force_login(partner)
    assert intranet.get("/annuaire/").status_code == 403


def test_staff_of_every_directorate_see_the_whole_network(intranet, people, staff_normandie):
    intranet.force_login(staff_normandie)
    response = intranet.get("/annuaire/")
    assert response.status_code == 200
    assert set(names(response)) == {"Anne Le Bihan", "Hélène Prigent", "Yann Morvan",
                                    "Zoé Lecœur"}


def test_archived_people_leave_the_directory(intranet, people, staff_bretagne):
    people["yann"].archive()
    intranet.force_login(staff_bretagne)
    assert "Yann Morvan" not in names(intranet.get("/annuaire/"))
    assert intranet.get(f"/annuaire/personnes/{people['yann'].pk}/").status_code == 404
    assert intranet.get(f"/annuaire/personnes/{people['yann'].pk}/contact.vcf"
                        ).status_code == 404


# --- Search and filters -----------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    ("electricite", ["Zoé Lecœur"]),          # a subject typed without accents
    ("ÉLECTRICITÉ", ["Zoé Lecœur"]),
    ("marches publics", ["Hélène Prigent"]),
    ("budget", ["Hélène Prigent"]),           # the name of her bureau
    ("prigent", ["Hélène Prigent"]),
    ("lecoeur", ["Zoé Lecœur"]),              # œ folds to oe
    ("formaiton", ["Yann Morvan"]),           # a typo
    ("archivsite", ["Zoé Lecœur"]),
    ("zzzzzz", []),
])
def test_search_by_name_service_or_subject(intranet, people, staff_bretagne, query, expected):
    intranet.force_login(staff_bretagne)
    response = intranet.get("/annuaire/", {"q": query})
    assert response.status_code == 200
    assert names(response) == expected


def test_a_forgiven_typo_is_said(intranet, people, staff_bretagne):
    intranet.force_login(staff_bretagne)
    response = intranet.get("/annuaire/", {"q": "formaiton"})
    assert "formation" in response.content.decode()


def test_filters_by_directorate_and_service(intranet, people, secretariat, staff_bretagne):
    intranet.force_login(staff_bretagne)
    assert names(intranet.get("/annuaire/", {"directorate": "drac-normandie"})) == ["Zoé Lecœur"]
    assert names(intranet.get("/annuaire/", {"service": secretariat["hr"].pk})) == [
        "Yann Morvan"]


@pytest.mark.parametrize(("params", "label"), [
    ({"directorate": "nowhere"}, "Directorate"),
    ({"service": "999999999999999999999999"}, "Service or bureau"),
    ({"q": "x" * 101}, "Name, service or subject"),
    ({"q": "a\x00b"}, "Name, service or subject"),
])
def test_bad_filters_answer_400_naming_the_field(intranet, people, staff_bretagne, params,
                                                 label):
    intranet.force_login(staff_bretagne)
    response = intranet.get("/en/annuaire/", params)
    assert response.status_code == 400
    assert f"{label}: " in response.content.decode()


def test_the_list_is_paginated(intranet, directorates, staff_bretagne):
    for number in range(30):
        make_person(directorates[0], "Agent", f"Numéro {number:02d}")
    intranet.force_login(staff_bretagne)
    first, second = intranet.get("/annuaire/"), intranet.get("/annuaire/", {"page": 2})
    assert len(names(first)) == 24 and len(names(second)) == 6
    assert intranet.get("/annuaire/", {"page": "abc"}).status_code == 200


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_directory(intranet, people, secretariat,
                                                     staff_bretagne, directorates):
    intranet.force_login(staff_bretagne)
    urls = ["/annuaire/", "/annuaire/?q=bureau", f"/annuaire/services/{secretariat['budget'].pk}/",
            "/annuaire/organigramme/drac-bretagne/"]
    for url in urls:
        intranet.get(url)  # warm the site's caches
    before = [count_queries(intranet, url) for url in urls]
    for number in range(20):
        make_person(directorates[0], "Agent", f"Numéro {number:02d}",
                    service=secretariat["budget"], job_title="Bureau du budget")
    after = [count_queries(intranet, url) for url in urls]
    assert after == before


# --- Pages ------------------------------------------------------------------------------------

def test_a_person_page_shows_their_details_and_their_manager(intranet, people, staff_bretagne):
    intranet.force_login(staff_bretagne)
    page = intranet.get(f"/annuaire/personnes/{people['helene'].pk}/").content.decode()
    for text in ["Hélène Prigent", "Gestionnaire budgétaire", "Marchés publics",
                 "02 99 29 67 00", "06 12 34 56 78", "Anne Le Bihan",
                 "Bureau du budget et de la logistique"]:
        assert text in page


def test_a_hidden_mobile_is_shown_to_its_owner_and_hr_only(intranet, people, staff_bretagne,
                                                           make_user):
    yann = people["yann"]
    intranet.force_login(staff_bretagne)
    assert "06 98 76 54 32" not in intranet.get(f"/annuaire/personnes/{yann.pk}/"
                                                ).content.decode()
    assert "06 98 76 54 32" not in intranet.get(f"/annuaire/personnes/{yann.pk}/contact.vcf"
                                                ).content.decode()
    owner = make_user("yann.morvan@example.org", "HR")
    yann.user = owner
    yann.save()
    intranet.force_login(owner)
    assert "06 98 76 54 32" in intranet.get(f"/annuaire/personnes/{yann.pk}/").content.decode()


def test_the_vcard_is_a_contact_card(intranet, people, staff_bretagne):
    intranet.force_login(staff_bretagne)
    response = intranet.get(f"/annuaire/personnes/{people['helene'].pk}/contact.vcf")
    assert response["Content-Type"].startswith("text/vcard")
    assert 'filename="helene-prigent.vcf"' in response["Content-Disposition"]
    lines = response.content.decode().split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "N:Prigent;Hélène;;;" in lines
    assert "TEL;TYPE=CELL:06 12 34 56 78" in lines
    assert any(line.startswith("ORG:Direction régionale des affaires culturelles de Bretagne;")
               for line in lines)
    assert lines[-2] == "END:VCARD"


def test_a_service_page_lists_its_missions_head_members_and_contact(intranet, people,
                                                                    secretariat, staff_bretagne):
    intranet.force_login(staff_bretagne)
    page = intranet.get(f"/annuaire/services/{secretariat['general'].pk}/").content.decode()
    for text in ["Secrétariat général", "Moyens de la direction.", "Anne Le Bihan",
                 "Bureau du budget et de la logistique", "Bureau des ressources humaines",
                 "Bureau de la modernisation"]:
        assert text in page
    budget = intranet.get(f"/annuaire/services/{secretariat['budget'].pk}/").content.decode()
    assert "budget@example.org" in budget and "Hélène Prigent" in budget


def test_the_organisation_chart_is_nested_lists(intranet, people, secretariat, staff_bretagne):
    intranet.force_login(staff_bretagne)
    page = intranet.get("/annuaire/organigramme/drac-bretagne/").content.decode()
    chart = page[page.index('class="relais-org-chart"'):]
    general = chart.index("Secrétariat général")
    nested = chart.index("<ul>", general)
    assert general < nested < chart.index("Bureau du budget et de la logistique")
    assert "<script" not in chart[:chart.index("</nav>")]
    assert intranet.get("/annuaire/organigramme/nowhere/").status_code == 404


def test_a_person_without_service_still_shows(intranet, directorates, staff_bretagne):
    person = make_person(directorates[1], "Léa", "Sans-Service")
    intranet.force_login(staff_bretagne)
    assert intranet.get(f"/annuaire/personnes/{person.pk}/").status_code == 200
    assert Person.objects.get(pk=person.pk).search_text.startswith("lea sans-service ")
