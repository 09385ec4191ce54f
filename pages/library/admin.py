"""How editors manage the library's documents in the Wagtail admin: filters by type,
directorate and overdue review, and the earlier versions of each document in its edit view."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.library.models import ReferenceDocument
from portal.filters import AdminFilters, AdminSnippetIndexView, FlagFilter


class VersionsPanel(Panel):
    """The earlier files of the document, newest first, with their download links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Earlier versions"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/library/admin/versions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["versions"] = (self.instance.versions.select_related("document")
                                   if self.instance.pk else [])
            return context


class ReviewColumn(Column):
    """The review date, marked when it has passed."""

    cell_template_name = "pages/library/admin/review_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.review_overdue
        return context


class ReferenceDocumentFilters(AdminFilters):
    review_overdue = FlagFilter(label=_("Review date passed"), method="overdue")

    class Meta:
        model = ReferenceDocument
        fields = ["kind", "directorates"]

    def overdue(self, queryset, name, value):
        return queryset.review_overdue(timezone.localdate())


class ReferenceDocumentViewSet(SnippetViewSet):
    model = ReferenceDocument
    icon = "doc-full"
    menu_label = _("Library")
    add_to_admin_menu = True
    menu_order = 330
    list_display = ["title", "kind", "reference", "date", "owner_service",
                    ReviewColumn("review_date", label=_("Review date"))]
    filterset_class = ReferenceDocumentFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["title", "reference", "summary"]
    copy_view_enabled = False
    edit_handler = ObjectList([*ReferenceDocument.panels, VersionsPanel()])

    def get_queryset(self, request):
        return ReferenceDocument.objects.all()


register_snippet(ReferenceDocumentViewSet)
