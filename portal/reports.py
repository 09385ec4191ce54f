"""What the admin's lists and reports export, for the spreadsheets officers use.

Every admin list with a ``list_export`` offers XLSX and CSV (Wagtail's buttons). Its index
view takes ``FrenchSpreadsheetExportMixin`` (``portal.filters.AdminIndexView`` and
``AdminSnippetIndexView`` have it; a ``ReportView`` adds it itself), so that the CSV opens
as it is in a French Excel or LibreOffice: UTF-8 with a byte-order mark, semicolons between
columns, dates in local time written the French way, and no cell read as a formula.
``month_label`` writes a month as people say it ("septembre 2025").
"""

import csv
import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

BYTE_ORDER_MARK = "\ufeff".encode()  # Wagtail's CSV writer yields UTF-8 bytes
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def month_label(day: datetime.date | None) -> str:
    """The month of ``day`` in words, in the active language: "septembre 2025"."""
    return date_format(day, "YEAR_MONTH_FORMAT") if day else ""


def spreadsheet_text(value) -> str:
    """A cell's text, with a leading quote when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def local_date_time(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATETIME_FORMAT")


class FrenchSpreadsheetExportMixin:
    """CSV for French spreadsheets (see the module); XLSX stays Wagtail's."""

    csv_delimiter = ";"

    def get_preprocess_function(self, field, value, export_format):
        function = super().get_preprocess_function(field, value, export_format)
        if export_format != SpreadsheetExportMixin.FORMAT_CSV or field in (
                self.custom_field_preprocess):
            return function
        if isinstance(value, datetime.datetime):
            return local_date_time
        if isinstance(value, datetime.date):
            return lambda day: date_format(day, "SHORT_DATE_FORMAT")
        return lambda value: spreadsheet_text(function(value) if function else value)

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export,
                                delimiter=self.csv_delimiter)
        yield BYTE_ORDER_MARK + writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

