"""The one base of every list's filters (portal.filters): messages that name the field in
words, in both languages; values the database cannot compare turned away before any query;
is_filtering and active_filters; the one answer, a 400."""

import django_filters
import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.filters import (
    LISTS,
    AdminFilters,
    DateFilter,
    FlagFilter,
    InvalidFilters,
    InvalidFiltersMiddleware,
    ListFilters,
    ModelChoiceFilter,
    answer_invalid_filters,
)
from portal.models import User

pytestmark = pytest.mark.django_db
HUGE = "9" * 26


class PeopleFilters(ListFilters):
    # Labels the French catalogue already knows.
    q = django_filters.CharFilter(label=_("Search"), field_name="email",
                                  lookup_expr="icontains", max_length=20)
    region = ModelChoiceFilter(label=_("Region"), field_name="groups",
                               queryset=Group.objects.all(), to_field_name="name")
    department = ModelChoiceFilter(label=_("Department"), field_name="groups",
                                   queryset=Group.objects.all())
    date_from = DateFilter(label=_("Year"), field_name="date_joined", lookup_expr="date__gte")
    free = FlagFilter(label=_("Free"), field_name="is_active")


def people_filters(query: str, **kwargs) -> PeopleFilters:
    return PeopleFilters(QueryDict(query), queryset=User.objects.all(), **kwargs)


def messages_of(query: str) -> list[str]:
    with pytest.raises(InvalidFilters) as caught:
        people_filters(query).qs  # noqa: B018
    return caught.value.messages


def test_an_unknown_value_is_named_by_the_fields_label_in_english_and_in_french():
    with translation.override("en"):
        assert messages_of("region=atlantide") == ["Region: unknown value"]
    with translation.override("fr"):
        [message] = messages_of("region=atlantide")
        # The label in the visitor's language, never the parameter's key.
        assert message.startswith("Région") and "region" not in message


@pytest.mark.parametrize("value", [HUGE, "²", "٣", "-1", "1.5", "%00", "1e3", "0x1"])
def test_a_number_the_database_cannot_compare_is_an_unknown_value_without_a_query(
    value, django_assert_num_queries
):
    filters = PeopleFilters(QueryDict(f"department={value}"), queryset=User.objects.none())
    with translation.override("en"), django_assert_num_queries(0):
        assert not filters.form.is_valid()
        assert InvalidFilters(filters).messages == ["Department: unknown value"]


@pytest.mark.parametrize("value", ["%00", "x" * 300])
def test_a_text_the_database_cannot_compare_is_an_unknown_value_without_a_query(
    value, django_assert_num_queries
):
    filters = PeopleFilters(QueryDict(f"region={value}"), queryset=User.objects.none())
    with django_assert_num_queries(0):
        assert not filters.form.is_valid()


@pytest.mark.parametrize("query,message", [
    ("date_from=0001-01-01", "Year: choose a day between 1900-01-01 and 2999-12-31"),
    ("date_from=9999-12-31", "Year: choose a day between 1900-01-01 and 2999-12-31"),
    ("date_from=19/09/2026", "Year: not a date (YYYY-MM-DD)"),
    ("date_from=2026-02-30", "Year: not a date (YYYY-MM-DD)"),
    ("q=" + "a" * 21, "Search: too long (20 characters at most)"),
    ("q=a%00b", "Search: contains a character that is not allowed"),
    ("free=maybe", "Free: use 1 to switch this filter on"),
    ("region=a&region=b", "Region: give one value only"),
    ("free=1&free=1", "Free: give one value only"),
])
def test_each_malformed_value_has_its_message_in_words(query, message):
    with translation.override("en"):
        assert message in messages_of(query)


def test_good_values_filter_and_unknown_parameters_are_ignored(make_user):
    editors = Group.objects.get(name="Rédacteurs")
    editor = make_user("editrice@example.org", editors)
    make_user("autre@example.org")
    filters = people_filters("region=Rédacteurs&date_from=2000-01-01&free=1&utm_source=x")
    assert list(filters.qs) == [editor]
    assert filters.is_filtering
    assert filters.active_filters == {"region": editors, "date_from": filters.form.cleaned_data[
        "date_from"], "free": True}


def test_empty_and_off_values_are_not_filters():
    filters = people_filters("q=&region=&free=0&page=3")
    assert filters.form.is_valid()
    assert not filters.is_filtering and filters.active_filters == {}


def test_fixed_values_filter_but_are_not_the_visitors_filters(make_user):
    make_user("editrice@example.org", "Rédacteurs")
    make_user("autre@example.org")
    filters = people_filters("region=Partenaires", fixed={"region": "Rédacteurs"})
    assert [user.email for user in filters.qs] == ["editrice@example.org"]
    assert not filters.is_filtering
    assert people_filters("free=1", fixed={"region": "Rédacteurs"}).is_filtering


def test_apply_leaves_out_some_filters(make_user):
    make_user("editrice@example.org", "Rédacteurs")
    make_user("inactive@example.org", is_active=False)
    filters = people_filters("region=Rédacteurs&free=1")
    everyone = User.objects.all()
    assert filters.apply(everyone).count() == 1
    assert filters.apply(everyone, skip=("region",)).count() == 1
    assert filters.apply(everyone, skip=("region", "free")).count() == 2
    assert filters.apply(everyone, only=("free",)).count() == 1


def test_the_answer_is_a_400_with_the_messages_on_the_lists_page_or_the_sites():
    request = RequestFactory().get("/liste/", {"region": "atlantide"})
    error = InvalidFilters(people_filters("region=atlantide"))
    with translation.override("en"):
        own = answer_invalid_filters(request, error, TemplateResponse(request, "x.html", {
            "items": []}))
        assert own.status_code == 400
        assert own.context_data == {"items": [], "filter_errors": ["Region: unknown value"]}
        site = InvalidFiltersMiddleware(lambda request: None).process_exception(request, error)
    assert site.status_code == 400
    assert site.template_name == "portal/invalid_filters.html"
    assert site.context_data["filter_errors"] == ["Region: unknown value"]
    assert InvalidFiltersMiddleware(None).process_exception(request, ValueError()) is None


def test_admin_filters_refuse_what_the_database_cannot_compare():
    class UserAdminFilters(AdminFilters):
        class Meta:
            model = User
            fields = ["groups", "date_joined"]

    for query in (f"groups={HUGE}", "groups=²", "date_joined=0001-01-01"):
        filters = UserAdminFilters(QueryDict(query))
        assert not filters.form.is_valid()
        with pytest.raises(InvalidFilters):
            filters.qs  # noqa: B018
    assert UserAdminFilters(QueryDict("date_joined=2026-01-01")).form.is_valid()


def test_every_public_list_is_registered_with_its_parameters():
    # The merged directory, library and pressroom apps declare their lists too.
    assert set(LISTS) == {"news", "publications", "events-programme", "events-exports",
                          "events-statistics", "directory", "library", "pressroom"}
    assert LISTS["news"].parameters() == ["category", "tag", "year", "page"]
    assert "edition" in LISTS["events-exports"].parameters()
    assert "page" not in LISTS["events-exports"].parameters()
