"""The synonyms, managed by editors as a snippet (Settings-like menu entry "Search synonyms")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)
