"""The pressroom's list filters (public) and the admin's lists of contacts."""

from django.utils.translation import gettext_lazy as _

from portal.filters import ChoiceFilter, FlagFilter, ListFilters
from press.models import Beat
from press.models.pages import PressReleasePage  # noqa: F401  (the list's model)


class ReleaseFilters(ListFilters):
    """Filters of the pressroom's releases; they offer only values some release has."""

    list_name = "pressroom"
    paginated = True

    subject = ChoiceFilter(label=_("Subject"), field_name="subjects__pk", distinct=True,
                           empty_label=_("All subjects"))
    year = ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year",
                        empty_label=_("All years"))
    joint = FlagFilter(label=_("Joint releases with the prefecture"),
                       field_name="joint_with_prefecture")

    def __init__(self, data, queryset, **kwargs):
        super().__init__(data, queryset, **kwargs)
        releases = self.queryset
        subjects = Beat.objects.filter(pk__in=releases.values("subjects")).values_list(
            "pk", "name")
        self.filters["subject"].extra["choices"] = [(str(pk), name) for pk, name in subjects]
        years = releases.dates("date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(day.year, day.year) for day in years]
