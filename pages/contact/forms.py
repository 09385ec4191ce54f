"""The public question form, in DSFR markup through ``portal/includes/form_field.html``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.contact.models import Question
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
