"""One way to filter a list: news, publications, the events programme with its exports and
calendar feed, the intranet statistics, and the admin's lists.

Every list declares its filters as a django-filter ``FilterSet`` built on ``ListFilters``
(``AdminFilters``, on Wagtail's ``WagtailFilterSet``, in the admin): django-filter gives the
form, its validation and the filtering of the queryset. What this module adds, the same for
every list:

- ``is_filtering`` and ``active_filters``: whether filters narrow the list, and which (the
  names Wagtail's admin lists use too);
- one rule for a malformed or unknown value: reading ``qs`` or ``cleaned_data`` raises
  ``InvalidFilters``, whose ``messages`` name each field in words ("Région : valeur
  inconnue"), never the parameter's key, and ``answer_invalid_filters`` turns it into a 400:
  the list's own page when it can show itself with its form, the site's 400 page otherwise
  (``InvalidFiltersMiddleware`` answers so for any view that lets the exception through);
- fields that refuse what the database or the calendar cannot take, instead of failing on
  it with a 500: numbers beyond 64 bits, Unicode digits, NUL characters, dates at the ends of
  the calendar, very long texts, a parameter given twice;
- ``LISTS``: every public list by name, with its parameters, for the tests that try them all.
"""

import copy
import datetime as dt

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from portal.fields import ComparableKeysMixin, ComparableKeysMultipleMixin
from portal.reports import FrenchSpreadsheetExportMixin

UNKNOWN_VALUE = gettext_lazy("unknown value")
# Short phrases that read after the field's label: "Region: unknown value".
ERROR_MESSAGES = {
    "invalid_choice": UNKNOWN_VALUE,
    "invalid_pk_value": UNKNOWN_VALUE,
    "max_length": gettext_lazy("too long (%(limit_value)d characters at most)"),
    "null_characters_not_allowed": gettext_lazy("contains a character that is not allowed"),
    "max_value": gettext_lazy("%(limit_value)s at most"),
    "min_value": gettext_lazy("%(limit_value)s at least"),
}
ERROR_MESSAGES_BY_TYPE = {
    forms.DateField: {"invalid": gettext_lazy("not a date (YYYY-MM-DD)")},
    forms.IntegerField: {"invalid": gettext_lazy("not a whole number")},
}
# The days a filter takes. Beyond them a list could not turn a day into a moment (the next
# day, in UTC): Python's dates end in year 9999 and begin in year 1.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
FLAG_VALUES = {"": False, "0": False, "1": True, "on": True, "true": True}


def errors_in_words(form) -> list[str]:
    """Each error of a bound form as a sentence naming its field by its label, in the
    visitor's language ("Région : valeur inconnue"), never by the parameter's key."""
    lines = []
    for name, errors in form.errors.items():
        for message in errors:
            if name == NON_FIELD_ERRORS:
                lines.append(str(message))
            else:
                lines.append(_("%(field)s: %(message)s") % {"field": form[name].label,
                                                            "message": message})
    return lines


# --- Fields -----------------------------------------------------------------------------------

class FilterForm(forms.Form):
    """The form of every list's filters."""

    # Every filter is optional: saying so on each of them is noise.
    show_optional_marker = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **ERROR_MESSAGES, **next(
                (extra for kind, extra in ERROR_MESSAGES_BY_TYPE.items()
                 if isinstance(field, kind)), {})}

    def clean(self):
        cleaned = super().clean()
        getlist = getattr(self.data, "getlist", None)
        for name, field in self.fields.items():
            if getlist is None or getattr(field.widget, "allow_multiple_selected", False):
                continue
            if len(getlist(self.add_prefix(name))) > 1:
                self.errors.pop(name, None)  # what is wrong is the repetition
                self.add_error(name, ValidationError(_("give one value only"), code="repeated"))
        return cleaned


