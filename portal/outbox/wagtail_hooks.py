from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.outbox.admin import SEND_AGAIN_ACTION, OutgoingEmailViewSet, outbox_policy
from portal.outbox.models import OutgoingEmail

register_permission_policy(OutgoingEmail, outbox_policy)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("outbox")


@hooks.register("register_log_actions")
def register_outbox_log_actions(actions):
    actions.register_action(SEND_AGAIN_ACTION, _("Send again"), _("Sent again"))
