"""Every admin list that exports does so for French spreadsheets: one mixin, not copies."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.reports import FrenchSpreadsheetExportMixin, month_label, spreadsheet_text

pytestmark = pytest.mark.django_db


def admin_views(patterns=None, prefix=""):
    """(route, view) of every class-based view of the site."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_views(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "view_class"):
            yield route, pattern.callback


OUR_APPS = {"portal", "pages", "events", "branding", "press", "search", "directory"}


def is_ours(view) -> bool:
    """A view of our apps: its class is ours, or it lists one of our models (viewsets give
    Wagtail's generic views their model)."""
    model = view.view_initkwargs.get("model")
    return (view.view_class.__module__.partition(".")[0] in OUR_APPS
            or (model is not None and model._meta.app_label in OUR_APPS))


def test_every_list_export_gives_the_csv_french_spreadsheets_open(sites):
    exporting = {}
    for name, view in admin_views():
        view_class = view.view_class
        if issubclass(view_class, SpreadsheetExportMixin) and is_ours(view) and (
                view.view_initkwargs.get("list_export") or view_class.list_export):
            exporting[name] = view_class
    # Registrations, journalists, outlets, people, paper-copy requests, the downloads of
    # publications and logos, partners, proofs…
    assert len(exporting) >= 10
    assert {name: view_class for name, view_class in exporting.items()
            if not issubclass(view_class, FrenchSpreadsheetExportMixin)} == {}


def test_months_are_written_in_words_in_the_active_language():
    import datetime

    from django.utils import translation

    with translation.override("fr"):
        assert month_label(datetime.date(2025, 9, 1)) == "septembre 2025"
    with translation.override("en"):
        assert month_label(datetime.date(2025, 9, 1)) == "September 2025"


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_quoted():
    assert spreadsheet_text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert spreadsheet_text("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_text("Anne Le Bihan") == "Anne Le Bihan"
    assert spreadsheet_text(12) == 12
