from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.dashboard import WaitingPanel, waiting_panel
from portal.outbox.admin import SEND_AGAIN_ACTION, OutgoingEmailViewSet, outbox_policy
from portal.outbox.models import EmailStatus, OutgoingEmail

register_permission_policy(OutgoingEmail, outbox_policy)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("outbox")


@hooks.register("register_log_actions")
def register_outbox_log_actions(actions):
    actions.register_action(SEND_AGAIN_ACTION, _("Send again"), _("Sent again"))


@waiting_panel
class FailedEmailsPanel(WaitingPanel):
    """E-mails that did not leave: still retried (failed) or given up after ten attempts."""

    name = "failed_emails"
    heading = _("E-mails not sent")
    order = 260
    permission = "outbox.view_outgoingemail"
    list_url_name = "outbox:index"
    list_query = "status=given_up"

    def items(self):
        return OutgoingEmail.objects.filter(
            status__in=[EmailStatus.FAILED, EmailStatus.GIVEN_UP]).order_by("created_at", "pk")

    def item_url(self, item):
        return reverse("outbox:inspect", args=[item.pk])

    def item_label(self, item):
        return f"{item.subject} ({item.get_status_display()})"
