from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UnpublishView,
    UsageView,
)

from events import admin_views, home, moderation
from events.models import LocalEvent, Registration
from events.officers import events_for_officer, may_moderate
from events.sitemaps import LocalEventSitemap
from pages.base.models import HOME_SECTIONS_HOOK
from pages.sitemaps import SITEMAPS_HOOK
from portal.dashboard import WaitingPanel, waiting_panel
from portal.filters import AdminFilters, AdminSnippetIndexView
from portal.layout import PAGE_CONTENT_MODELS_HOOK


class RegionalObjectMixin:
    """Officers open only the events of their own region, whatever the URL says (the region
    of the published row: edit views work on the latest revision)."""

    def get_object(self, *args, **kwargs):
        event = super().get_object(*args, **kwargs)
        if not may_moderate(self.request.user, getattr(self, "live_object", event)):
            raise PermissionDenied
        return event


class LocalEventEditView(RegionalObjectMixin, EditView):
    def publish_action(self):
        # Publishing from the edit form approves what awaited: the organiser hears of it.
        awaiting = self.live_object.awaiting_moderation
        response = super().publish_action()
        if awaiting and response is None:
            moderation.notify_organiser(LocalEvent.objects.get(pk=self.live_object.pk),
                                        "approved")
        return response


class LocalEventDeleteView(RegionalObjectMixin, DeleteView):
    pass


class LocalEventInspectView(RegionalObjectMixin, InspectView):
    pass


class LocalEventFilters(AdminFilters):
    class Meta:
        model = LocalEvent
        fields = ["status", "change_status", "region", "department", "first_start",
                  "first_participation"]


class RegistrationFilters(AdminFilters):
    class Meta:
        model = Registration
        fields = ["page", "status"]


class LocalEventHistoryView(RegionalObjectMixin, HistoryView):
    pass


class LocalEventUsageView(RegionalObjectMixin, UsageView):
    pass


class LocalEventUnpublishView(RegionalObjectMixin, UnpublishView):
    pass


class LocalEventCompareView(RegionalObjectMixin, RevisionsCompareView):
    """Wagtail's comparison of two versions, over every field an organiser can change (the
    edit form of the admin shows fewer)."""

    def get_edit_handler(self):
        return admin_views.COMPARISON_PANELS


class LocalEventViewSet(SnippetViewSet):
    model = LocalEvent
    icon = "date"
    menu_label = _("Local events")
    list_display = ["title", "region", "department", "status", "change_status", "first_start"]
    filterset_class = LocalEventFilters
    index_view_class = AdminSnippetIndexView
    search_fields = ["title", "organisation"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = LocalEventEditView
    delete_view_class = LocalEventDeleteView
    inspect_view_class = LocalEventInspectView
    history_view_class = LocalEventHistoryView
    usage_view_class = LocalEventUsageView
    unpublish_view_class = LocalEventUnpublishView
    revisions_compare_view_class = LocalEventCompareView
    # Statuses change through moderation (Approve, Refuse, Publish, Unpublish) and the
    # organiser's availability buttons, not by hand: a draft of this form is a revision.
    panels = [
        FieldPanel("title"), FieldPanel("description"), FieldPanel("organisation"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("price"),
                         FieldPanel("booking_required"), FieldPanel("booking_url"),
                         FieldPanel("booking_phone"), FieldPanel("booking_email")],
                        heading=_("Practical details")),
        FieldPanel("image_alt"),
    ]

    def get_queryset(self, request):
        return events_for_officer(request.user).select_related("region", "department")


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    list_display = ["name", "email", "organisation", "page", "status", "created_at"]
    filterset_class = RegistrationFilters
    index_view_class = AdminSnippetIndexView
    list_export = ["page", "name", "email", "organisation", "status", "created_at"]
    export_filename = "inscriptions"
    search_fields = ["name", "email"]
    copy_view_enabled = False


class EventsGroup(SnippetViewSetGroup):
    items = (LocalEventViewSet, RegistrationViewSet)
    menu_icon = "date"
    menu_label = _("Events")
    menu_name = "events"


register_snippet(EventsGroup)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("events/<int:pk>/approve/", admin_views.approve, name="events_approve"),
        path("events/<int:pk>/refuse/", admin_views.refuse, name="events_refuse"),
    ]


@hooks.register("register_snippet_listing_buttons")
def moderation_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, LocalEvent):
        return []
    buttons = []
    if snippet.has_pending_change:
        buttons.append(Button(
            _("Compare the changes"), reverse(
                "wagtailsnippets_events_localevent:revisions_compare",
                args=[snippet.pk, "live", "latest"]),
            icon_name="history", priority=30))
    if snippet.awaiting_moderation:
        buttons += [
            Button(_("Approve"),
                   reverse("events_approve", args=[snippet.pk]), icon_name="check",
                   priority=10),
            Button(_("Refuse"), reverse("events_refuse", args=[snippet.pk]),
                   icon_name="cross", priority=20),
        ]
    return buttons


class ApproveBulkAction(SnippetBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected events")
    template_name = "events/admin/confirm_bulk_approve.html"
    action_priority = 10
    models = [LocalEvent]

    def check_perm(self, event):
        user = self.request.user
        return (event.awaiting_moderation
                and user.has_perm("events.change_localevent") and may_moderate(user, event))

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for event in objects:
            moderation.approve(event, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d event published.", "%(count)d events published.",
                        num_parent_objects) % {"count": num_parent_objects}


hooks.register("register_bulk_action", ApproveBulkAction)

hooks.register(HOME_SECTIONS_HOOK, home.home_events_section)


@waiting_panel
class EventsToModeratePanel(WaitingPanel):
    """Local events of the officer's regions awaiting moderation: new ones and changes."""

    name = "events_to_moderate"
    heading = _("Local events awaiting moderation")
    order = 225
    permission = "events.change_localevent"
    # The whole list: new submissions and changes to published events both wait.
    list_url_name = "wagtailsnippets_events_localevent:list"
    date_field = "submitted_at"

    def items(self):
        return (events_for_officer(self.request.user).awaiting_moderation()
                .select_related("region").order_by("submitted_at", "pk"))

    def item_label(self, item):
        return f"{item.title} ({item.region})"


@hooks.register(PAGE_CONTENT_MODELS_HOOK)
def events_pages_show():
    """Programmes, the home page and event pages list these: a change drops the cached
    layout and pages (portal.layout)."""
    from events.models import Department, Region, Theme, TimeSlot, Venue

    return [LocalEvent, Registration, TimeSlot, Venue, Region, Department, Theme]


@hooks.register(SITEMAPS_HOOK)
def local_events_sitemap():
    return {"events": LocalEventSitemap}
