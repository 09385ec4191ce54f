"""The synonyms, managed as a snippet under Settings → "Search synonyms" (a setting of the
search, not content, so neither in the main menu nor among the editors' snippets), and the
report of what visitors search (*Reports → Searches*, ``search.admin``). Promoted results
are Wagtail's own (*Settings → Promoted search results*)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin import SearchesReportView
from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [
        path("reports/searches/", SearchesReportView.as_view(), name="search_report"),
        path("reports/searches/results/", SearchesReportView.as_view(results_only=True),
             name="search_report_results"),
    ]


class SearchesReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_querysiteday")


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return SearchesReportMenuItem(_("Searches"), reverse("search_report"), icon_name="search",
                                  order=1020)
