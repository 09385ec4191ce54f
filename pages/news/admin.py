"""How editors manage news categories in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.news.models import NewsCategory
from portal.filters import AdminFilters, AdminSnippetIndexView


class NewsCategoryFilterSet(AdminFilters):
    class Meta:
        model = NewsCategory
        fields = []


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Categories")
    add_to_admin_menu = True
    menu_order = 300
    # Translatable snippets get Wagtail's locale switcher and filter of their own.
    filterset_class = NewsCategoryFilterSet
    index_view_class = AdminSnippetIndexView
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(NewsCategoryViewSet)
