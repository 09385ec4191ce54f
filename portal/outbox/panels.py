"""The e-mails about an object, shown in its edit view: ``panels = [..., EmailsPanel()]``."""

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel

from portal.outbox.models import OutgoingEmail


class EmailsPanel(Panel):
    """The e-mails about the object being edited, with how each one went and a link to it in
    the outbox for those who may read it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", gettext_lazy("E-mails"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "outbox/emails_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            emails = (OutgoingEmail.objects.about(self.instance) if self.instance.pk
                      else OutgoingEmail.objects.none())
            context["emails"] = emails
            context["may_open"] = self.request.user.has_perm("outbox.view_outgoingemail")
            return context
