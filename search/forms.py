from django import forms
from django.utils.translation import gettext_lazy as _

from portal.filters import FilterForm, YearField
from search import registry

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500


def type_choices():
    types = sorted(((name, kind.plural) for name, kind in registry.result_types().items()),
                   key=lambda choice: str(choice[1]))
    return [("", _("All types")), *types]


class SearchForm(FilterForm):
    """What ``/recherche/`` reads: the words, the facets chosen, the page."""

    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    directorate = forms.CharField(label=_("Directorate"), max_length=100, required=False)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    year = YearField(label=_("Year"), required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=MAX_PAGE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = type_choices()

    def facets(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("type", "directorate", "region",
                                                            "year")
                if self.cleaned_data.get(name) not in (None, "")}


class SuggestionsForm(FilterForm):
    q = forms.CharField(max_length=100, required=False)
