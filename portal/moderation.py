"""Approving a page from the dashboard says so.

The dashboard's "Awaiting your review" panel approves (or sends back) a page through Wagtail's
workflow action view, which then returns to the dashboard without a word: the moderator
could not tell whether anything happened. This is Wagtail's view, subclassed to add the
message, answered on Wagtail's URL (portal.urls, before the admin's own).
"""

from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState


class WorkflowActionSaidInWords(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        self.object.refresh_from_db()
        title = get_latest_str(self.object)
        status = self.task_state.status
        if status == TaskState.STATUS_APPROVED:
            if self.object.live and not self.object.has_unpublished_changes:
                message = _("Page “%(title)s” approved and published.")
            else:
                message = _("Page “%(title)s” approved: it moves on to the next step.")
            messages.success(request, message % {"title": title})
        elif status == TaskState.STATUS_REJECTED:
            messages.success(request, _("Changes requested on page “%(title)s”.")
                             % {"title": title})
        return response


workflow_action = never_cache(require_admin_access(WorkflowActionSaidInWords.as_view()))
