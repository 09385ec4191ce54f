"""The filters of the events programme, its calendar feed and open-data exports, and of the
intranet statistics, on the one base of every list (``portal.filters``): a malformed or
unknown value answers 400 with a message naming the field, never a 500."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import (
    ACCESSIBILITY,
    AttendanceMode,
    Department,
    EventStatus,
    LocalEvent,
    NationalEventPage,
    Region,
    Theme,
    TimeSlot,
    public_edition_ids,
)
from portal.filters import (
    CharFilter,
    ChoiceFilter,
    DateFilter,
    FilterForm,
    FilterModelChoiceField,
    FlagFilter,
    ListFilters,
    ModelChoiceFilter,
)
from portal.text import folded

BOOKING = [("required", _("Booking required")), ("none", _("No booking needed"))]


class ProgrammeFilterForm(FilterForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("comes before the start date"))
        return cleaned


class DepartmentField(FilterModelChoiceField):
    """Codes are upper case (2A, 2B); a visitor may type them in lower case."""

    def to_python(self, value):
        return super().to_python(value.upper() if isinstance(value, str) else value)


class DepartmentFilter(ModelChoiceFilter):
    field_class = DepartmentField


def _day_start(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def filter_by_dates(events, date_from, date_to):
    """Events with at least one time slot between these days (inclusive)."""
    if not (date_from or date_to):
        return events
    slots = TimeSlot.objects.filter(event=OuterRef("pk"))
    if date_from:
        events = events.filter(last_end__gte=_day_start(date_from))
        slots = slots.filter(end__gte=_day_start(date_from))
    if date_to:
        after = _day_start(date_to + dt.timedelta(days=1))
        events = events.filter(first_start__lt=after)
        slots = slots.filter(start__lt=after)
    return events.filter(Exists(slots))


class ProgrammeFilters(ListFilters):
    """The filters of every programme list (national and regional pages), in the order of
    the form. Values are checked against the reference data: ``region`` is a slug,
    ``department`` a code, ``theme`` a slug."""

    list_name = "events-programme"
    paginated = True

    q = CharFilter(label=_("Search"), max_length=100, method="filter_text")
    region = ModelChoiceFilter(label=_("Region"), queryset=Region.objects.all(),
                               to_field_name="slug")
    department = DepartmentFilter(label=_("Department"), queryset=Department.objects.all(),
                                  to_field_name="code")
    commune = CharFilter(label=_("Commune"), max_length=150,
                         help_text=_("Name or INSEE code"),
                         method="filter_commune")
    # Both dates make one condition on the time slots (see filter_dates).
    date_from = DateFilter(label=pgettext_lazy("date range", "From"), method="filter_dates")
    date_to = DateFilter(label=pgettext_lazy("date range", "To"), method="filter_dates")
    theme = ModelChoiceFilter(label=_("Theme"), field_name="themes",
                              queryset=Theme.objects.all(), to_field_name="slug")
    access = ChoiceFilter(label=_("Accessible for"), choices=ACCESSIBILITY,
                          empty_label=_("Any"), method="filter_access")
    booking = ChoiceFilter(label=_("Booking"), choices=BOOKING,
                           empty_label=_("Any"), method="filter_booking")
    free = FlagFilter(label=_("Free"), field_name="is_free")
    young = FlagFilter(label=_("For young audiences"), method="filter_young")
    online = FlagFilter(label=_("Online"), method="filter_online")

    class Meta:
        form = ProgrammeFilterForm

    def filter_text(self, events, name, value):
        return events.filter(search_text__contains=folded(value))

    def filter_commune(self, events, name, value):
        return events.filter(Q(venue__commune__iexact=value)
                             | Q(venue__commune_code=value.upper()))

    def filter_dates(self, events, name, value):
        data = self.form.cleaned_data
        if name == "date_to" and data.get("date_from"):
            return events  # already applied with date_from
        return filter_by_dates(events, data.get("date_from"), data.get("date_to"))

    def filter_access(self, events, name, value):
        return events.filter(**{f"access_{value}": True})

    def filter_booking(self, events, name, value):
        return events.filter(booking_required=value == "required")

    def filter_young(self, events, name, value):
        return events.filter(Q(young_audience=True) | Q(school_groups=True)) if value else events

    def filter_online(self, events, name, value):
        if not value:
            return events
        return events.filter(attendance_mode__in=[AttendanceMode.ONLINE, AttendanceMode.MIXED])


def public_editions(request=None):
    """National events whose local events are published (see ``public_edition_ids``)."""
    return NationalEventPage.objects.filter(pk__in=public_edition_ids())


class ExportFilters(ProgrammeFilters):
    """The exports and the calendar feed take the programme's filters and the edition."""

    list_name = "events-exports"
    paginated = False

    edition = ModelChoiceFilter(label=_("National event"), queryset=public_editions)


class StatisticsFilters(ListFilters):
    list_name = "events-statistics"

    edition = ModelChoiceFilter(label=_("National event"), queryset=public_editions)


def _own_editions(request):
    """The national events the signed-in organiser has events in."""
    if request is None or not request.user.is_authenticated:
        return NationalEventPage.objects.none()
    return NationalEventPage.objects.filter(
        pk__in=LocalEvent.objects.filter(organiser=request.user).values("edition_id")
    ).order_by("-edition_year", "title")


class MyEventsFilters(ListFilters):
    """The filters of an organiser's own events (*My events*). Not in ``LISTS``: the list
    is its organiser's alone (``tests/events/test_organisers.py`` tries its bad values)."""

    q = CharFilter(label=_("Search"), max_length=100, method="filter_text",
                   help_text=_("A word of the title, description, place or commune"))
    status = ChoiceFilter(label=_("Status"), choices=EventStatus.choices,
                          empty_label=_("Any"), method="filter_status")
    edition = ModelChoiceFilter(label=_("National event"), queryset=_own_editions,
                                empty_label=_("Any"))

    def filter_text(self, events, name, value):
        return events.filter(search_text__contains=folded(value))

    def filter_status(self, events, name, value):
        if value == EventStatus.SUBMITTED:  # a submission, or changes to a published event
            return events.awaiting_moderation()
        return events.filter(status=value)
