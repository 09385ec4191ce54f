"""How officers follow questions, and editors manage topics, in the Wagtail admin."""

import django_filters
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages.contact.forms import QuestionFollowUpForm
from pages.contact.models import ContactTopic, Question, QuestionStatus
from portal.dashboard import WaitingPanel, waiting_panel
from portal.filters import AdminFilters, AdminSnippetIndexView
from portal.outbox.models import EmailStatus
from portal.outbox.panels import EmailsPanel


def email_link(address: str):
    return format_html('<a href="mailto:{0}">{0}</a>', address) if address else "-"


class EmailLinkPanel(FieldPanel):
    """A read-only e-mail address shown as a ``mailto:`` link."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        return email_link(value)


ASKED = [
    *(FieldPanel(name, read_only=True) for name in (
        "reference", "created_at", "topic", "visitor_type", "name")),
    EmailLinkPanel("email"),
    *(FieldPanel(name, read_only=True) for name in ("organisation", "subject", "message")),
]


def local_date_time(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else "-"


class QuestionFilterSet(AdminFilters):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received between"), widget=DateRangePickerWidget,
    )

    class Meta:
        model = Question
        fields = ["status", "topic", "visitor_type", "assigned_to", "created_at"]


class ContactTopicFilterSet(AdminFilters):
    class Meta:
        model = ContactTopic
        fields = ["active"]


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come from the public form only: nobody creates one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class QuestionInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "emails":
            return _("E-mails")
        return super().get_field_label(field_name, field)

    def get_created_at_display_value(self):
        return local_date_time(self.object.created_at)

    def get_answered_at_display_value(self):
        return local_date_time(self.object.answered_at)

    def get_assigned_to_display_value(self):
        return str(self.object.assigned_to or "-")

    def get_message_display_value(self):
        return mark_safe(linebreaks(self.object.message, autoescape=True))

    def get_email_display_value(self):
        return email_link(self.object.email)

    def get_reply_sent_at_display_value(self):
        return local_date_time(self.object.reply_sent_at)

    def get_reply_sent_by_display_value(self):
        return str(self.object.reply_sent_by or "-")

    def get_reply_note_display_value(self):
        return mark_safe(linebreaks(self.object.reply_note, autoescape=True)) or "-"

    def get_emails_display_value(self):
        return format_html_join("", "<p>{}</p>", ((email.delivery_summary(),) for email in
                                                  self.object.emails.all())) or "-"


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "mail"
    menu_label = _("Questions")
    inspect_view_enabled = True
    inspect_view_class = QuestionInspectView
    inspect_view_fields = [
        "reference", "created_at", "page", "topic", "visitor_type", "name", "email",
        "organisation", "subject", "message", "status", "assigned_to", "reply_note",
        "answered_at", "reply_sent_at", "reply_sent_by", "emails",
    ]
    copy_view_enabled = False
    list_display = [
        "reference", "subject", "topic", "status", "created_at", "assigned_to",
        Column("unsent_emails", label=_("E-mails not sent")),
    ]
    filterset_class = QuestionFilterSet
    index_view_class = AdminSnippetIndexView
    # Searched in the database, not in the search index: personal data stays out of it.
    search_backend_name = None
    search_fields = ["reference", "email", "subject", "name"]
    edit_handler = ObjectList([
        MultiFieldPanel(ASKED, heading=_("Question")),
        EmailsPanel(),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("assigned_to"),
                         FieldPanel("reply_note"), FieldPanel("send_reply"),
                         FieldPanel("reply_sent_at", read_only=True),
                         FieldPanel("reply_sent_by", read_only=True)],
                        heading=_("Follow-up")),
    ], base_form_class=QuestionFollowUpForm)

    def get_queryset(self, request):
        return Question.objects.select_related("topic", "assigned_to").annotate(
            unsent_emails=Count("emails", filter=~Q(emails__status=EmailStatus.SENT))
        )


class ContactTopicViewSet(SnippetViewSet):
    model = ContactTopic
    icon = "list-ul"
    menu_label = _("Topics")
    list_display = ["name", "email", "active"]
    filterset_class = ContactTopicFilterSet
    index_view_class = AdminSnippetIndexView
    search_backend_name = None
    search_fields = ["name", "email"]


class QuestionsGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, ContactTopicViewSet)
    menu_icon = "mail"
    menu_label = _("Questions")
    menu_order = 250


register_permission_policy(Question, QuestionPermissionPolicy(Question), exact_class=True)
register_snippet(QuestionsGroup)


@waiting_panel
class NewQuestionsPanel(WaitingPanel):
    """Questions nobody has taken up yet."""

    name = "new_questions"
    heading = _("New questions from the public")
    order = 230
    permission = "pages.change_question"
    list_url_name = "wagtailsnippets_pages_question:list"
    list_query = "status=new"

    def items(self):
        return Question.objects.filter(status=QuestionStatus.NEW).order_by("created_at", "pk")

    def item_label(self, item):
        return f"{item.reference} · {item.subject}"
