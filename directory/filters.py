"""The filters of the staff directory, on the one base of every list (``portal.filters``): a
malformed or unknown value answers 400 with a message naming the field."""

from django.utils.translation import gettext_lazy as _

from directory.models import Service
from directory.search import search_people
from portal.filters import CharFilter, ListFilters, ModelChoiceFilter
from portal.models import Directorate


class DirectoryFilters(ListFilters):
    """Search by name, service or subject; narrow by directorate and service."""

    list_name = "directory"
    paginated = True

    q = CharFilter(label=_("Name, service or subject"), method="search", max_length=100)
    directorate = ModelChoiceFilter(label=_("Directorate"), to_field_name="slug",
                                    queryset=Directorate.objects.all(),
                                    empty_label=_("All directorates"))
    service = ModelChoiceFilter(label=_("Service or bureau"),
                                queryset=Service.objects.select_related("directorate"),
                                empty_label=_("All services"))

    corrected: list[str] = []

    def search(self, queryset, name, value):
        people, self.corrected = search_people(queryset, value)
        return people
