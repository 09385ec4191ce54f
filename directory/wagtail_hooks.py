"""The directory in the Wagtail admin: people and services for HR and communication officers
(the "HR" and "Rédacteurs" groups, given these permissions by the app's migrations), and the HR
import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory import admin_views
from directory.forms import PersonAdminForm
from directory.models import Person, Service
from portal.filters import AdminFilters, AdminSnippetIndexView, FlagFilter


class PersonFilters(AdminFilters):
    archived = FlagFilter(label=_("Archived"), field_name="archived_at", lookup_expr="isnull",
                          exclude=True)

    class Meta:
        model = Person
        fields = ["directorate", "service"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["last_name", "first_name", "directorate", "service", "job_title",
                    "archived_at"]
    list_export = ["hr_id", "last_name", "first_name", "email", "directorate", "service",
                   "job_title", "phone", "office", "archived_at"]
    export_filename = "annuaire"
    filterset_class = PersonFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["last_name", "first_name", "job_title", "subjects"]
    copy_view_enabled = False
    edit_handler = ObjectList(Person.panels, base_form_class=PersonAdminForm)

    def get_queryset(self, request):
        return Person.objects.select_related("directorate", "service")


class ServiceFilters(AdminFilters):
    class Meta:
        model = Service
        fields = ["directorate", "kind"]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "group"
    menu_label = _("Services and bureaux")
    list_display = ["name", "directorate", "parent", "kind", "head"]
    filterset_class = ServiceFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["name", "missions"]

    def get_queryset(self, request):
        return Service.objects.select_related("directorate", "parent", "head")


class DirectoryGroup(SnippetViewSetGroup):
    items = (PersonViewSet, ServiceViewSet)
    menu_icon = "group"
    menu_label = _("Directory")
    menu_name = "directory"
    menu_order = 320


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("directory/import/", admin_views.upload, name="directory_import"),
        path("directory/import/<int:pk>/", admin_views.preview, name="directory_import_preview"),
        path("directory/import/<int:pk>/report/", admin_views.report,
             name="directory_import_report"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("directory.add_hrimport")


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(_("HR import"), reverse("directory_import"), icon_name="upload",
                          order=321)
