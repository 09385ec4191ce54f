"""The filters of every programme list, ICS feed and open-data export.

One form validates the query string: an unknown region, a malformed date or flag is an
error the views answer with a 400 and a message, never a 500."""

import datetime as dt

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import ACCESSIBILITY, AttendanceMode, Department, Region, Theme, TimeSlot
from portal.text import folded

FLAG_VALUES = {"": False, "0": False, "1": True, "on": True, "true": True}


class CheckboxInput(forms.CheckboxInput):
    """A checkbox that hands the raw value to the field, so that ``?free=maybe`` is an
    error rather than silently true. (Same class name as Django's, which the DSFR field
    template recognises.)"""

    def __init__(self, attrs=None):
        super().__init__(attrs={"value": "1", **(attrs or {})},
                         check_test=lambda value: FLAG_VALUES.get(str(value).lower(), False))

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class FlagField(forms.Field):
    widget = CheckboxInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = str(value or "").strip().lower()
        if value not in FLAG_VALUES:
            raise forms.ValidationError(_("Use 1 to switch this filter on."), code="flag")
        return FLAG_VALUES[value]


class InvalidFilters(Exception):
    def __init__(self, form):
        super().__init__("invalid filters")
        self.form = form

    def messages(self) -> list[str]:
        return [f"{name}: {' '.join(errors)}" for name, errors in self.form.errors.items()]


class ProgrammeFilterForm(forms.Form):
    # Every filter is optional: saying so on each of them is noise.
    show_optional_marker = False
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    region = forms.SlugField(label=_("Region"), required=False)
    department = forms.CharField(label=_("Department"), max_length=3, required=False)
    commune = forms.CharField(label=_("Commune"), max_length=150, required=False,
                              help_text=_("Name or INSEE code"))
    date_from = forms.DateField(label=pgettext_lazy("date range", "From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}),
                                input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(label=pgettext_lazy("date range", "To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              input_formats=["%Y-%m-%d"])
    theme = forms.SlugField(label=_("Theme"), required=False)
    access = forms.ChoiceField(label=_("Accessible for"), required=False,
                               choices=[("", _("Any")), *ACCESSIBILITY])
    booking = forms.ChoiceField(label=_("Booking"), required=False, choices=[
        ("", _("Any")), ("required", _("Booking required")), ("none", _("No booking needed")),
    ])
    free = FlagField(label=_("Free"))
    young = FlagField(label=_("For young audiences"))
    online = FlagField(label=_("Online"))

    def clean_region(self):
        return self._known(Region, "slug", self.cleaned_data["region"], _("Unknown region."))

    def clean_department(self):
        code = self.cleaned_data["department"].upper()
        return self._known(Department, "code", code, _("Unknown department."))

    def clean_theme(self):
        return self._known(Theme, "slug", self.cleaned_data["theme"], _("Unknown theme."))

    @staticmethod
    def _known(model, field, value, message):
        if not value:
            return None
        found = model.objects.filter(**{field: value}).first()
        if found is None:
            raise forms.ValidationError(message, code="unknown")
        return found

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date comes before the start date."))
        return cleaned

    def is_filtering(self) -> bool:
        return any(value not in (None, "", False) for value in self.cleaned_data.values())


def parse_filters(query) -> ProgrammeFilterForm:
    form = ProgrammeFilterForm(query)
    if not form.is_valid():
        raise InvalidFilters(form)
    return form


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


def apply_filters(events, data: dict, *, skip=()):
    """Narrow a LocalEvent queryset with cleaned filter values (``skip`` leaves some out,
    for the counts shown in that filter's own dropdown)."""
    if data.get("region") and "region" not in skip:
        events = events.filter(region=data["region"])
    if data.get("department") and "department" not in skip:
        events = events.filter(department=data["department"])
    if data.get("commune"):
        commune = data["commune"].strip()
        events = events.filter(Q(venue__commune__iexact=commune)
                               | Q(venue__commune_code=commune.upper()))
    events = filter_by_dates(events, data.get("date_from"), data.get("date_to"))
    if data.get("theme") and "theme" not in skip:
        events = events.filter(themes=data["theme"])
    if data.get("access"):
        events = events.filter(**{f"access_{data['access']}": True})
    if data.get("booking") == "required":
        events = events.filter(booking_required=True)
    elif data.get("booking") == "none":
        events = events.filter(booking_required=False)
    if data.get("free"):
        events = events.filter(is_free=True)
    if data.get("young"):
        events = events.filter(Q(young_audience=True) | Q(school_groups=True))
    if data.get("online"):
        events = events.filter(attendance_mode__in=[AttendanceMode.ONLINE, AttendanceMode.MIXED])
    if data.get("q"):
        events = events.filter(search_text__contains=folded(data["q"].strip()))
    return events
