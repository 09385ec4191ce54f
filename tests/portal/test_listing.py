from django.http import QueryDict
from django.template import Context, Template
from django.test import RequestFactory

from portal.listing import paginate, query_with


def test_paginate_forgives_bad_page_numbers():
    items = list(range(30))
    request = RequestFactory().get("/", {"page": "abc"})
    assert paginate(request, items, per_page=10).number == 1
    request = RequestFactory().get("/", {"page": "99"})
    assert paginate(request, items, per_page=10).number == 3


def test_query_with_keeps_filters_and_replaces_the_page():
    query = QueryDict("category=patrimoine&year=2026&page=2")
    assert query_with(query, page=3) == "category=patrimoine&year=2026&page=3"
    assert query_with(query, year=None) == "category=patrimoine&page=2"


def test_pagination_links_keep_the_filters():
    request = RequestFactory().get("/actualites/", {"category": "musees", "page": "2"})
    page_obj = paginate(request, list(range(50)), per_page=10)
    html = Template("{% load listing_tags %}{% pagination page_obj %}").render(
        Context({"request": request, "page_obj": page_obj})
    )
    assert 'href="?category=musees&amp;page=3"' in html
    assert 'aria-current="page"' in html and ">2</a>" in html
    single = paginate(request, list(range(5)), per_page=10)
    assert Template("{% load listing_tags %}{% pagination p %}").render(
        Context({"request": request, "p": single})).strip() == ""


def test_filter_forms_do_not_mark_every_field_optional():
    from django import forms
    from django.utils import translation

    class ContactForm(forms.Form):
        organisation = forms.CharField(required=False)

    class FilterForm(ContactForm):
        show_optional_marker = False

    template = Template(
        '{% include "portal/includes/form_field.html" with field=form.organisation %}'
    )
    with translation.override("en"):
        assert "(optional)" in template.render(Context({"form": ContactForm()}))
        assert "(optional)" not in template.render(Context({"form": FilterForm()}))
