"""The outbox in the Wagtail admin: officers read every e-mail with its delivery log, filter
and search them, and send a failed one again."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from portal.outbox.models import EmailStatus, OutgoingEmail
from portal.outbox.sending import send_again

SEND_AGAIN_ACTION = "relais.outbox.send_again"


def local_date_time(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else "-"


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Officers read the outbox (``view``) and may send an e-mail again (``resend``); nobody
    adds, changes or deletes one in the admin, superusers included."""

    ACTIONS = {"view", "resend"}

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and super().user_has_permission(user, action)


outbox_policy = OutboxPermissionPolicy(OutgoingEmail)


def kind_choices():
    kinds = OutgoingEmail.objects.order_by("kind").values_list("kind", flat=True).distinct()
    return [(kind, kind) for kind in kinds if kind]


class OutgoingEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"),
                                         choices=EmailStatus.choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=kind_choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Created between"), widget=DateRangePickerWidget,
    )

    class Meta:
        model = OutgoingEmail
        fields = ["status", "kind", "created_at"]


def may_send_again(user, email) -> bool:
    return email.may_be_sent_again and outbox_policy.user_has_permission(user, "resend")


def send_again_url(email) -> str:
    return reverse("outbox:send_again", args=[email.pk])


class OutgoingEmailIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().readable_by(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_send_again(self.request.user, instance):
            buttons.append(Button(_("Send again"), url=send_again_url(instance),
                                  icon_name="resubmit", priority=5))
        return buttons


class OutgoingEmailInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(OutgoingEmail.objects.readable_by(self.request.user),
                                 pk=self.pk)

    def get_field_label(self, field_name, field):
        labels = {"about": _("About"), "log": _("Delivery attempts")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    @property
    def header_more_buttons(self):
        buttons = [*super().header_more_buttons,
                   Button(_("History"), url=reverse("outbox:history", args=[self.object.pk]),
                          icon_name="history", priority=50)]
        if may_send_again(self.request.user, self.object):
            buttons.append(Button(_("Send again"), url=send_again_url(self.object),
                                  icon_name="resubmit", priority=5))
        return buttons

    def get_about_display_value(self):
        about = self.object.about
        if about is None:
            return _("Nothing (or deleted)") if self.object.content_type_id else "-"
        url = AdminURLFinder(self.request.user).get_edit_url(about)
        return format_html('<a href="{}">{}</a>', url, about) if url else str(about)

    def get_body_display_value(self):
        return mark_safe(linebreaks(self.object.body, autoescape=True))

    def get_headers_display_value(self):
        return format_html_join(mark_safe("<br>"), "{}: {}",
                                sorted(self.object.headers.items())) or "-"

    def get_log_display_value(self):
        attempts = self.object.log.all()
        return format_html_join("", "<p>{} — {}</p>", (
            (local_date_time(attempt.attempted_at), attempt.error or _("Sent"))
            for attempt in attempts
        )) or _("No attempt yet.")

    def get_created_at_display_value(self):
        return local_date_time(self.object.created_at)

    def get_next_attempt_at_display_value(self):
        return local_date_time(self.object.next_attempt_at)

    def get_sent_at_display_value(self):
        return local_date_time(self.object.sent_at)


class OutgoingEmailHistoryView(HistoryView):
    """Who sent an e-mail again, and when: readable by those who read the outbox."""

    any_permission_required = ["view"]


def send_again_view(request, pk):
    email = get_object_or_404(OutgoingEmail.objects.readable_by(request.user), pk=pk)
    if not outbox_policy.user_has_permission(request.user, "resend"):
        raise PermissionDenied
    inspect_url = reverse("outbox:inspect", args=[email.pk])
    if request.method == "POST":
        if send_again(email):
            log(instance=email, action=SEND_AGAIN_ACTION, user=request.user)
            messages.success(request, _("The e-mail is being sent again."))
        else:
            messages.error(request, _("Only an e-mail that failed can be sent again."))
        return redirect(inspect_url)
    return TemplateResponse(request, "outbox/send_again.html", {
        "email": email, "inspect_url": inspect_url, "header_icon": "mail",
        "page_title": _("Send again"), "header_title": _("Send again"),
    })


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("E-mails")
    menu_hook = "register_reports_menu_item"
    menu_order = 900
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutgoingEmailIndexView
    inspect_view_class = OutgoingEmailInspectView
    history_view_class = OutgoingEmailHistoryView
    inspect_view_fields = [
        "status", "created_at", "kind", "about", "from_email", "to", "reply_to", "subject",
        "body", "headers", "attempts", "next_attempt_at", "sent_at", "log",
    ]
    # The generic views need a form, although nobody may add or change an e-mail.
    form_fields = ["subject"]
    list_display = [
        "subject", "to",
        StatusTagColumn("status", label=gettext_lazy("Status"),
                        accessor="get_status_display",
                        primary=lambda email: email.status != EmailStatus.SENT),
        "attempts",
        Column("last_error", label=gettext_lazy("Last error"),
               accessor=lambda email: Truncator(email.last_error).chars(60)),
        "created_at",
    ]
    filterset_class = OutgoingEmailFilterSet
    # Searched in the database, not in the search index: personal data stays out of it.
    search_backend_name = None
    search_fields = ["subject", "to", "kind", "last_error"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("send-again/<int:pk>/", send_again_view, name="send_again")]
