"""Open-data exports of published local events, streamed: CSV and JSON with the columns
documented in README.md ("Events", "Open-data exports")."""

import csv
import json

from django.http import StreamingHttpResponse

from events.models import ACCESSIBILITY, NationalEventPage

COLUMNS = [
    "id", "url", "title", "description", "national_event", "status", "organisation",
    "region_code", "region", "department_code", "department", "commune", "commune_insee",
    "postcode", "venue", "address", "latitude", "longitude", "first_start", "last_end",
    "time_slots", "themes", "free", "price", "booking_required", "booking_url",
    "booking_phone", "booking_email", "accessibility", "age_min", "age_max", "school_groups",
    "young_audience", "attendance_mode", "online_url", "image_url", "image_alt",
    "first_participation", "updated_at",
]


def _iso(moment):
    return moment.isoformat() if moment else None


def event_row(event, base_url: str, edition_titles: dict) -> dict:
    venue, department, region = event.venue, event.department, event.region
    slots = list(event.slots.all())
    return {
        "id": event.pk,
        "url": base_url + event.get_absolute_url(),
        "title": event.title,
        "description": event.description,
        "national_event": edition_titles.get(event.edition_id, ""),
        "status": event.status,
        "organisation": event.organisation,
        "region_code": region.code if region else None,
        "region": region.name if region else None,
        "department_code": department.code if department else None,
        "department": department.name if department else None,
        "commune": venue.commune if venue else None,
        "commune_insee": venue.commune_code if venue else None,
        "postcode": venue.postcode if venue else None,
        "venue": venue.name if venue else None,
        "address": venue.address if venue else None,
        "latitude": venue.latitude if venue else None,
        "longitude": venue.longitude if venue else None,
        "first_start": _iso(event.first_start),
        "last_end": _iso(event.last_end),
        "time_slots": [[_iso(slot.start), _iso(slot.end)] for slot in slots],
        "themes": [theme.slug for theme in event.themes.all()],
        "free": event.is_free,
        "price": event.price,
        "booking_required": event.booking_required,
        "booking_url": event.booking_url,
        "booking_phone": event.booking_phone,
        "booking_email": event.booking_email,
        "accessibility": [code for code, _label in ACCESSIBILITY
                          if getattr(event, f"access_{code}")],
        "age_min": event.age_min,
        "age_max": event.age_max,
        "school_groups": event.school_groups,
        "young_audience": event.young_audience,
        "attendance_mode": event.attendance_mode,
        "online_url": event.online_url,
        "image_url": base_url + event.image.url if event.image else "",
        "image_alt": event.image_alt,
        "first_participation": event.first_participation,
        "updated_at": _iso(event.updated_at),
    }


def _csv_value(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ";".join("/".join(item) if isinstance(item, list) else item for item in value)
    return "" if value is None else value


class _Echo:
    def write(self, value):
        return value


def _rows(events, request):
    base_url = request.build_absolute_uri("/").rstrip("/")
    edition_titles = dict(NationalEventPage.objects.values_list("pk", "title"))
    for event in events.iterator(chunk_size=1000):
        yield event_row(event, base_url, edition_titles)


def csv_response(events, request) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(COLUMNS)  # BOM: spreadsheets then read UTF-8
        for row in _rows(events, request):
            yield writer.writerow([_csv_value(row[column]) for column in COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evenements.csv"'
    return response


def json_response(events, request) -> StreamingHttpResponse:
    def parts():
        yield "["
        separator = "\n"
        for row in _rows(events, request):
            yield separator + json.dumps(row, ensure_ascii=False)
            separator = ",\n"
        yield "\n]\n"

    response = StreamingHttpResponse(parts(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evenements.json"'
    return response
