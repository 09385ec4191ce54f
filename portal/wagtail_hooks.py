from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.intranet import user_is_denied_page, visible_to
from portal.models import Directorate


class DirectorateViewSet(SnippetViewSet):
    model = Directorate
    icon = "group"
    menu_label = _("Directorates")
    add_to_settings_menu = True
    list_display = ["short_name", "name", "region_name", "staff_group"]
    search_fields = ["name", "short_name"]


register_snippet(DirectorateViewSet)


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
