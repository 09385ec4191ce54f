"""The press officers' admin: contacts (journalists, outlets, lists, subjects, tags, saved
filters), imports and exports, sends of releases, enquiries. Every view asks for the
``press`` permissions, which only the Press officers group has (its migration)."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from portal.filters import AdminFilters, AdminSnippetIndexView, FlagFilter
from press import admin_views
from press.models import (
    OPEN_STATUSES,
    Beat,
    ContactImport,
    ContactList,
    ContactTag,
    Distribution,
    ExportRecord,
    Journalist,
    Outlet,
    PressEnquiry,
    PressKitPage,
    PressReleasePage,
    SavedFilter,
)

# --- Journalists ------------------------------------------------------------------------------

class JournalistForm(WagtailAdminModelForm):
    different_person = forms.BooleanField(
        label=_("This is a different person with the same name at the same outlet"),
        required=False)

    def _post_clean(self):
        super()._post_clean()
        duplicates = list(self.instance.duplicates())
        if not duplicates:
            return
        addresses = {a.lower() for a in (self.instance.email, self.instance.other_email) if a}
        same_email = [other for other in duplicates
                      if addresses & {other.email, other.other_email}]
        if same_email or not self.cleaned_data.get("different_person"):
            links = format_html_join(", ", '<a href="{}">{}</a>', [
                (reverse("wagtailsnippets_press_journalist:edit", args=[other.pk]),
                 f"{other} ({other.outlet or '—'})") for other in duplicates])
            message = (_("A contact already has this e-mail address: {links}. Edit it, or "
                         "merge the two.") if same_email else
                       _("A contact of this outlet already has this name: {links}. Edit it, "
                         "merge the two, or tick “different person”."))
            self.add_error(None, ValidationError(format_html(str(message), links=links),
                                                 code="duplicate"))


class JournalistFilters(AdminFilters):
    to_review = FlagFilter(label=_("To review (not updated for a long time)"),
                           method="filter_to_review")
    reachable = django_filters.BooleanFilter(label=_("Can receive releases"),
                                             method="filter_reachable")

    class Meta:
        model = Journalist
        fields = ["outlet", "outlet__scope", "outlet__outlet_type", "beats", "regions",
                  "tags", "lists", "language", "legal_basis", "do_not_contact"]

    def filter_to_review(self, queryset, name, value):
        return queryset.to_review() if value else queryset

    def filter_reachable(self, queryset, name, value):
        if value is None:
            return queryset
        reachable = queryset.reachable().values("pk")
        return queryset.filter(pk__in=reachable) if value else queryset.exclude(
            pk__in=reachable)


class JournalistIndexView(AdminSnippetIndexView):
    """Exports need their own permission, and each one is recorded."""

    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm("press.export_journalist"):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            ExportRecord.objects.create(
                user=self.request.user, what="journalists",
                file_format=self.request.GET.get("export", "")[:10],
                filters=self.request.GET.urlencode()[:1000])
        return super().render_to_response(context, **response_kwargs)


class JournalistCreateView(CreateView):
    """Filled in from the address, for "Add the sender as a contact" of an enquiry."""

    PREFILLED = ("first_name", "last_name", "email", "phone", "source", "notes")

    def get_initial(self):
        return {**super().get_initial(), **{
            name: self.request.GET[name][:200] for name in self.PREFILLED
            if self.request.GET.get(name)}}


class JournalistViewSet(SnippetViewSet):
    model = Journalist
    icon = "user"
    menu_label = _("Journalists")
    list_display = ["__str__", "outlet", "role", "email", "do_not_contact", "updated_at"]
    list_export = ["first_name", "last_name", "outlet", "role", "email", "other_email",
                   "phone", "mobile", "language", "subject_names", "tag_names",
                   "legal_basis", "consent_at", "do_not_contact", "unsubscribed_at",
                   "updated_at"]
    export_headings = {"subject_names": _("subjects covered"), "tag_names": _("tags")}
    export_filename = "journalistes"
    filterset_class = JournalistFilters
    index_view_class = JournalistIndexView
    add_view_class = JournalistCreateView
    search_fields = ["first_name", "last_name", "email", "other_email", "role", "notes"]
    copy_view_enabled = False
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldRowPanel([FieldPanel("outlet"), FieldPanel("role")]),
        FieldPanel("beats", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions"),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("email"), FieldPanel("other_email")]),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("mobile")]),
            FieldPanel("social_handles"), FieldPanel("language"),
        ], heading=_("Contact details")),
        FieldPanel("notes"),
        MultiFieldPanel([
            FieldPanel("source"), FieldRowPanel([FieldPanel("legal_basis"),
                                                 FieldPanel("consent_at")]),
            FieldPanel("do_not_contact"), FieldPanel("unsubscribed_at", read_only=True),
        ], heading=_("Personal data")),
        FieldPanel("different_person"),
    ], base_form_class=JournalistForm)

    def get_queryset(self, request):
        return Journalist.objects.select_related("outlet").prefetch_related("beats", "tags")


class OutletFilters(AdminFilters):
    class Meta:
        model = Outlet
        fields = ["outlet_type", "scope", "region"]


class OutletViewSet(SnippetViewSet):
    model = Outlet
    icon = "site"
    menu_label = _("Outlets")
    list_display = ["name", "outlet_type", "scope", "region", "website"]
    list_export = ["name", "outlet_type", "scope", "region", "website"]
    export_filename = "medias"
    filterset_class = OutletFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["name"]
    copy_view_enabled = False


class ContactListViewSet(SnippetViewSet):
    model = ContactList
    icon = "list-ul"
    menu_label = _("Lists")
    list_display = ["name", "description", "updated_at"]
    search_fields = ["name"]
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("members")]


class SavedFilterViewSet(SnippetViewSet):
    model = SavedFilter
    icon = "search"
    menu_label = _("Saved filters")
    list_display = ["name", "link"]
    copy_view_enabled = False


class BeatViewSet(SnippetViewSet):
    model = Beat
    icon = "tag"
    menu_label = _("Subjects")
    list_display = ["name"]
    copy_view_enabled = False


class TagViewSet(SnippetViewSet):
    model = ContactTag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name"]
    copy_view_enabled = False


class ImportViewSet(SnippetViewSet):
    model = ContactImport
    icon = "upload"
    menu_label = _("Imports")
    list_display = ["file_name", "uploaded_by", "uploaded_at", "imported_count", "done_at"]
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["file_name", "uploaded_by", "uploaded_at", "source",
                           "legal_basis", "imported_count", "done_at"]


class ExportRecordViewSet(SnippetViewSet):
    model = ExportRecord
    icon = "download"
    menu_label = _("Exports")
    list_display = ["exported_at", "user", "what", "file_format", "filters"]
    copy_view_enabled = False


class EnquiryFilters(AdminFilters):
    open = FlagFilter(label=_("Waiting for an answer"), method="filter_open")

    class Meta:
        model = PressEnquiry
        fields = ["status", "spokesperson"]

    def filter_open(self, queryset, name, value):
        return queryset.filter(status__in=OPEN_STATUSES) if value else queryset


class EnquiryViewSet(SnippetViewSet):
    model = PressEnquiry
    icon = "mail"
    menu_label = _("Enquiries")
    list_display = ["subject", "outlet", "deadline", "status", "spokesperson"]
    filterset_class = EnquiryFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["subject", "name", "outlet"]
    ordering = ["deadline"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return PressEnquiry.objects.select_related("spokesperson")


class DistributionViewSet(SnippetViewSet):
    model = Distribution
    icon = "mail"
    menu_label = _("Sends")
    list_display = ["page", "created_at", "created_by", "recipient_count", "excluded_count",
                    "is_test"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Distribution.objects.select_related("page", "created_by")


class PressGroup(SnippetViewSetGroup):
    items = (JournalistViewSet, OutletViewSet, ContactListViewSet, SavedFilterViewSet,
             BeatViewSet, TagViewSet, EnquiryViewSet, DistributionViewSet, ImportViewSet,
             ExportRecordViewSet)
    menu_icon = "user"
    menu_label = _("Press relations")
    menu_name = "press"
    submenu_hook = "register_press_menu_item"


register_snippet(PressGroup)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("press.add_contactimport")


@hooks.register("register_press_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Import contacts"), reverse("press_import"), icon_name="upload",
                          order=50)


@hooks.register("register_admin_urls")
def press_urls():
    return [
        path("press/import/", admin_views.import_upload, name="press_import"),
        path("press/import/<int:pk>/", admin_views.import_mapping, name="press_import_mapping"),
        path("press/import/<int:pk>/report/", admin_views.import_report,
             name="press_import_report"),
        path("press/send/<int:pk>/", admin_views.send_release, name="press_send"),
        path("press/sends/<int:pk>/", admin_views.send_log, name="press_send_log"),
        path("press/journalists/<int:pk>/merge/", admin_views.merge_contact,
             name="press_merge"),
        path("press/enquiries/<int:pk>/contact/", admin_views.enquiry_to_contact,
             name="press_enquiry_contact"),
        path("press/journalists/<int:pk>/data.json", admin_views.contact_export,
             name="press_contact_export"),
        path("press/journalists/<int:pk>/erase/", admin_views.contact_erase,
             name="press_contact_erase"),
    ]


@hooks.register("register_snippet_listing_buttons")
def journalist_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Distribution):
        return [Button(_("Send log"), reverse("press_send_log", args=[snippet.pk]),
                       icon_name="list-ul", priority=5)]
    if isinstance(snippet, PressEnquiry):
        if snippet.journalist_id is None and user.has_perm("press.add_journalist"):
            return [Button(_("Add the sender as a contact"),
                           reverse("press_enquiry_contact", args=[snippet.pk]),
                           icon_name="user", priority=20)]
        return []
    if not isinstance(snippet, Journalist):
        return []
    buttons = []
    if user.has_perm("press.delete_journalist"):
        buttons += [
            Button(_("Merge a duplicate"), reverse("press_merge", args=[snippet.pk]),
                   icon_name="resubmit", priority=40),
            Button(_("Erase (RGPD)"), reverse("press_contact_erase", args=[snippet.pk]),
                   icon_name="bin", priority=60),
        ]
    if user.has_perm("press.export_journalist"):
        buttons.append(Button(_("Export their data (JSON)"),
                              reverse("press_contact_export", args=[snippet.pk]),
                              icon_name="download", priority=50))
    return buttons


@hooks.register("register_page_header_buttons")
def send_button(page, user, view_name=None, next_url=None):
    if (user.has_perm("press.send_distribution")
            and page.specific_class in (PressReleasePage, PressKitPage)):
        yield HeaderButton(_("Send to journalists"), reverse("press_send", args=[page.pk]),
                           icon_name="mail", priority=5)


@hooks.register("register_log_actions")
def register_merge_action(actions):
    actions.register_action("press.merge", _("Merge"), _("Merged with a duplicate contact"))
