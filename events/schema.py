"""schema.org Event JSON-LD of local events, national events and the directorate's events, for
search engines and aggregators."""

from events.models import AttendanceMode, EventStatus
from pages.structured_data import absolute_url, postal_address, publisher, sharing_rendition

ATTENDANCE = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _place(venue):
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "postalCode": venue.postcode,
            "addressLocality": venue.commune,
            "addressRegion": venue.department.region.name,
            "addressCountry": "FR",
        },
    }
    if venue.latitude is not None and venue.longitude is not None:  # not known yet for all
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude,
                        "longitude": venue.longitude}
    return place


def event_json_ld(event, request) -> dict:
    url = request.build_absolute_uri(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": url,
        "eventStatus": "https://schema.org/EventCancelled"
        if event.status == EventStatus.CANCELLED else "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[event.attendance_mode],
        "isAccessibleForFree": event.is_free,
    }
    if event.first_start:
        data["startDate"] = event.first_start.isoformat()
    if event.last_end:
        data["endDate"] = event.last_end.isoformat()
    locations = []
    if event.venue_id:
        locations.append(_place(event.venue))
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organisation:
        data["organizer"] = {"@type": "Organization", "name": event.organisation}
    if event.image:
        data["image"] = request.build_absolute_uri(event.image.url)
    offer = {"@type": "Offer", "url": event.booking_url or url,
             "availability": "https://schema.org/SoldOut"
             if event.status == EventStatus.FULL else "https://schema.org/InStock"}
    if event.is_free:
        offer.update(price="0", priceCurrency="EUR")
    else:
        offer["description"] = event.price
    data["offers"] = offer
    slots = list(event.slots.all())
    if len(slots) > 1:
        data["subEvent"] = [
            {"@type": "Event", "name": event.title, "startDate": slot.start.isoformat(),
             "endDate": slot.end.isoformat()}
            for slot in slots
        ]
    return data


def _page_event(page, request) -> dict:
    """What a national or directorate event page and its schema.org Event share."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": publisher(request),
    }
    if page.sharing_description:
        data["description"] = page.sharing_description
    rendition = sharing_rendition(page)
    if rendition is not None:
        data["image"] = [absolute_url(request, rendition.url)]
    return data


def national_event_json_ld(page, request) -> dict:
    """An edition of a national event: its days, all over France, on site."""
    data = _page_event(page, request)
    data.update({
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventAttendanceMode": ATTENDANCE[AttendanceMode.OFFLINE],
        "location": {"@type": "Place", "name": "France",
                     "address": {"@type": "PostalAddress", "addressCountry": "FR"}},
    })
    return data


def directorate_event_json_ld(page, request) -> dict:
    """An event of the directorate: its times, its place and, with registration, where to
    register."""
    data = _page_event(page, request)
    data.update({
        "startDate": page.start.isoformat(),
        "endDate": page.end.isoformat(),
        "eventAttendanceMode": ATTENDANCE[AttendanceMode.OFFLINE],
    })
    if page.location or page.address:
        place = {"@type": "Place", "name": page.location or page.address}
        address = postal_address(page.address)
        if address:
            place["address"] = address
        data["location"] = place
    if page.registration_enabled:
        data["offers"] = {"@type": "Offer", "url": data["url"]}
    return data