class WithinCalendarMixin:
    """For date and date-time fields: from FIRST_DAY to LAST_DAY."""

    def validate(self, value):
        super().validate(value)
        day = value.date() if isinstance(value, dt.datetime) else value
        if day and not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(
                _("choose a day between %(first)s and %(last)s"), code="out_of_range",
                params={"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()})


class DateField(WithinCalendarMixin, forms.DateField):
    """A day as ``<input type="date">`` sends it (YYYY-MM-DD), from FIRST_DAY to LAST_DAY."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        kwargs.setdefault("widget", forms.DateInput(format="%Y-%m-%d", attrs={
            "type": "date", "min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()}))
        super().__init__(**kwargs)


class DateTimeField(WithinCalendarMixin, forms.DateTimeField):
    pass


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=FIRST_DAY.year, max_value=LAST_DAY.year, **kwargs)


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
    """A filter that is on (``1``) or off (absent, empty or ``0``)."""

    widget = CheckboxInput

    def __init__(self, **kwargs):
        kwargs["required"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        value = str(value or "").strip().lower()
        if value not in FLAG_VALUES:
            raise ValidationError(_("use 1 to switch this filter on"), code="flag")
        return FLAG_VALUES[value]


class FilterModelChoiceField(ComparableKeysMixin, django_filters.fields.ModelChoiceField):
    pass


class FilterModelMultipleChoiceField(ComparableKeysMultipleMixin,
                                     django_filters.fields.ModelMultipleChoiceField):
    pass


# --- Filters ----------------------------------------------------------------------------------

class CheapCopyMixin:
    """A filter set deep-copies its filters for every request; deep-copying their querysets
    and translated labels was most of the cost of a programme's filters, for nothing, since
    nothing changes them in place. A copy shares them and gets its own ``extra`` (where a
    list sets the choices in use) and its own binding of ``method``."""

    def __deepcopy__(self, memo):
        clone = copy.copy(self)
        clone.__dict__.pop("_field", None)
        clone.extra = dict(self.extra)
        if self.method is not None:
            clone.method = self.method  # bound to the copy, not to the original
        return clone


class CharFilter(CheapCopyMixin, django_filters.CharFilter):
    pass


class ChoiceFilter(CheapCopyMixin, django_filters.ChoiceFilter):
    pass


class ModelChoiceFilter(CheapCopyMixin, django_filters.ModelChoiceFilter):
    field_class = FilterModelChoiceField


class ModelMultipleChoiceFilter(CheapCopyMixin, django_filters.ModelMultipleChoiceFilter):
    field_class = FilterModelMultipleChoiceField


class DateFilter(CheapCopyMixin, django_filters.DateFilter):
    field_class = DateField


class DateTimeFilter(CheapCopyMixin, django_filters.DateTimeFilter):
    field_class = DateTimeField


class YearFilter(CheapCopyMixin, django_filters.Filter):
    """A year, of a date field: ``YearFilter(field_name="month", lookup_expr="year")``."""

    field_class = YearField


class FlagFilter(CheapCopyMixin, django_filters.Filter):
    """On, it keeps the rows whose ``field_name`` is true (or applies its ``method``); off,
    it changes nothing."""

    field_class = FlagField

    def filter(self, qs, value):
        return super().filter(qs, True) if value else qs


def _is_set(value) -> bool:
    if value is None or value is False or value == "":
        return False
    if isinstance(value, (list, tuple, set, frozenset)):
        return bool(value)
    return True


# --- Filter sets ------------------------------------------------------------------------------

class InvalidFilters(Exception):
    """A filter's value is malformed or unknown: the list answers 400 with ``messages``."""

    def __init__(self, filters):
        super().__init__("invalid filters")
        self.filters = filters

    @property
    def messages(self) -> list[str]:
        return errors_in_words(self.filters.form)


class FilterRules:
    """What the filters of every list share, public (``ListFilters``) or in the admin
    (``AdminFilters``). ``fixed`` values are not the visitor's choice (the region of a
    regional programme): they filter, but do not count as filters in use."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, fixed=None):
        self.fixed = dict(fixed or {})
        if self.fixed:
            data = data.copy() if data is not None else QueryDict(mutable=True)
            for name, value in self.fixed.items():
                data[name] = value  # replaces whatever the query string said
        super().__init__(data, queryset, request=request, prefix=prefix)

    def get_form_class(self):
        form_class = super().get_form_class()
        if issubclass(form_class, FilterForm):
            return form_class
        return type(form_class.__name__, (FilterForm, form_class), {})

    def check(self):
        """Raise ``InvalidFilters`` when a value is malformed or unknown."""
        if self.is_bound and not self.form.is_valid():
            raise InvalidFilters(self)

    @property
    def cleaned_data(self) -> dict:
        """The filters' values; ``InvalidFilters`` when one is malformed or unknown."""
        self.check()
        return self.form.cleaned_data if self.is_bound else {}

    @property
    def qs(self):
        self.check()
        return super().qs

    def apply(self, queryset, *, skip=(), only=None):
        """``queryset`` narrowed by these filters, some left out (``skip``) or only some
        (``only``): the programme counts each dropdown's choices without its own filter."""
        for name, value in self.cleaned_data.items():
            if name not in skip and (only is None or name in only):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active_filters(self) -> dict:
        """The filters the visitor set, with their values (valid ones only)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items()
                if name not in self.fixed and _is_set(value)}

    @property
    def is_filtering(self) -> bool:
        return bool(self.active_filters)


# Every public list by name (``ListFilters.list_name``): the tests that try every parameter
# of every list iterate over it, so that a new list cannot be left out of them.
LISTS: dict[str, type["ListFilters"]] = {}


class ListFilters(FilterRules, django_filters.FilterSet):
    """The filters of a public list. Name it (``list_name``) to have it tried by the tests
    of every parameter; ``paginated`` lists take ``page`` too."""

    list_name = ""
    paginated = False

    class Meta:
        form = FilterForm

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("list_name"):
            LISTS[cls.list_name] = cls

    @classmethod
    def parameters(cls) -> list[str]:
        return [*cls.base_filters, *(["page"] if cls.paginated else [])]


ADMIN_FILTER_DEFAULTS = {
    **WagtailFilterSet.FILTER_DEFAULTS,
    **{field: {**WagtailFilterSet.FILTER_DEFAULTS[field], "filter_class": ModelChoiceFilter}
       for field in (models.ForeignKey, models.OneToOneField)},
    models.ManyToManyField: {**WagtailFilterSet.FILTER_DEFAULTS[models.ManyToManyField],
                             "filter_class": ModelMultipleChoiceFilter},
}


class AdminFilters(FilterRules, WagtailFilterSet):
    """The filters of a list in the Wagtail admin (``filterset_class`` of a viewset, with
    ``AdminIndexViewMixin`` on its index view)."""

    FILTER_DEFAULTS = ADMIN_FILTER_DEFAULTS

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        bounded = {django_filters.DateFilter: DateFilter,
                   django_filters.DateTimeFilter: DateTimeFilter}
        return bounded.get(filter_class, filter_class), params


# --- The answer -------------------------------------------------------------------------------

def answer_invalid_filters(request, error: InvalidFilters, response=None):
    """The one answer to a malformed or unknown filter value: a 400 whose ``filter_errors``
    name each field in words. ``response`` is the list's own page (a ``TemplateResponse``
    not rendered yet) when it can show itself with its form keeping the bad values;
    otherwise the site's page for invalid filters."""
    if response is None:
        response = TemplateResponse(request, "portal/invalid_filters.html", {})
    response.context_data = {**(response.context_data or {}), "filter_errors": error.messages}
    response.status_code = 400
    return response


class InvalidFiltersMiddleware:
    """Answers ``InvalidFilters`` raised by any view (exports, feeds, statistics…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, InvalidFilters):
            return answer_invalid_filters(request, exception)
        return None


class AdminIndexViewMixin:
    """For the index view of an admin list: invalid filters answer 400 with the list and
    the messages, where Wagtail would list everything as if no filter had been asked. (As
    ``index_view_class`` of a viewset: ``AdminIndexView``, ``AdminSnippetIndexView``.)"""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filters is None or self.filters.form.is_valid():
            return response
        error = InvalidFilters(self.filters)
        if not self.results_only:
            for line in error.messages:
                messages.error(request, line)
        return answer_invalid_filters(request, error, response)


class AdminIndexView(AdminIndexViewMixin, FrenchSpreadsheetExportMixin, IndexView):
    pass


class AdminSnippetIndexView(AdminIndexViewMixin, FrenchSpreadsheetExportMixin,
                            SnippetIndexView):
    pass
