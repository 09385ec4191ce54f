"""How editors manage publication collections and follow paper-copy requests, and read the
download counts, in the Wagtail admin."""

import django_filters
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.publications.models import (
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationPage,
)
from portal.dashboard import WaitingPanel, waiting_panel
from portal.filters import (
    AdminFilters,
    AdminIndexView,
    AdminSnippetIndexView,
    ModelChoiceFilter,
    YearFilter,
)
from portal.reports import month_label


class PublicationCollectionViewSet(SnippetViewSet):
    model = PublicationCollection
    icon = "folder-open-inverse"
    menu_label = _("Publication collections")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RequestsComeFromVisitorsPolicy(ModelPermissionPolicy):
    """Officers follow and annotate paper-copy requests; only visitors create them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class PaperCopyRequestFilterSet(AdminFilters):
    notified = django_filters.BooleanFilter(
        label=_("Officer notified"), field_name="notified_at", lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = PaperCopyRequest
        fields = ["status", "publication"]


class PaperCopyRequestViewSet(SnippetViewSet):
    model = PaperCopyRequest
    icon = "mail"
    menu_label = _("Paper copies")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["publication_title", "name", "quantity", "status", "created_at",
                    DateColumn("notified_at", label=_("Officer notified on"))]
    filterset_class = PaperCopyRequestFilterSet
    index_view_class = AdminSnippetIndexView
    search_fields = ["publication_title", "name", "organisation", "email"]
    list_export = ["created_at", "publication_title", "quantity", "name", "organisation",
                   "email", "postal_address", "message", "status", "notified_at"]
    export_headings = {"notified_at": _("Officer notified on")}
    export_filename = "demandes-exemplaires-papier"
    copy_view_enabled = False

    def get_queryset(self, request):
        # When the officer's e-mail left the outbox (empty until it has).
        return PaperCopyRequest.objects.annotate(notified_at=Max("emails__sent_at"))


class AdminUsersMayViewPolicy(BasePermissionPolicy):
    """Download counts are written by downloads only; anyone working in the admin reads them."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm("wagtailadmin.access_admin")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DownloadCountFilterSet(AdminFilters):
    publication = ModelChoiceFilter(
        label=_("Publication"), queryset=PublicationPage.objects.order_by("title"),
    )
    year = YearFilter(label=_("Year"), field_name="month", lookup_expr="year")

    class Meta:
        model = DownloadCount
        fields = ["publication", "year"]


class DownloadCountIndexView(AdminIndexView):
    page_title = _("Downloads")
    # Months as people say them, in the list and in both exports: "septembre 2025".
    custom_field_preprocess = {"month": {AdminIndexView.FORMAT_CSV: month_label,
                                         AdminIndexView.FORMAT_XLSX: month_label}}

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("publication", "document")


class DownloadCountViewSet(ModelViewSet):
    model = DownloadCount
    icon = "download"
    menu_label = _("Publication downloads")
    menu_hook = "register_reports_menu_item"
    menu_order = 1000
    # The views need a form, although nobody may add or change a count.
    form_fields = ["count"]
    index_view_class = DownloadCountIndexView
    list_display = ["publication", "document",
                    Column("month", label=_("Month"), accessor=lambda row: month_label(row.month),
                           sort_key="month"),
                    "count"]
    list_export = ["publication", "document", "month", "count"]
    export_headings = {"month": _("Month"), "count": _("Downloads")}
    export_filename = "telechargements-publications"
    filterset_class = DownloadCountFilterSet
    copy_view_enabled = False


register_permission_policy(PaperCopyRequest, RequestsComeFromVisitorsPolicy(PaperCopyRequest))
register_permission_policy(DownloadCount, AdminUsersMayViewPolicy(DownloadCount))
register_snippet(PublicationCollectionViewSet)
register_snippet(PaperCopyRequestViewSet)


@hooks.register("register_admin_viewset")
def register_download_count_viewset():
    return DownloadCountViewSet("publication_downloads")


@waiting_panel
class NewPaperCopyRequestsPanel(WaitingPanel):
    """Requests for paper copies nobody has handled yet."""

    name = "new_paper_copy_requests"
    heading = _("New paper-copy requests")
    order = 240
    permission = "pages.change_papercopyrequest"
    list_url_name = "wagtailsnippets_pages_papercopyrequest:list"
    list_query = "status=new"

    def items(self):
        return PaperCopyRequest.objects.filter(status=PaperCopyRequest.Status.NEW).order_by(
            "created_at", "pk")

    def item_label(self, item):
        return f"{item.publication_title} · {item.quantity}"
