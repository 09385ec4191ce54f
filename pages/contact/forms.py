"""The public question form, in DSFR markup through ``portal/includes/form_field.html``, and
the officers' follow-up form in the admin."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from pages.contact.emails import queue_reply
from pages.contact.models import Question, QuestionStatus
from portal.antispam import HoneypotFormMixin


def single_line(value: str) -> str:
    """Collapse line breaks and runs of spaces: the subject becomes an e-mail header."""
    return " ".join(value.split())


class QuestionForm(HoneypotFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I have read the personal-data notice above and agree that my data is used "
                "to answer my question."),
        error_messages={"required": _("Tick this box to send your question.")},
    )

    class Meta:
        model = Question
        fields = ["topic", "subject", "message", "visitor_type", "name", "email",
                  "organisation"]
        labels = {
            "topic": _("Topic of your question"),
            "subject": _("Subject"),
            "message": _("Your message"),
            "visitor_type": _("You are writing as"),
            "name": _("First and last name"),
            "email": _("E-mail address"),
            "organisation": _("Organisation"),
        }
        help_texts = {
            "email": _("Format expected: name@example.fr. We answer to this address."),
            "message": _("5,000 characters at most. Do not send health or bank details."),
            "organisation": _("Company, association, local authority…"),
        }
        widgets = {
            "topic": forms.RadioSelect,
            "visitor_type": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        topic = self.fields["topic"]
        topic.queryset = topics
        topic.required = True
        topic.empty_label = None
        topic.error_messages["required"] = _("Choose the topic of your question.")
        self.order_fields([*self.Meta.fields, "consent"])

    def clean_subject(self):
        return single_line(self.cleaned_data["subject"])

    def store(self, *, page, site):
        """Save the question with where it was asked."""
        question = super().save(commit=False)
        question.page = page
        question.locale = page.locale
        question.site = site
        question.save()
        return question


class QuestionFollowUpForm(WagtailAdminModelForm):
    """The officer's follow-up of a question in the admin; the reply can go to the sender by
    e-mail, through the outbox, in the same transaction as the question's save."""

    send_reply = forms.BooleanField(
        label=_("Send this reply to the sender by e-mail"), required=False,
        help_text=_("The sender receives the reply above with the reference of the question, "
                    "which is then marked as answered."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("send_reply") and not cleaned_data.get("reply_note", "").strip():
            self.add_error("reply_note", _("Write the reply to send."))
        return cleaned_data

    def save(self, commit=True):
        question = super().save(commit=False)
        sending = self.cleaned_data.get("send_reply")
        if sending:
            question.status = QuestionStatus.ANSWERED
            question.reply_sent_at = timezone.now()
            question.reply_sent_by = self.for_user
        if commit:
            question.save()
            self.save_m2m()
            if sending:
                queue_reply(question)
        return question
