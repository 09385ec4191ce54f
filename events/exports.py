"""Open-data exports of published local events, streamed: CSV and JSON with the columns
documented in README.md ("Events", "Open-data exports").

Rows come from ``events.bulk`` (plain values, a chunk at a time), and each chunk is written
out as one string, so that memory stays flat whatever the number of events."""

import csv
import io
import json

from django.http import StreamingHttpResponse

from events import bulk
from events.models import ACCESSIBILITY, Department, LocalEvent, NationalEventPage, Region

COLUMNS = [
    "id", "url", "title", "description", "national_event", "status", "organisation",
    "region_code", "region", "department_code", "department", "commune", "commune_insee",
    "postcode", "venue", "address", "latitude", "longitude", "first_start", "last_end",
    "time_slots", "themes", "free", "price", "booking_required", "booking_url",
    "booking_phone", "booking_email", "accessibility", "age_min", "age_max", "school_groups",
    "young_audience", "attendance_mode", "online_url", "image_url", "image_alt",
    "first_participation", "updated_at",
]
# Columns read as they are stored (export name: field name).
PLAIN_FIELDS = {
    "title": "title", "description": "description", "status": "status",
    "organisation": "organisation", "commune": "venue__commune",
    "commune_insee": "venue__commune_code", "postcode": "venue__postcode",
    "venue": "venue__name", "address": "venue__address", "latitude": "venue__latitude",
    "longitude": "venue__longitude", "free": "is_free", "price": "price",
    "booking_required": "booking_required", "booking_url": "booking_url",
    "booking_phone": "booking_phone", "booking_email": "booking_email", "age_min": "age_min",
    "age_max": "age_max", "school_groups": "school_groups", "young_audience": "young_audience",
    "attendance_mode": "attendance_mode", "online_url": "online_url", "image_alt": "image_alt",
    "first_participation": "first_participation",
}
ACCESS_FIELDS = [(code, f"access_{code}") for code, _label in ACCESSIBILITY]
FIELDS = [
    "pk", "edition_id", "region_id", "department_id", "first_start", "last_end", "image",
    "updated_at", *PLAIN_FIELDS.values(), *(field for _code, field in ACCESS_FIELDS),
]


def _iso(moment):
    return moment.isoformat() if moment else None


class RowBuilder:
    """Turns ``values()`` rows into export rows; the small lookup tables (editions, regions,
    departments, themes) are read once per export."""

    def __init__(self, request):
        base_url = request.build_absolute_uri("/").rstrip("/")
        self.image_base = base_url
        self.url_format = bulk.detail_url_format(base_url)
        self.edition_titles = dict(NationalEventPage.objects.values_list("pk", "title"))
        self.regions = {pk: (code, name) for pk, code, name
                        in Region.objects.values_list("pk", "code", "name")}
        self.departments = {pk: (code, name) for pk, code, name
                            in Department.objects.values_list("pk", "code", "name")}
        self.themes = bulk.ThemeSlugs()
        self.image_storage = LocalEvent._meta.get_field("image").storage

    def rows(self, events):
        for chunk in bulk.chunks(events, FIELDS):
            ids = [values["pk"] for values in chunk]
            slots, themes = bulk.slots_of(ids), self.themes.of(ids)
            yield [self.row(values, slots.get(values["pk"], ()), themes.get(values["pk"], []))
                   for values in chunk]

    def row(self, values, slots, themes) -> dict:
        pk = values["pk"]
        region_code, region = self.regions.get(values["region_id"], (None, None))
        department_code, department = self.departments.get(values["department_id"],
                                                           (None, None))
        row = {
            "id": pk,
            "url": self.url_format.format(pk),
            "national_event": self.edition_titles.get(values["edition_id"], ""),
            "region_code": region_code, "region": region,
            "department_code": department_code, "department": department,
            "first_start": _iso(values["first_start"]),
            "last_end": _iso(values["last_end"]),
            "time_slots": [[start.isoformat(), end.isoformat()] for _pk, start, end in slots],
            "themes": themes,
            "accessibility": [code for code, field in ACCESS_FIELDS if values[field]],
            "image_url": (self.image_base + self.image_storage.url(values["image"])
                          if values["image"] else ""),
            "updated_at": _iso(values["updated_at"]),
        }
        for column, field in PLAIN_FIELDS.items():
            row[column] = values[field]
        return row


def _csv_value(value):
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, list):
        return ";".join("/".join(item) if isinstance(item, list) else item for item in value)
    return "" if value is None else value


def csv_response(events, request) -> StreamingHttpResponse:
    builder = RowBuilder(request)

    def parts():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")  # BOM: spreadsheets then read UTF-8
        writer.writerow(COLUMNS)
        yield buffer.getvalue()
        for rows in builder.rows(events):
            buffer.seek(0)
            buffer.truncate()
            writer.writerows([[_csv_value(row[column]) for column in COLUMNS] for row in rows])
            yield buffer.getvalue()

    response = StreamingHttpResponse(parts(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evenements.csv"'
    return response


def json_response(events, request) -> StreamingHttpResponse:
    builder = RowBuilder(request)
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def parts():
        yield "["
        separator = "\n"
        for rows in builder.rows(events):
            yield separator + ",\n".join(
                encode({column: row[column] for column in COLUMNS}) for row in rows)
            separator = ",\n"
        yield "\n]\n"

    response = StreamingHttpResponse(parts(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evenements.json"'
    return response
