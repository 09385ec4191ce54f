"""What waits for the officers, on the admin's dashboard: one small base for every panel.

A panel counts the items that wait for the signed-in user and lists the oldest few, each a
link to its own screen, with a link to the whole list. An app adds one in a few lines::

    from portal.dashboard import WaitingPanel, waiting_panel

    @waiting_panel
    class NewQuestions(WaitingPanel):
        name = "new_questions"
        heading = _("New questions from the public")
        permission = "pages.change_question"
        list_url_name = "wagtailsnippets_pages_question:list"
        list_query = "status=new"

        def items(self):
            return Question.objects.filter(status="new").order_by("created_at")

``waiting_panel`` registers the class on Wagtail's ``construct_homepage_panels`` hook; the
panel is shown to users with its ``permission`` (and ``is_shown`` for finer rules), even when
nothing waits ("Nothing waits"), so that an officer knows the list was looked at.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component


class WaitingPanel(Component):
    template_name = "portal/admin/waiting_panel.html"
    name = ""
    heading = ""
    # Wagtail's own panels: "Awaiting your review" 220, "Your pages in a workflow" 210.
    order = 200
    permission = ""  # "app_label.codename" the user needs, or "" for every admin user
    list_url_name = ""  # the admin screen with the whole list
    list_query = ""  # its filters, as a query string
    shown = 5  # how many of the oldest items are listed
    date_field = "created_at"

    def __init__(self, request):
        self.request = request

    def is_shown(self) -> bool:
        return not self.permission or self.request.user.has_perm(self.permission)

    def items(self):
        """What waits for this user, oldest first (a queryset)."""
        raise NotImplementedError

    def item_url(self, item) -> str:
        return AdminURLFinder(self.request.user).get_edit_url(item) or ""

    def item_label(self, item) -> str:
        return str(item)

    def item_note(self, item) -> str:
        """What is said beside the item: by default, how long it has waited."""
        date = getattr(item, self.date_field, None)
        return _("for %(age)s") % {"age": timesince(date, self.now)} if date else ""

    def list_url(self) -> str:
        if not self.list_url_name:
            return ""
        url = reverse(self.list_url_name)
        return f"{url}?{self.list_query}" if self.list_query else url

    def get_context_data(self, parent_context=None):
        self.now = timezone.now()
        items = self.items()
        oldest = list(items[: self.shown])
        return {
            "panel": self,
            "count": items.count() if len(oldest) == self.shown else len(oldest),
            "rows": [{"label": self.item_label(item), "url": self.item_url(item),
                      "note": self.item_note(item)} for item in oldest],
            "list_url": self.list_url(),
        }


def waiting_panel(panel_class: type[WaitingPanel]) -> type[WaitingPanel]:
    """Show this panel on the dashboard of the users it is for (a class decorator)."""

    @hooks.register("construct_homepage_panels")
    def add_panel(request, panels):
        panel = panel_class(request)
        if panel.is_shown():
            panels.append(panel)

    return panel_class
