import datetime

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.dashboard import WaitingPanel, waiting_panel
from portal.intranet import user_is_denied_page, visible_to
from portal.models import Directorate
from portal.settings_admin import ReadableSettingMenuItem, setting_urls, site_setting_models

EXPIRY_NOTICE = datetime.timedelta(days=14)
page_permission_policy = PagePermissionPolicy()


class DirectorateViewSet(SnippetViewSet):
    model = Directorate
    icon = "group"
    menu_label = _("Directorates")
    add_to_settings_menu = True
    list_display = ["short_name", "name", "region_name", "staff_group"]
    search_fields = ["name", "short_name"]


register_snippet(DirectorateViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_settings_readers_may_open():
    # order=-1: before Wagtail's settings URLs, so that these views answer them.
    return setting_urls()


def register_reader_menu_item(model):
    @hooks.register("register_settings_menu_item")
    def reader_menu_item():
        return ReadableSettingMenuItem(model)


for setting_model in site_setting_models():
    register_reader_menu_item(setting_model)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("portal/admin.css"))


@hooks.register("before_serve_page", order=-10)
def deny_signed_in_users_outside_the_page_groups(page, request, serve_args, serve_kwargs):
    """A signed-in member of staff who lacks the page's group gets a 403, not a login loop.

    Wagtail's own check (which runs next) sends anyone who fails a group restriction back to
    the login page, which only makes sense for anonymous visitors.
    """
    if user_is_denied_page(request.user, page):
        raise PermissionDenied("This page is restricted to other groups.")


@hooks.register("construct_explorer_page_queryset")
def list_only_the_pages_the_editor_may_read(parent_page, pages, request):
    """The explorer does not show an editor the (draft) titles of another directorate's
    pages, which their permissions no longer let them open."""
    return visible_to(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def choose_only_the_pages_the_editor_may_read(pages, request):
    return visible_to(pages, request.user)


class ReadablePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with "explorable" narrowed to the pages the user may read."""

    def explorable_instances(self, user):
        return visible_to(super().explorable_instances(user), user)


class PageSearchView(SearchView):
    """The admin's page search finds, like the explorer, no (draft) title of a page the
    editor may not read."""

    @cached_property
    def permission_policy(self):
        return ReadablePagePermissionPolicy()


class PortalPageViewSet(PageViewSet):
    search_view_class = PageSearchView


# Registered after Wagtail's own base viewset (order 0), so it is the one used for every page.
@hooks.register("register_admin_viewset", order=10)
def register_page_viewset():
    return PortalPageViewSet()


@waiting_panel
class ExpiringPagesPanel(WaitingPanel):
    """Live pages the user may edit whose expiry date comes within two weeks."""

    name = "expiring_pages"
    heading = _("Pages expiring within two weeks")
    order = 270
    date_field = "expire_at"

    def is_shown(self):
        return page_permission_policy.user_has_any_permission(self.request.user, ["change"])

    def items(self):
        now = timezone.now()
        editable = visible_to(page_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]), self.request.user)
        return (editable.live().filter(expire_at__gte=now, expire_at__lte=now + EXPIRY_NOTICE)
                .order_by("expire_at"))

    def item_label(self, item):
        return item.get_admin_display_title()

    def item_note(self, item):
        return _("expires on %(date)s") % {"date": date_format(localtime(item.expire_at))}
